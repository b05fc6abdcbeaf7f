import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import {
  startPrivateRedis,
  redisServerAvailable,
  type PrivateRedis,
} from '../support/private-redis.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const CATALOG = `{ professions { id } }`;
const LOGOUT = `mutation { logout }`;
const env = { RATE_LIMIT_AUTH_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_HOUR: '1000' };

/** Statements a signed-in request ran (readiness probes left out). */
async function statementsOf(server: TestServer, user: RegisteredUser): Promise<string[]> {
  const statements: string[] = [];
  const stop = server.app.database.observeQueries(({ sql }) => {
    if (!/^select 1$/i.test(sql.trim())) statements.push(sql);
  });
  try {
    const result = await server.graphql(CATALOG, {}, user.headers);
    expect(result.status).toBe(200);
  } finally {
    stop();
  }
  return statements;
}

/** Asks until the token is refused (the revocation crossed instances), or fails after 10 s. */
async function refusedSoon(server: TestServer, user: RegisteredUser): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await server.graphql(CATALOG, {}, user.headers);
    if (result.status === 401 || Date.now() > deadline) return result.status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the session check of signed-in requests', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ database: 'embedded', env });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('costs no statement once the session was checked, and logout takes effect at once', async () => {
    const alice = await registerUser(server);
    await statementsOf(server, alice);
    expect(await statementsOf(server, alice)).toEqual([]);

    const logout = await server.graphql(LOGOUT, {}, alice.headers);
    expect(logout.status).toBe(200);
    const after = await server.graphql(CATALOG, {}, alice.headers);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends every session of a user who signs out everywhere', async () => {
    const bob = await registerUser(server);
    await statementsOf(server, bob);
    const everywhere = await server.graphql(`mutation { logoutEverywhere }`, {}, bob.headers);
    expect(everywhere.body.errors).toBeUndefined();
    expect((await server.graphql(CATALOG, {}, bob.headers)).status).toBe(401);
  });
});

describe.skipIf(!postgresAvailable || !redisServerAvailable)(
  'the session check across two instances',
  () => {
    let redis: PrivateRedis;
    let scratch: ScratchDatabase;
    let first: TestServer;
    let second: TestServer;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      scratch = await createScratchDatabase('sessions');
      const options = { databaseUrl: scratch.url, env: { ...env, REDIS_URL: redis.url } };
      first = await startTestServer(options);
      second = await startTestServer(options);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await scratch?.drop();
      await redis?.stop();
    });

    it('a logout on one instance ends the session on the other', async () => {
      const carol = await registerUser(first);
      await statementsOf(second, carol);
      expect(await statementsOf(second, carol)).toEqual([]);
      expect((await first.graphql(LOGOUT, {}, carol.headers)).status).toBe(200);
      expect(await refusedSoon(second, carol)).toBe(401);
    });

    it('checks the database while Redis is down, and forgets what it knew when Redis is back', async () => {
      const dave = await registerUser(first);
      await statementsOf(second, dave);
      await redis.kill();
      // Revocations cannot cross instances now: once the instance noticed, every request
      // checks the database.
      const deadline = Date.now() + 10_000;
      while ((await statementsOf(second, dave)).length === 0) {
        if (Date.now() > deadline) throw new Error('the session was still answered from memory');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await first.graphql(LOGOUT, {}, dave.headers)).status).toBe(200);
      expect((await second.graphql(CATALOG, {}, dave.headers)).status).toBe(401);
      await redis.start();
    });
  },
);
