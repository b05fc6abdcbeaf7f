import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';

/** A loopback port with nothing listening: a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Redis down', () => {
  it('the API still starts, /ready answers 503 naming redis, and shutdown does not hang', async () => {
    const port = await closedPort();
    const server = await startTestServer({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      const body: unknown = await ready.json();
      // The readiness change is published through the (unreachable) Redis event target: the
      // failure is logged, never an unhandled rejection (Vitest fails the run on those).
      const deadline = Date.now() + 15_000;
      while (
        !server.logs.some((line) => line.msg === 'pubsub: a Redis command failed (event lost)')
      ) {
        if (Date.now() > deadline) throw new Error('the failed publish was never reported');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(body).toMatchObject({
        status: 'unavailable',
        failed: ['redis'],
        checks: { database: 'ok' },
      });
    } finally {
      const started = Date.now();
      await server.close();
      // Well inside SHUTDOWN_TIMEOUT_MS: nothing waits for a Redis that never answers.
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});
