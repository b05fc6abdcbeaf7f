/**
 * The AI assistant's metrics: the runbook's Mistral token, request and error counters, request
 * duration, AI jobs by kind, source and status, job duration, fallbacks by reason, queue depth
 * and the circuit breaker. Part of the registry `createMetrics()` builds (same naming contract:
 * monitoring/alerts.yml and the dashboards use these names).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type AiJobMetricStatus = 'queued' | 'retried' | 'succeeded' | 'failed' | 'cancelled';
export type AiJobMetricSource = 'LLM' | 'OPTIMIZER' | 'none';

const KINDS = new Set(['COMPOSE_SQUAD', 'REVIEW_BUILD', 'EXPLAIN_SYNERGY']);
const STATUSES = new Set<string>(['queued', 'retried', 'succeeded', 'failed', 'cancelled']);
const SOURCES = new Set<string>(['LLM', 'OPTIMIZER', 'none']);
const FALLBACK_REASONS = new Set([
  'NO_KEY',
  'OUTAGE',
  'BUDGET',
  'OFF_PEAK',
  'TIMEOUT',
  'UNGROUNDED',
]);

// Seconds: Mistral answers take from under a second to tens of seconds; jobs up to minutes.
const MISTRAL_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80];
const JOB_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160];

const bounded = (allowed: ReadonlySet<string>, value: string) =>
  allowed.has(value) ? value : 'other';

export function createAiMetrics(
  registers: Registry[],
  /** A capped label for open-ended values (operations, failure reasons). */
  cappedLabel: (cap?: number) => (value: string) => string,
) {
  const mistralRequests = new Counter({
    name: 'mistral_requests_total',
    help: 'Requests sent to the Mistral API, by operation and status (ok|error).',
    labelNames: ['operation', 'status'] as const,
    registers,
  });
  const mistralErrors = new Counter({
    name: 'mistral_errors_total',
    help: 'Failed Mistral API requests, by reason (timeout, rate_limited, http_5xx, ...).',
    labelNames: ['reason'] as const,
    registers,
  });
  const mistralTokens = new Counter({
    name: 'mistral_tokens_used_total',
    help: 'Mistral tokens consumed, by kind (prompt|completion).',
    labelNames: ['kind'] as const,
    registers,
  });
  const mistralDuration = new Histogram({
    name: 'mistral_request_duration_seconds',
    help: 'Mistral API request duration in seconds (whole stream included), by operation.',
    labelNames: ['operation'] as const,
    buckets: MISTRAL_BUCKETS,
    registers,
  });
  const aiJobs = new Counter({
    name: 'ai_jobs_total',
    help: 'AI jobs by kind, explanation source (LLM|OPTIMIZER|none) and status (queued, retried, succeeded, failed, cancelled).',
    labelNames: ['kind', 'source', 'status'] as const,
    registers,
  });
  const aiJobDuration = new Histogram({
    name: 'ai_job_duration_seconds',
    help: 'AI job run time in seconds, from start to its terminal status, by kind and status.',
    labelNames: ['kind', 'status'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  const aiFallbacks = new Counter({
    name: 'ai_fallbacks_total',
    help: 'AI explanations written by the templates instead of the model, by reason.',
    labelNames: ['reason'] as const,
    registers,
  });
  let queueSource: (() => Promise<number>) | undefined;
  new Gauge({
    name: 'ai_queue_depth',
    help: 'AI jobs waiting to run (this process’s queue, or the shared BullMQ queue).',
    registers,
    async collect() {
      const depth = await queueSource?.().catch(() => undefined);
      if (depth !== undefined) this.set(depth);
    },
  });
  const circuitOpen = new Gauge({
    name: 'mistral_circuit_open',
    help: '1 while this process’s circuit breaker to Mistral is open.',
    registers,
  });

  // Zero series that alerts take increase()/rate() of (a first sample at 1 has no increase).
  mistralTokens.inc({ kind: 'prompt' }, 0);
  mistralTokens.inc({ kind: 'completion' }, 0);
  circuitOpen.set(0);

  const operationLabel = cappedLabel();
  const reasonLabel = cappedLabel();

  return {
    /** One Mistral API call. Token counts come from the response's `usage`. */
    observeMistralRequest(
      operation: string,
      result:
        | { ok: true; promptTokens?: number; completionTokens?: number }
        | { ok: false; reason: string },
      seconds?: number,
    ): void {
      const op = operationLabel(operation);
      if (seconds !== undefined) mistralDuration.observe({ operation: op }, seconds);
      if (result.ok) {
        mistralRequests.inc({ operation: op, status: 'ok' });
        if (result.promptTokens) mistralTokens.inc({ kind: 'prompt' }, result.promptTokens);
        if (result.completionTokens) {
          mistralTokens.inc({ kind: 'completion' }, result.completionTokens);
        }
      } else {
        mistralRequests.inc({ operation: op, status: 'error' });
        mistralErrors.inc({ reason: reasonLabel(result.reason) });
      }
    },

    aiJob(kind: string, source: AiJobMetricSource, status: AiJobMetricStatus): void {
      aiJobs.inc({
        kind: bounded(KINDS, kind),
        source: bounded(SOURCES, source),
        status: bounded(STATUSES, status),
      });
    },

    observeAiJobDuration(kind: string, status: AiJobMetricStatus, seconds: number): void {
      aiJobDuration.observe(
        { kind: bounded(KINDS, kind), status: bounded(STATUSES, status) },
        seconds,
      );
    },

    aiFallback(reason: string): void {
      aiFallbacks.inc({ reason: bounded(FALLBACK_REASONS, reason) });
    },

    /** Reads the queue depth at every scrape; `undefined` stops. */
    trackAiQueue(source: (() => Promise<number>) | undefined): void {
      queueSource = source;
    },

    setMistralCircuitOpen(open: boolean): void {
      circuitOpen.set(open ? 1 : 0);
    },
  };
}
