import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { redisAvailable } from '../support/services.js';
import { startTestServer, takeFromSubscription, type TestServer } from '../support/test-server.js';

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const SERVER_INFO = /* GraphQL */ `
  query {
    serverInfo {
      version
    }
  }
`;

const uniquePrefix = () => `test:rl:${randomBytes(6).toString('hex')}`;
const servers: TestServer[] = [];
async function start(env: Record<string, string>, database: 'embedded' | 'postgres' = 'embedded') {
  const server = await startTestServer({ database, env });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const failedLogin = (server: TestServer) =>
  server.graphql(LOGIN, { input: { login: 'nobody', password: 'not-the-password' } });

async function expectAuthBudget(next: () => Promise<Awaited<ReturnType<typeof failedLogin>>>) {
  for (let call = 1; call <= 10; call += 1) {
    const result = await next();
    expect(result.status, `call ${call}`).toBe(200);
    expect(result.body.errors?.[0]?.extensions?.code, `call ${call}`).toBe('UNAUTHENTICATED');
  }
  const limited = await next();
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limited.body.errors?.[0]?.extensions).toMatchObject({
    code: 'RATE_LIMITED',
    retryAfter,
  });
}

describe('auth rate limit (10 per minute per IP)', () => {
  it('answers the 11th auth call with RATE_LIMITED and 429 (in memory)', async () => {
    const server = await start({});
    await expectAuthBudget(() => failedLogin(server));
    // Other operations only draw from the global bucket.
    const info = await server.graphql(SERVER_INFO);
    expect(info.status).toBe(200);
    expect(info.body.errors).toBeUndefined();
  });

  it.skipIf(!redisAvailable)(
    'answers the 11th auth call with RATE_LIMITED and 429 (Redis)',
    async () => {
      const server = await start({
        REDIS_URL: 'redis://127.0.0.1:6379',
        RATE_LIMIT_KEY_PREFIX: uniquePrefix(),
      });
      await expectAuthBudget(() => failedLogin(server));
    },
  );

  it.skipIf(!redisAvailable)('shares one budget between two instances on one Redis', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_KEY_PREFIX: uniquePrefix() };
    const first = await start(env, 'postgres');
    const second = await start(env, 'postgres');
    let call = 0;
    await expectAuthBudget(() => failedLogin(call++ % 2 === 0 ? first : second));
    expect((await failedLogin(first)).status).toBe(429);
    // An instance with its own prefix is a different deployment: its budget is untouched.
    const other = await start({ ...env, RATE_LIMIT_KEY_PREFIX: uniquePrefix() });
    expect((await failedLogin(other)).status).toBe(200);
  });

  it('honours configured limits', async () => {
    const server = await start({
      RATE_LIMIT_AUTH_PER_MINUTE: '100',
      RATE_LIMIT_AUTH_PER_HOUR: '3',
    });
    for (let call = 1; call <= 3; call += 1) expect((await failedLogin(server)).status).toBe(200);
    const limited = await failedLogin(server);
    expect(limited.status).toBe(429);
    // The hour window answers with its own, longer wait.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
  });
});

describe('global rate limit', () => {
  it('limits /graphql per IP with 429 and Retry-After, never the probes or /metrics', async () => {
    const server = await start({ RATE_LIMIT_GLOBAL_PER_MINUTE: '3' });
    for (let call = 1; call <= 3; call += 1)
      expect((await server.graphql(SERVER_INFO)).status).toBe(200);
    const limited = await server.graphql(SERVER_INFO);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    for (const path of ['/health', '/ready', '/metrics', '/health', '/ready', '/metrics']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).not.toBe(429);
    }
  });

  it('limits websocket connections per IP, closing with 4429', async () => {
    const server = await start({ RATE_LIMIT_GLOBAL_PER_MINUTE: '2' });
    const connect = () =>
      takeFromSubscription(server.websocket(), SERVER_INFO, 1).then(
        () => 'ok',
        (event: unknown) => (event as { code?: number }).code,
      );
    expect(await connect()).toBe('ok');
    expect(await connect()).toBe('ok');
    expect(await connect()).toBe(4429);
  });

  it('counts a signed-in user separately from the anonymous budget of the IP', async () => {
    const server = await start({ RATE_LIMIT_GLOBAL_PER_MINUTE: '3' });
    const { registerUser } = await import('../support/accounts.js');
    const user = await registerUser(server); // 1 of the IP's budget
    await server.graphql(SERVER_INFO);
    await server.graphql(SERVER_INFO);
    expect((await server.graphql(SERVER_INFO)).status).toBe(429);
    for (let call = 1; call <= 3; call += 1)
      expect((await server.graphql(SERVER_INFO, undefined, user.headers)).status).toBe(200);
    expect((await server.graphql(SERVER_INFO, undefined, user.headers)).status).toBe(429);
  });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});
