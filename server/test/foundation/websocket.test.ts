import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, takeFromSubscription, type TestServer } from '../support/test-server.js';

describe('GraphQL over websocket (graphql-ws on /graphql)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs queries', async () => {
    const client = server.websocket();
    const [result] = await takeFromSubscription<{ serverInfo: { database: string } }>(
      client,
      '{ serverInfo { database redis } }',
      1,
    );
    expect(result?.data).toEqual({ serverInfo: { database: 'EMBEDDED', redis: false } });
  });

  it('streams readiness: the current state first', async () => {
    const client = server.websocket();
    const [first] = await takeFromSubscription<{
      readinessChanged: { ready: boolean; checks: Array<{ name: string; ok: boolean }> };
    }>(
      client,
      'subscription { readinessChanged { ready checkedAt checks { name ok detail } } }',
      1,
    );
    expect(first?.data?.readinessChanged).toMatchObject({
      ready: true,
      checks: [{ name: 'database', ok: true }],
    });
  });

  it('delivers a published readiness change to a subscriber', async () => {
    const client = server.websocket();
    const pending = takeFromSubscription<{
      readinessChanged: {
        ready: boolean;
        checks: Array<{ name: string; ok: boolean; detail: string | null }>;
      };
    }>(client, 'subscription { readinessChanged { ready checks { name ok detail } } }', 2);
    // Wait until the subscription is live (its first event), then publish a change.
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.app.services.pubSub.publish('READINESS_CHANGED', {
      ready: false,
      checkedAt: new Date().toISOString(),
      checks: [{ name: 'database', ok: false, detail: 'connection refused' }],
    });
    const [, second] = await pending;
    expect(second?.data?.readinessChanged).toEqual({
      ready: false,
      checks: [{ name: 'database', ok: false, detail: 'connection refused' }],
    });
  });

  it('answers an invalid operation with a coded error', async () => {
    const client = server.websocket();
    await expect(takeFromSubscription(client, '{ nope }', 1)).rejects.toSatisfy(
      (errors: unknown) => {
        const list = errors as Array<{ extensions?: { code?: string } }>;
        return Array.isArray(list) && list[0]?.extensions?.code === 'BAD_USER_INPUT';
      },
    );
  });
});
