import { describe, expect, it } from 'vitest';
import { OTHER, createMetrics } from './metrics.js';

type Metrics = ReturnType<typeof createMetrics>;

async function value(metrics: Metrics, name: string, labels: Record<string, string> = {}) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`metric ${name} is not registered`);
  const { values } = await metric.get();
  const match = values.find(
    (v) =>
      !('metricName' in v) &&
      Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l) &&
      Object.keys(v.labels).length === Object.keys(labels).length,
  );
  return match?.value;
}

async function labelValues(metrics: Metrics, name: string, label: string) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`metric ${name} is not registered`);
  const { values } = await metric.get();
  return new Set(values.map((v) => String(v.labels[label])));
}

describe('createMetrics', () => {
  it('gives every call its own registry', async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.buildCreated();
    expect(await value(a, 'builds_created_total')).toBe(1);
    expect(await value(b, 'builds_created_total')).toBe(0);
  });

  it('counts HTTP requests by method, route pattern and status', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.observeHttp('get', '/health', 200, 0.002);
    m.observeHttp('GET', '/health', 200, 0.003);
    m.observeHttp('POST', '/graphql', 500, 2);
    m.observeHttp('BREW', undefined, 404, 0.001);

    expect(
      await value(m, 'http_requests_total', { method: 'GET', route: '/health', status: '200' }),
    ).toBe(2);
    expect(
      await value(m, 'http_requests_total', { method: 'POST', route: '/graphql', status: '500' }),
    ).toBe(1);
    expect(
      await value(m, 'http_requests_total', { method: OTHER, route: 'unmatched', status: '404' }),
    ).toBe(1);

    const text = await m.render();
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="1",method="POST",route="/graphql",status="500"} 0',
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="2.5",method="POST",route="/graphql",status="500"} 1',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/health",status="200"} 2',
    );
  });

  it('counts GraphQL operations with their outcome and error codes', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.observeOperation('Builds', 'query', 0.01);
    m.observeOperation('CreateBuild', 'mutation', 0.02, ['BAD_USER_INPUT', undefined]);
    m.observeOperation(undefined, 'query', 0.01);
    m.countGraphqlError('GRAPHQL_PARSE_FAILED');

    expect(
      await value(m, 'graphql_operations_total', {
        operation_name: 'Builds',
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      await value(m, 'graphql_operations_total', {
        operation_name: 'CreateBuild',
        operation_type: 'mutation',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(
      await value(m, 'graphql_operations_total', {
        operation_name: 'anonymous',
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(await value(m, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(await value(m, 'graphql_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    expect(await value(m, 'graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(await m.render()).toContain(
      'graphql_operation_duration_seconds_count{operation_name="CreateBuild",operation_type="mutation"} 1',
    );
  });

  it('collapses operation names beyond the cap, and invalid names, to "other"', async () => {
    const m = createMetrics({ defaultMetrics: false, labelCap: 3 });
    for (let i = 0; i < 10; i += 1) m.observeOperation(`Op${i}`, 'query', 0.001);
    m.observeOperation('Op1', 'query', 0.001); // already seen: keeps its own series
    m.observeOperation('not a name {', 'query', 0.001);
    m.observeOperation('Op0', 'bogus', 0.001);

    expect(await labelValues(m, 'graphql_operations_total', 'operation_name')).toEqual(
      new Set(['Op0', 'Op1', 'Op2', OTHER]),
    );
    expect(
      await value(m, 'graphql_operations_total', {
        operation_name: OTHER,
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(8);
    expect(
      await value(m, 'graphql_operations_total', {
        operation_name: 'Op1',
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(2);
    expect(await labelValues(m, 'graphql_operations_total', 'operation_type')).toEqual(
      new Set(['query', 'unknown']),
    );
  });

  it('caps routes and error codes too', async () => {
    const m = createMetrics({ defaultMetrics: false, labelCap: 2 });
    for (const route of ['/a', '/b', '/c', '/d']) m.observeHttp('GET', route, 200, 0.001);
    for (const code of ['A', 'B', 'C', 'lower case!']) m.countGraphqlError(code);
    expect(await labelValues(m, 'http_requests_total', 'route')).toEqual(
      new Set(['/a', '/b', OTHER]),
    );
    expect(await labelValues(m, 'graphql_errors_total', 'code')).toEqual(
      new Set(['A', 'B', OTHER]),
    );
  });

  it('tracks websocket connections and subscriptions as gauges', async () => {
    const m = createMetrics({ defaultMetrics: false });
    expect(await value(m, 'websocket_connections_active')).toBe(0);
    m.websocketOpened();
    m.websocketOpened();
    m.subscriptionStarted();
    m.websocketClosed();
    expect(await value(m, 'websocket_connections_active')).toBe(1);
    expect(await value(m, 'graphql_subscriptions_active')).toBe(1);
    m.subscriptionEnded();
    expect(await value(m, 'graphql_subscriptions_active')).toBe(0);
  });

  it('reads database pool statistics at scrape time and classifies queries', async () => {
    const m = createMetrics({ defaultMetrics: false });
    let stats = { used: 2, free: 8, pending: 0 };
    m.trackDbPool(() => stats);
    expect(await value(m, 'db_pool_connections', { state: 'used' })).toBe(2);
    stats = { used: 10, free: 0, pending: 4 };
    expect(await value(m, 'db_pool_connections', { state: 'pending' })).toBe(4);
    expect(await value(m, 'db_pool_connections', { state: 'free' })).toBe(0);

    m.observeDbQuery(0.004, 'select 1');
    m.observeDbQuery(0.004, '  INSERT INTO build VALUES (1)');
    m.observeDbQuery(0.004, 'with x as (select 1) select * from x');
    m.observeDbQuery(0.004, 'begin');
    m.observeDbQuery(0.004);
    expect(await labelValues(m, 'db_query_duration_seconds', 'kind')).toEqual(
      new Set(['select', 'insert', 'transaction', OTHER]),
    );
  });

  it('records AI usage, pipeline runs and business events', async () => {
    const m = createMetrics({ defaultMetrics: false });
    // Zero series exist before the first event so increase() sees the first one.
    expect(await value(m, 'learning_pipeline_failures_total')).toBe(0);
    expect(await value(m, 'mistral_tokens_used_total', { kind: 'prompt' })).toBe(0);

    m.observeMistralRequest('compose_team', { ok: true, promptTokens: 120, completionTokens: 30 });
    m.observeMistralRequest('compose_team', { ok: false, reason: 'timeout' });
    m.observePipelineRun({
      status: 'succeeded',
      seconds: 2,
      rowsRead: { builds: 40 },
      finishedAt: new Date(5_000),
    });
    m.observePipelineRun({ status: 'failed', seconds: 1, rowsRead: { builds: 10, nonsense: 1 } });
    m.observePipelineRun({ status: 'skipped' });
    m.teamCreated();
    m.userRegistered();
    m.aiJob('COMPOSE_SQUAD', 'LLM', 'succeeded');
    m.aiJob('COMPOSE_SQUAD', 'LLM', 'succeeded');
    m.aiJob('REVIEW_BUILD', 'bogus' as 'LLM', 'succeeded');
    m.aiFallback('OUTAGE');
    m.observeMistralRequest('chat_stream', { ok: true }, 1.5);

    expect(
      await value(m, 'mistral_requests_total', { operation: 'compose_team', status: 'ok' }),
    ).toBe(1);
    expect(
      await value(m, 'mistral_requests_total', { operation: 'compose_team', status: 'error' }),
    ).toBe(1);
    expect(await value(m, 'mistral_errors_total', { reason: 'timeout' })).toBe(1);
    expect(await value(m, 'mistral_tokens_used_total', { kind: 'prompt' })).toBe(120);
    expect(await value(m, 'mistral_tokens_used_total', { kind: 'completion' })).toBe(30);
    expect(await value(m, 'learning_pipeline_runs_total', { status: 'succeeded' })).toBe(1);
    expect(await value(m, 'learning_pipeline_runs_total', { status: 'skipped' })).toBe(1);
    expect(await value(m, 'learning_pipeline_failures_total')).toBe(1);
    expect(await value(m, 'learning_pipeline_last_success_timestamp_seconds')).toBe(5);
    expect(await value(m, 'learning_pipeline_rows_read_total', { table: 'builds' })).toBe(50);
    expect(await value(m, 'learning_pipeline_rows_read_total', { table: 'other' })).toBe(1);
    expect(await value(m, 'teams_created_total')).toBe(1);
    expect(await value(m, 'users_registered_total')).toBe(1);
    expect(
      await value(m, 'ai_jobs_total', {
        kind: 'COMPOSE_SQUAD',
        source: 'LLM',
        status: 'succeeded',
      }),
    ).toBe(2);
    expect(
      await value(m, 'ai_jobs_total', {
        kind: 'REVIEW_BUILD',
        source: 'other',
        status: 'succeeded',
      }),
    ).toBe(1);
    expect(await value(m, 'ai_fallbacks_total', { reason: 'OUTAGE' })).toBe(1);
    expect(await m.render()).toContain(
      'mistral_request_duration_seconds_count{operation="chat_stream"} 1',
    );
  });

  it('includes Node.js process metrics and default labels when asked', async () => {
    const m = createMetrics({ defaultLabels: { service: 'worker' } });
    const text = await m.render();
    expect(text).toMatch(/^process_cpu_seconds_total\{service="worker"\} /m);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="worker"\} /m);
    expect(m.contentType).toMatch(/^text\/plain/);
  });
});
