import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let clientDir: string;

beforeAll(async () => {
  // A stand-in build of the client and playground, so static routes and their headers exist.
  clientDir = mkdtempSync(path.join(tmpdir(), 'gw2-client-'));
  for (const dir of ['dist', 'dist-docs']) {
    mkdirSync(path.join(clientDir, dir));
    writeFileSync(path.join(clientDir, dir, 'index.html'), `<!doctype html><title>${dir}</title>`);
  }
  server = await startTestServer({
    database: 'embedded',
    env: { CLIENT_DIST_DIR: clientDir, CORS_ORIGINS: 'https://squads.example.org' },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('document limits (graphql-armor)', () => {
  it('rejects a depth bomb with BAD_USER_INPUT', async () => {
    // __type is as deep as the caller likes; only the full __schema introspection is exempt.
    const deep = `${'fields { type { '.repeat(8)}name${' } }'.repeat(8)}`;
    const result = await server.graphql(`query Deep { __type(name: "Query") { ${deep} } }`);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    const shallow = `${'fields { type { '.repeat(2)}name${' } }'.repeat(2)}`;
    const ok = await server.graphql(`query Shallow { __type(name: "Query") { ${shallow} } }`);
    expect(ok.body.errors).toBeUndefined();
  });

  it('rejects an alias bomb with BAD_USER_INPUT', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const result = await server.graphql(`query Aliases { ${aliases} }`);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('rejects a token flood with BAD_USER_INPUT', async () => {
    const fields = Array.from({ length: 4000 }, () => '__typename').join(' ');
    const result = await server.graphql(`query Tokens { ${fields} }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a directive flood with BAD_USER_INPUT', async () => {
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    const result = await server.graphql(`query Directives { __typename ${directives} }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("passes GraphiQL's introspection query and the client's real queries", async () => {
    const introspection = await server.graphql(getIntrospectionQuery({ descriptions: true }));
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.data).toHaveProperty('__schema');

    const user = await registerUser(server);
    const me = await server.graphql(
      `query Shell { serverInfo { version environment database redis uptimeSeconds } me { id username email role createdAt } }`,
      undefined,
      user.headers,
    );
    expect(me.body.errors).toBeUndefined();
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple GET or form POST without a preflight header', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
  });
});

describe('security headers', () => {
  it('serves the app with a strict CSP and the playground with what GraphiQL needs', async () => {
    const app = await fetch(`${server.url}/`);
    const appCsp = app.headers.get('content-security-policy') ?? '';
    expect(appCsp).toContain("default-src 'self'");
    expect(appCsp).toContain("script-src 'self'");
    expect(appCsp).toContain("frame-ancestors 'none'");
    // Images: the app, data URLs and exactly the game's render service.
    expect(appCsp).toMatch(
      /(^|;)\s*img-src 'self' data: https:\/\/render\.guildwars2\.com\s*(;|$)/,
    );
    expect(appCsp).not.toContain('unsafe-inline');
    expect(appCsp).not.toContain('unsafe-eval');
    expect(app.headers.get('x-content-type-options')).toBe('nosniff');

    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    const docsCsp = docs.headers.get('content-security-policy') ?? '';
    expect(docsCsp).toContain("style-src 'self' 'unsafe-inline'");
    expect(docsCsp).toContain("font-src 'self' data:");
    expect(docsCsp).toContain("script-src 'self'");
    expect(docsCsp).not.toContain('unsafe-eval');
  });

  it('allows CORS only for listed origins, with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://squads.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://squads.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');

    const denied = await preflight('https://evil.example.com');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection', () => {
  it('can be switched off (as in production)', async () => {
    const closed = await startTestServer({
      database: 'embedded',
      env: { GRAPHQL_INTROSPECTION: 'false' },
    });
    try {
      const result = await closed.graphql('{ __schema { queryType { name } } }');
      expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await closed.close();
    }
  });
});

describe('production', () => {
  it('marks the refresh cookie Secure and sends HSTS', async () => {
    const production = await startTestServer({
      database: 'embedded',
      env: { NODE_ENV: 'production' },
    });
    try {
      const user = await registerUser(production);
      expect(user.accessToken).toBeTruthy();
      const login = await production.graphql(
        'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
        { input: { login: user.username, password: user.password } },
      );
      const cookie = login.headers.getSetCookie().find((line) => line.startsWith('gw2_refresh='));
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Strict/i);
      expect(login.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await production.close();
    }
  });
});
