import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /health with the runbook contract', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; timestamp: string };
    expect(body.status).toBe('healthy');
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
  });

  it('answers /ready 200 naming each check', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
  });

  it('serves serverInfo over POST from the embedded database', async () => {
    const result = await server.graphql<{ serverInfo: Record<string, unknown> }>(
      '{ serverInfo { version environment database redis uptimeSeconds } }',
    );
    expect(result.status).toBe(200);
    expect(result.body.data?.serverInfo).toMatchObject({
      version: '0.1.0',
      environment: 'test',
      database: 'EMBEDDED',
      redis: false,
    });
  });

  it('serves queries over GET (with the CSRF preflight header)', async () => {
    const query = encodeURIComponent('{ serverInfo { database } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { serverInfo: { database: 'EMBEDDED' } } });
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ serverInfo { database } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`);
    expect(response.status).toBe(400);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const kept = await fetch(`${server.url}/health`, {
      headers: { 'x-request-id': 'proxy-abc.123' },
    });
    expect(kept.headers.get('x-request-id')).toBe('proxy-abc.123');
    const replaced = await fetch(`${server.url}/health`, {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('bad requests get coded 4xx answers, never a 500', () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });

    it('malformed JSON → 400 BAD_USER_INPUT', async () => {
      const response = await post('{"query": "{ serverInfo { version } }"');
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]?.message).toBe('Request body is not valid JSON.');
    });

    it('a document that does not parse → 400 with reason GRAPHQL_PARSE_FAILED', async () => {
      const result = await server.graphql('{ serverInfo { version ');
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPHQL_PARSE_FAILED',
      });
    });

    it('an invalid document → 400 with reason GRAPHQL_VALIDATION_FAILED', async () => {
      const result = await server.graphql('{ serverInfo { noSuchField } }');
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPHQL_VALIDATION_FAILED',
      });
    });

    it('an unknown operation name → 400', async () => {
      const response = await post(
        JSON.stringify({ query: 'query A { serverInfo { version } }', operationName: 'B' }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });

    it('a body over 1 MB → 413', async () => {
      const huge = JSON.stringify({
        query: `{ serverInfo { version } } # ${'x'.repeat(1_100_000)}`,
      });
      const response = await post(huge);
      expect(response.status).toBe(413);
      const body = (await response.json()) as {
        errors: Array<{ extensions: { code: string; reason: string } }>;
      };
      expect(body.errors[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BODY_TOO_LARGE',
      });
    });

    it('an unsupported content type → 4xx with a GraphQL body', async () => {
      const response = await post('query', 'application/x-unknown');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const body = (await response.json()) as { errors: unknown[] };
      expect(body.errors).toHaveLength(1);
    });

    it('an unknown route → 404 NOT_FOUND', async () => {
      const response = await fetch(`${server.url}/nope`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    });
  });

  it('logs every line of a request with its req_id', async () => {
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
      body: JSON.stringify({ query: '{ serverInfo { version } }' }),
    });
    const lines = server.logs.filter((line) => line.req_id === 'trace-me-42');
    // One access-log line per request, with what was asked and how it ended (Fastify's own
    // "incoming request" and "request completed" lines are off: three lines cost throughput).
    expect(lines.filter((line) => /request/.test(String(line.msg)))).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: { method: 'POST', url: '/graphql' },
        res: { statusCode: 200 },
      }),
    ]);
  });

  it('logs a GET request without its query string (GraphQL GET puts variables there)', async () => {
    const query = encodeURIComponent('query ($t: String) { __typename }');
    const variables = encodeURIComponent(JSON.stringify({ t: 'secret-in-the-url-42' }));
    await fetch(`${server.url}/graphql?query=${query}&variables=${variables}`, {
      headers: { 'x-request-id': 'get-me-42', 'apollo-require-preflight': 'true' },
    });
    const line = server.logs.find((entry) => entry.req_id === 'get-me-42');
    expect(line).toMatchObject({ req: { method: 'GET', url: '/graphql' } });
    expect(server.rawLogs.some((raw) => raw.includes('secret-in-the-url-42'))).toBe(false);
  });
});
