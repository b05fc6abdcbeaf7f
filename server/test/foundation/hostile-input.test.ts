import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const LOGIN = /* GraphQL */ `
  mutation ($i: LoginInput!) {
    login(input: $i) {
      accessToken
    }
  }
`;
const CREATE_BUILD = /* GraphQL */ `
  mutation ($input: CreateBuildInput!) {
    createBuild(input: $input) {
      id
      name
      notes
    }
  }
`;
const MY_BUILDS = /* GraphQL */ `
  query {
    builds(first: 100, filter: { owner: ME }) {
      edges {
        node {
          name
        }
      }
    }
  }
`;

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;

function expectRefusedInput(status: number, errors: Errors) {
  expect(status).toBeLessThan(500);
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  // Nothing internal: no SQL statement, no internal message.
  expect(JSON.stringify(errors)).not.toMatch(/select|insert|internalMessage|0x00/i);
}

let server: TestServer;
let user: RegisteredUser;
beforeAll(async () => {
  server = await startTestServer();
  user = await registerUser(server);
});
afterAll(async () => {
  await server.close();
});

describe('hostile text input', () => {
  it('refuses a NUL in login with BAD_USER_INPUT before any SQL', async () => {
    const result = await server.graphql(LOGIN, { i: { login: 'a\u0000', password: 'x' } });
    expectRefusedInput(result.status, result.body.errors);
    expect(result.body.errors?.[0]?.extensions?.field).toBe('input.login');
  });

  it.each([
    ['name', { profession: 'Guardian', name: 'Fire\u0000brand' }],
    ['notes', { profession: 'Guardian', name: 'ok', notes: 'line\u0000two' }],
    ['name (escape)', { profession: 'Guardian', name: 'Bell\u0007' }],
    ['name (DEL)', { profession: 'Guardian', name: 'x\u007f' }],
    ['name (lone surrogate)', { profession: 'Guardian', name: 'x\ud800' }],
  ])('refuses control characters in createBuild %s and writes nothing', async (_label, input) => {
    const result = await server.graphql(CREATE_BUILD, { input }, user.headers);
    expectRefusedInput(result.status, result.body.errors);
    const mine = await server.graphql<{ builds: { edges: unknown[] } }>(
      MY_BUILDS,
      undefined,
      user.headers,
    );
    expect(mine.body.data?.builds.edges).toEqual([]);
  });

  it('refuses control characters in literals of the document too', async () => {
    const result = await server.graphql(
      '{ builds(first: 5, filter: { search: "a\\u0000b" }) { edges { node { id } } } }',
    );
    expectRefusedInput(result.status, result.body.errors);
  });

  it('refuses control characters in builds search and team names', async () => {
    const search = await server.graphql(
      'query ($s: String) { builds(first: 5, filter: { search: $s }) { edges { node { id } } } }',
      { s: '\u0000' },
    );
    expectRefusedInput(search.status, search.body.errors);
    const team = await server.graphql(
      'mutation ($n: String!) { createTeam(input: { name: $n, gameMode: FRACTALS, size: 5 }) { id } }',
      { n: 'Team\u0000' },
      user.headers,
    );
    expectRefusedInput(team.status, team.body.errors);
  });

  it('answers BAD_USER_INPUT when graphql-js gives up on too many invalid variable values', async () => {
    const result = await server.graphql(
      'mutation ($codes: [String!]!) { importBuilds(codes: $codes) { __typename } }',
      { codes: Array.from({ length: 60 }, () => null) },
      user.headers,
    );
    expectRefusedInput(result.status, result.body.errors);
    expect(result.body.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(
      true,
    );
  });

  it('answers BAD_USER_INPUT for a persisted-query hash that does not match', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ serverInfo { version } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      }),
    });
    const body = (await response.json()) as { errors: Errors };
    expectRefusedInput(response.status, body.errors);
  });

  it('keeps tabs and new lines in multi-line notes and stores text in NFC', async () => {
    const decomposed = 'Cafe\u0301'; // "Café" as e + combining acute accent
    const result = await server.graphql<{ createBuild: { name: string; notes: string } }>(
      CREATE_BUILD,
      { input: { profession: 'Guardian', name: decomposed, notes: 'first\n\tsecond\r\nthird' } },
      user.headers,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.createBuild.name).toBe('Caf\u00e9');
    expect(result.body.data?.createBuild.notes).toBe('first\n\tsecond\r\nthird');
  });
});

describe('subscription documents over HTTP', () => {
  it('answers a coded 400 that points to the websocket', async () => {
    const result = await server.graphql(
      'subscription { teamUpdated(teamId: "00000000-0000-0000-0000-000000000000") { id } }',
    );
    expect(result.status).toBe(400);
    const error = result.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.reason).toBe('SUBSCRIPTION_OVER_HTTP');
    expect(error?.message).toMatch(/websocket.*\/graphql/i);
  });
});

describe('unexpected errors without Sentry', () => {
  it('logs every INTERNAL_SERVER_ERROR with req_id, operation and stack', async () => {
    const result = await server.graphql('mutation TriggerFault { sentryDebug }', undefined, {
      'x-request-id': 'fault-req-1',
    });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const line = server.logs.find(
      (entry) => entry.req_id === 'fault-req-1' && entry.level === 50,
    ) as { operation?: string; err?: { stack?: string; message?: string } } | undefined;
    expect(line).toBeDefined();
    expect(line?.operation).toBe('TriggerFault');
    expect(line?.err?.message).toContain('Sentry debug trigger');
    expect(line?.err?.stack).toMatch(/at .*system/);
  });

  it('does not log the caller’s own errors as errors', async () => {
    await server.graphql('{ serverInfo { nope } }', undefined, { 'x-request-id': 'fault-req-2' });
    expect(
      server.logs.some((entry) => entry.req_id === 'fault-req-2' && Number(entry.level) >= 50),
    ).toBe(false);
  });
});
