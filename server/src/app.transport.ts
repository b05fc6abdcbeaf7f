import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { WiredServices } from './app.services.js';
import { bearerToken } from './modules/accounts/access-token.js';
import type { Cleanups } from './platform/cleanups.js';
import type { AppConfig } from './platform/config.js';
import { registerGraphQLTransport } from './platform/graphql/graphql-transport.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { createHttpServer, type HttpServer } from './platform/http/http-server.js';
import { registerStaticRoutes } from './platform/http/static.routes.js';

export interface TransportOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Extra routes (tests), registered before the static client's catch-all. */
  readonly registerExtraRoutes?: (fastify: FastifyInstance) => void;
}

/**
 * Everything clients reach, on one port: the HTTP server (hooks, hardening, /metrics), GraphQL
 * over HTTP and websockets at /graphql, the health probes and the static client. Resolves once
 * Fastify is ready (not yet listening).
 */
export async function createTransport(
  wired: WiredServices,
  { config, logger, registerExtraRoutes }: TransportOptions,
  cleanups: Cleanups,
): Promise<HttpServer> {
  const { services, accessTokens } = wired;
  const http = await createHttpServer({
    config,
    logger,
    metrics: services.metrics,
    errorReporter: services.errorReporter,
    rateLimits: services.rateLimits,
    // Signature and expiry only (no database): enough to key the limit by user.
    identify: async (request) => {
      const token = bearerToken(request.headers.authorization);
      if (!token) return undefined;
      const verified = await accessTokens.verify(token);
      return verified.ok ? verified.claims.userId : undefined;
    },
  });
  const { fastify } = http;
  await registerGraphQLTransport(fastify, { config, logger, ...wired }, cleanups);
  registerHealthRoutes(fastify, services.system.readiness);
  registerExtraRoutes?.(fastify);
  await registerStaticRoutes(fastify, config.clientDistDir);
  await fastify.ready();
  return http;
}
