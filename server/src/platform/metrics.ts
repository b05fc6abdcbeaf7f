/**
 * Prometheus metrics for the API and the worker.
 *
 * Every process builds its own registry with `createMetrics()`; nothing touches prom-client's
 * global registry, so tests get fresh counters and two servers in one process do not collide.
 * The names below are a contract: monitoring/alerts.yml and monitoring/dashboards/*.json use
 * them, and server/test/ops/dashboard.test.ts fails when a panel names a metric missing here.
 *
 * Cardinality: every label value is bounded. Routes are matched route patterns (never raw
 * URLs), methods and operation types come from fixed sets, and the open-ended values
 * (GraphQL operation names, error codes, AI operations and failure reasons) are capped per
 * process: the first `labelCap` distinct values are kept, later ones are reported as "other".
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createAiMetrics } from './metrics-ai.js';
import { createPipelineMetrics } from './metrics-pipeline.js';

/** Label value used once a capped label has seen its maximum number of distinct values. */
export const OTHER = 'other';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

// Seconds. 1 s is a bucket bound because HighLatency alerts on p95 > 1 s.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type OperationType = 'query' | 'mutation' | 'subscription';
export type TokenKind = 'prompt' | 'completion';

/** Connection counts of the database pool at scrape time. */
export interface DbPoolStats {
  used: number;
  free: number;
  /** Callers waiting for a connection. */
  pending: number;
}

export interface MetricsOptions {
  /** Distinct values kept per open-ended label before collapsing to "other". Default 200. */
  labelCap?: number;
  /** Node.js process metrics (CPU, memory, event loop, GC). Default true. */
  defaultMetrics?: boolean;
  /** Labels added to every series, e.g. `{ service: 'worker' }`. */
  defaultLabels?: Record<string, string>;
}

