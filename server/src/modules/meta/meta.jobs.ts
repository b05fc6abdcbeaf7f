/**
 * The learning pipeline as a maintenance job: the in-process timers run it without Redis,
 * `npm run worker` (BullMQ job scheduler) with Redis, `npm run pipeline:run` by hand.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../../platform/config.js';
import type { ErrorReporter } from '../../platform/error-reporting.js';
import type { JobSchedule, MaintenanceJob } from '../../platform/jobs/maintenance.js';
import type { Metrics } from '../../platform/metrics.js';
import { LearningPipeline } from './learning-pipeline.js';
import { PipelineTrigger } from './meta.entity.js';

export const LEARNING_PIPELINE_JOB = 'learning-pipeline';
/** Rows per query page. */
const PAGE_SIZE = 1000;
/** In process, the first try comes a minute after start, not an hour. */
const FIRST_RUN_DELAY_MS = 60_000;

export function pipelineSchedule(config: AppConfig): JobSchedule {
  return { name: LEARNING_PIPELINE_JOB, everyMs: config.learningPipeline.everyMs };
}

export function createLearningPipeline(deps: {
  readonly config: AppConfig;
  readonly orm: MikroORM<PostgreSqlDriver>;
  readonly metrics: Metrics;
  readonly errorReporter: ErrorReporter;
  readonly logger: Logger;
  readonly now: () => Date;
}): LearningPipeline {
  const { minSample, batchSize } = deps.config.learningPipeline;
  return new LearningPipeline({
    orm: deps.orm,
    metrics: deps.metrics,
    errorReporter: deps.errorReporter,
    logger: deps.logger.child({ component: 'learning-pipeline' }),
    now: deps.now,
    settings: { minSample, batchSize, pageSize: PAGE_SIZE },
  });
}

/** A scheduled try; a failed run throws so BullMQ records the job as failed. */
export function learningPipelineJob(pipeline: LearningPipeline, config: AppConfig): MaintenanceJob {
  return {
    ...pipelineSchedule(config),
    startDelayMs: FIRST_RUN_DELAY_MS,
    async run(): Promise<Record<string, number>> {
      const outcome = await pipeline.run(PipelineTrigger.SCHEDULE);
      if (outcome.status === 'FAILED') throw outcome.error;
      return outcome.status === 'SUCCEEDED'
        ? { snapshotVersion: outcome.snapshotVersion, durationMs: outcome.durationMs }
        : { skipped: 1 };
    },
  };
}
