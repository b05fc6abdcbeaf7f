/**
 * The learning pipeline's metrics: the runbook's failure counter (PipelineFailure alerts on it),
 * runs by outcome, the time of the last success (the "no success for 26 h" alert), duration
 * and rows read. Part of the registry `createMetrics()` builds.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export const PIPELINE_RUN_STATUSES = ['succeeded', 'failed', 'skipped'] as const;
export type PipelineRunMetricStatus = (typeof PIPELINE_RUN_STATUSES)[number];
const TABLES = new Set([
  'users',
  'builds',
  'teams',
  'team_members',
  'plans',
  'ai_jobs',
  'feedback',
]);

// Seconds: a small platform aggregates in well under a second, 100k builds in a minute or two.
const DURATION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export interface PipelineRunObservation {
  readonly status: PipelineRunMetricStatus;
  /** Runs that did work; skipped ones have none. */
  readonly seconds?: number;
  readonly rowsRead?: Readonly<Record<string, number>>;
  /** Set on success. */
  readonly finishedAt?: Date;
}

export function createPipelineMetrics(registers: Registry[]) {
  const runs = new Counter({
    name: 'learning_pipeline_runs_total',
    help: 'Learning pipeline runs, by status (succeeded, failed, skipped: the period was done or running elsewhere).',
    labelNames: ['status'] as const,
    registers,
  });
  const failures = new Counter({
    name: 'learning_pipeline_failures_total',
    help: 'Learning pipeline runs that failed (the previous snapshot stays in force).',
    registers,
  });
  const lastSuccess = new Gauge({
    name: 'learning_pipeline_last_success_timestamp_seconds',
    help: 'Unix time of the newest meta snapshot (0: none yet); set by processes that run the pipeline.',
    registers,
  });
  const duration = new Histogram({
    name: 'learning_pipeline_duration_seconds',
    help: 'Duration of learning pipeline runs that did work, in seconds.',
    buckets: DURATION_BUCKETS,
    registers,
  });
  const rowsRead = new Counter({
    name: 'learning_pipeline_rows_read_total',
    help: 'Rows the learning pipeline read, by table.',
    labelNames: ['table'] as const,
    registers,
  });
  // Zero-initialised: alerts take increase() of them (see createMetrics).
  for (const status of PIPELINE_RUN_STATUSES) runs.inc({ status }, 0);
  failures.inc(0);

  return {
    /** One learning pipeline run, once it has finished. */
    observePipelineRun(run: PipelineRunObservation): void {
      runs.inc({ status: run.status });
      if (run.status === 'failed') failures.inc();
      if (run.seconds !== undefined) duration.observe(run.seconds);
      for (const [table, count] of Object.entries(run.rowsRead ?? {})) {
        rowsRead.inc({ table: TABLES.has(table) ? table : 'other' }, count);
      }
      if (run.finishedAt) lastSuccess.set(run.finishedAt.getTime() / 1000);
    },
    /** The newest snapshot's time, read from the database when a process starts running it. */
    pipelineLastSuccess(at: Date): void {
      lastSuccess.set(at.getTime() / 1000);
    },
  };
}