/** Keeps the first `cap` distinct values of a label and maps every later one to "other". */
class CappedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly cap: number) {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.cap) return OTHER;
    this.seen.add(raw);
    return raw;
  }
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Builds a fresh registry with every metric the platform exports. */
export function createMetrics(options: MetricsOptions = {}) {
  const labelCap = options.labelCap ?? 200;
  const registry = new Registry();
  if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, matched route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, matched route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });

  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed, by operation name, type and outcome (success|error).',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    registers,
  });
  const operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration in seconds, by operation name and type.',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  const graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors returned in GraphQL responses, by extensions.code.',
    labelNames: ['code'] as const,
    registers,
  });

  const websocketConnections = new Gauge({
    name: 'websocket_connections_active',
    help: 'Open graphql-ws websocket connections.',
    registers,
  });
  const subscriptions = new Gauge({
    name: 'graphql_subscriptions_active',
    help: 'Active GraphQL subscriptions across all websocket connections.',
    registers,
  });

  let dbPoolSource: (() => DbPoolStats | undefined) | undefined;
  // Registered for its collect() callback; nothing else refers to it.
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state: used, free, pending (callers waiting).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const stats = dbPoolSource?.();
      if (!stats) return;
      this.set({ state: 'used' }, stats.used);
      this.set({ state: 'free' }, stats.free);
      this.set({ state: 'pending' }, stats.pending);
    },
  });
  const dbQueryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Database query duration in seconds, by statement kind.',
    labelNames: ['kind'] as const,
    buckets: DB_BUCKETS,
    registers,
  });

  const pipeline = createPipelineMetrics(registers);

  const buildsCreated = new Counter({
    name: 'builds_created_total',
    help: 'Builds created.',
    registers,
  });
  const teamsCreated = new Counter({
    name: 'teams_created_total',
    help: 'Teams created.',
    registers,
  });
  const usersRegistered = new Counter({
    name: 'users_registered_total',
    help: 'User accounts registered.',
    registers,
  });
  // Zero-initialise the series that alerts take increase() of: a counter that appears for the
  // first time at 1 has no increase, so the first failure after a restart would go unnoticed.
  websocketConnections.set(0);
  subscriptions.set(0);

  const routes = new CappedLabel(labelCap);
  const operationNames = new CappedLabel(labelCap);
  const errorCodes = new CappedLabel(labelCap);

  const routeLabel = (route: string | undefined): string =>
    route ? routes.value(route.slice(0, 200)) : 'unmatched';
  const operationNameLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    return GRAPHQL_NAME.test(name) ? operationNames.value(name) : OTHER;
  };
  const operationTypeLabel = (type: string | null | undefined): string =>
    type && OPERATION_TYPES.has(type) ? type : 'unknown';
  const errorCodeLabel = (code: string | null | undefined): string => {
    if (!code) return 'INTERNAL_SERVER_ERROR';
    return ERROR_CODE.test(code) ? errorCodes.value(code) : OTHER;
  };
  const freeTextLabel = (cap: CappedLabel, value: string): string =>
    GRAPHQL_NAME.test(value) ? cap.value(value) : OTHER;
  const ai = createAiMetrics(registers, (cap) => {
    const label = new CappedLabel(cap ?? labelCap);
    return (value: string) => freeTextLabel(label, value);
  });

  return {
    registry,
    contentType: registry.contentType,

    /** The exposition text for GET /metrics. */
    render(): Promise<string> {
      return registry.metrics();
    },

    /**
     * One finished HTTP request. `route` must be the matched route pattern
     * (Fastify `request.routeOptions.url`), undefined when nothing matched (404).
     */
    observeHttp(method: string, route: string | undefined, status: number, seconds: number): void {
      const upper = method.toUpperCase();
      const labels = {
        method: HTTP_METHODS.has(upper) ? upper : OTHER,
        route: routeLabel(route),
        status: Number.isInteger(status) ? String(status) : 'unknown',
      };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },

    /**
     * One executed GraphQL operation; `errorCodes` are the `extensions.code` of the errors in
     * the response (empty on success, `undefined` entries count as INTERNAL_SERVER_ERROR).
     */
    observeOperation(
      name: string | null | undefined,
      type: string | null | undefined,
      seconds: number,
      codes: readonly (string | null | undefined)[] = [],
    ): void {
      const operation_name = operationNameLabel(name);
      const operation_type = operationTypeLabel(type);
      operations.inc({
        operation_name,
        operation_type,
        outcome: codes.length ? 'error' : 'success',
      });
      operationDuration.observe({ operation_name, operation_type }, seconds);
      for (const code of codes) graphqlErrors.inc({ code: errorCodeLabel(code) });
    },

    /** Errors raised before execution (parse/validation), where no operation ran. */
    countGraphqlError(code: string | null | undefined): void {
      graphqlErrors.inc({ code: errorCodeLabel(code) });
    },

    websocketOpened(): void {
      websocketConnections.inc();
    },
    websocketClosed(): void {
      websocketConnections.dec();
    },
    subscriptionStarted(): void {
      subscriptions.inc();
    },
    subscriptionEnded(): void {
      subscriptions.dec();
    },

    /** Reads pool statistics at every scrape; pass `undefined` to stop (e.g. on shutdown). */
    trackDbPool(source: (() => DbPoolStats | undefined) | undefined): void {
      dbPoolSource = source;
    },

    /** One database statement; `sql` only picks the kind label (select, insert, ...). */
    observeDbQuery(seconds: number, sql?: string): void {
      dbQueryDuration.observe({ kind: statementKind(sql) }, seconds);
    },

    ...ai,
    ...pipeline,

    buildCreated(): void {
      buildsCreated.inc();
    },
    teamCreated(): void {
      teamsCreated.inc();
    },
    userRegistered(): void {
      usersRegistered.inc();
    },
  };
}

function statementKind(sql: string | undefined): string {
  const verb = /^\s*(\w+)/.exec(sql ?? '')?.[1]?.toLowerCase();
  switch (verb) {
    case 'select':
    case 'insert':
    case 'update':
    case 'delete':
      return verb;
    case 'with':
      return 'select';
    case 'begin':
    case 'commit':
    case 'rollback':
    case 'savepoint':
    case 'release':
      return 'transaction';
    default:
      return OTHER;
  }
}
