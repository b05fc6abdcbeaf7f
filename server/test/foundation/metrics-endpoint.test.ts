import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

function sample(exposition: string, name: string, labels: Record<string, string>): number {
  const line = exposition
    .split('\n')
    .find(
      (candidate) =>
        (candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)) &&
        Object.entries(labels).every(([k, v]) => candidate.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('/metrics', () => {
  let server: TestServer;
  const token = 'metrics-token-0123456789';
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await server.close();
  });
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('refuses a scrape without the bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
  });

  it('moves the HTTP and GraphQL metrics under a request', async () => {
    const before = await scrape();
    await server.graphql('query ServerInfoProbe { serverInfo { version } }');
    await server.graphql('{ serverInfo { nope } }');
    await fetch(`${server.url}/ready`); // probes the database: one statement observed
    const after = await scrape();

    const httpLabels = { method: 'POST', route: '/graphql', status: '200' };
    expect(sample(after, 'http_requests_total', httpLabels)).toBe(
      sample(before, 'http_requests_total', httpLabels) + 1,
    );
    const opLabels = {
      operation_name: 'ServerInfoProbe',
      operation_type: 'query',
      outcome: 'success',
    };
    expect(sample(after, 'graphql_operations_total', opLabels)).toBe(
      sample(before, 'graphql_operations_total', opLabels) + 1,
    );
    expect(sample(after, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(
      sample(before, 'graphql_errors_total', { code: 'BAD_USER_INPUT' }) + 1,
    );
    expect(after).toContain('http_request_duration_seconds_bucket');
    expect(after).toContain('db_query_duration_seconds_bucket');
    expect(after).toContain('process_resident_memory_bytes');
  });

  it('counts websocket connections while they are open', async () => {
    const client = server.websocket();
    await new Promise<void>((resolve) =>
      client.subscribe(
        { query: 'subscription { readinessChanged { ready } }' },
        { next: () => resolve(), error: () => {}, complete: () => {} },
      ),
    );
    const during = await scrape();
    expect(sample(during, 'websocket_connections_active', {})).toBeGreaterThanOrEqual(1);
    expect(during).toMatch(/graphql_subscriptions_active(\{[^}]*\})? 1/);
    await client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await scrape();
    expect(after).toMatch(/graphql_subscriptions_active(\{[^}]*\})? 0/);
  });
});
