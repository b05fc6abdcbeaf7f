import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import {
  privatePostgresAvailable,
  startPrivatePostgres,
  type PrivatePostgres,
} from '../support/private-postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const BUILDS = '{ builds(first: 5) { edges { node { id } } } }';
const CREATE_TEAM = /* GraphQL */ `
  mutation {
    createTeam(input: { name: "Outage", gameMode: FRACTALS, size: 5 }) {
      id
    }
  }
`;

describe.skipIf(!privatePostgresAvailable)('PostgreSQL down (a private cluster, stopped)', () => {
  let postgres: PrivatePostgres;
  let server: TestServer;
  let user: RegisteredUser;
  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    server = await startTestServer({ databaseUrl: postgres.url });
    user = await registerUser(server);
  });
  afterAll(async () => {
    await server?.close();
    postgres?.destroy();
  });

  it('answers SERVICE_UNAVAILABLE with retryAfter and HTTP 503, then recovers', async () => {
    postgres.stop();
    try {
      for (const [query, headers] of [
        [BUILDS, {}],
        [CREATE_TEAM, user.headers],
      ] as const) {
        const result = await server.graphql(query, undefined, headers);
        expect(result.status).toBe(503);
        expect(result.headers.get('retry-after')).toMatch(/^\d+$/);
        const error = result.body.errors?.[0];
        expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(error?.extensions?.retryAfter).toBeGreaterThan(0);
        expect(error?.message).toMatch(/try again shortly/i);
        expect(JSON.stringify(result.body)).not.toContain('ECONNREFUSED');
      }
      // Nothing is logged as a bug: the outage is a warning.
      expect(server.logs.filter((line) => line.level === 50)).toEqual([]);
    } finally {
      postgres.start();
    }
    let recovered = await server.graphql(BUILDS);
    for (let attempt = 0; attempt < 20 && recovered.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      recovered = await server.graphql(BUILDS);
    }
    expect(recovered.status).toBe(200);
    expect(recovered.body.errors).toBeUndefined();
    const created = await server.graphql(CREATE_TEAM, undefined, user.headers);
    expect(created.body.errors).toBeUndefined();
  });
});
