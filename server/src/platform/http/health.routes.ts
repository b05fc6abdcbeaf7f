import type { FastifyInstance } from 'fastify';
import type { ReadinessMonitor } from '../readiness.js';

/** Liveness and readiness: the runbook's `/health` contract and a `/ready` that names failures. */
export function registerHealthRoutes(fastify: FastifyInstance, readiness: ReadinessMonitor): void {
  fastify.get('/health', { logLevel: 'warn' }, async () => ({
    status: 'healthy',
    timestamp: new Date().toISOString(),
  }));

  fastify.get('/ready', { logLevel: 'warn' }, async (_request, reply) => {
    const result = await readiness.check();
    const failed = result.checks.filter((check) => !check.ok);
    return reply.code(result.ready ? 200 : 503).send({
      status: result.ready ? 'ready' : 'unavailable',
      timestamp: result.checkedAt,
      checks: Object.fromEntries(
        result.checks.map((c) => [c.name, c.ok ? 'ok' : (c.detail ?? 'failed')]),
      ),
      ...(failed.length > 0 ? { failed: failed.map((check) => check.name) } : {}),
    });
  });
}
