import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSentry, type SentryEvent } from '../support/fake-sentry.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('error reporting to Sentry (fake DSN endpoint on loopback)', () => {
  let sentry: { dsn: string; events: SentryEvent[]; close(): Promise<void> };
  let server: TestServer;
  beforeAll(async () => {
    sentry = await startFakeSentry();
    server = await startTestServer({ env: { SENTRY_DSN: sentry.dsn } });
  });
  afterAll(async () => {
    await server.close();
    await sentry.close();
  });

  it('sends an envelope for an unexpected error, tagged with req_id and the operation', async () => {
    const result = await server.graphql('mutation TriggerSentry { sentryDebug }', undefined, {
      'x-request-id': 'sentry-req-1',
    });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.body.errors?.[0]?.message).toBe('Internal server error.');
    await server.app.services.errorReporter.flush();
    const event = sentry.events.find((candidate) => candidate.tags?.req_id === 'sentry-req-1');
    expect(event).toBeDefined();
    expect(event?.tags?.['graphql.operation']).toBe('TriggerSentry');
    expect(event?.exception?.values?.[0]?.value).toContain('Sentry debug trigger');
    expect(event?.release).toBe('gw2-squad-optimizer@0.1.0');
    expect(event?.environment).toBe('test');
  });

  it('sends nothing for a user error', async () => {
    const before = sentry.events.length;
    const invalid = await server.graphql('{ serverInfo { nope } }', undefined, {
      'x-request-id': 'sentry-req-2',
    });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await server.app.services.errorReporter.flush();
    expect(sentry.events.length).toBe(before);
  });
});
