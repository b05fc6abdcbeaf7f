import { describe, expect, it } from 'vitest';
import { installShutdownHandlers } from '../../src/main.js';
import { startTestServer } from '../support/test-server.js';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish on SIGTERM, then refuses new connections and closes', async () => {
    let releaseSlowRequest: () => void = () => {};
    let slowRequestArrived: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (slowRequestArrived = resolve));
    const server = await startTestServer({
      registerExtraRoutes: (fastify) => {
        fastify.get('/test/slow', async () => {
          slowRequestArrived();
          await new Promise<void>((resolve) => (releaseSlowRequest = resolve));
          return { finished: true };
        });
      },
    });
    const exitCodes: number[] = [];
    let exited: () => void = () => {};
    const exitedPromise = new Promise<void>((resolve) => (exited = resolve));
    const uninstall = installShutdownHandlers(server.app, (code) => {
      exitCodes.push(code);
      exited();
    });
    try {
      const slow = fetch(`${server.url}/test/slow`).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as unknown,
      }));
      await arrived;

      process.emit('SIGTERM', 'SIGTERM');
      // The listener is closed at once: a new connection is refused while the slow one runs.
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      expect(exitCodes).toEqual([]);

      releaseSlowRequest();
      expect(await slow).toEqual({ status: 200, body: { finished: true } });
      await exitedPromise;
      expect(exitCodes).toEqual([0]);
      expect(server.logs.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['shutting down', 'server stopped']),
      );
    } finally {
      uninstall();
    }
  });

  it('closes open websockets on shutdown', async () => {
    const server = await startTestServer();
    const client = server.websocket();
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (event) => resolve((event as { code: number }).code)),
    );
    const received = new Promise<void>((resolve) => {
      client.subscribe(
        { query: 'subscription { readinessChanged { ready } }' },
        { next: () => resolve(), error: () => {}, complete: () => {} },
      );
    });
    await received;
    await server.app.close();
    expect(await closed).toBe(1001);
  });
});
