/**
 * The learning pipeline: reads the platform's own data player by player, aggregates the meta
 * (packages/game/src/meta), and writes one snapshot per period (a UTC day).
 *
 * - Idempotent per period: a period that has a snapshot is skipped; `meta_snapshots.period` is
 *   unique as the last guard.
 * - One run at a time across every process: the run holds a PostgreSQL advisory lock for its
 *   transaction; a second process that cannot take it skips (BullMQ already hands a scheduled
 *   job to one worker; the lock also covers `npm run pipeline:run` and in-process timers).
 * - Consistent: everything is read in one REPEATABLE READ transaction.
 * - A failed run writes nothing (the previous snapshot stays in force), is recorded with its
 *   error, counted in `learning_pipeline_failures_total` and reported to Sentry.
 */
import { hostname } from 'node:os';
import { IsolationLevel, type MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { MetaAggregator, requirementsDataInfo, rolesDataInfo } from '@gw2/game';
import type { ErrorReporter } from '../../platform/error-reporting.js';
import type { Metrics } from '../../platform/metrics.js';
import type { PipelineTrigger } from './meta.entity.js';
import { MetaSnapshot, PipelineRun, PipelineRunStatus } from './meta.entity.js';
import { ownerFacts, type RowsRead } from './meta.sources.js';

export interface PipelineSettings {
  /** Privacy threshold: aggregates fewer players contributed to are not published or weighted. */
  readonly minSample: number;
  /** Players read per batch. */
  readonly batchSize: number;
  /** Rows per query page. */
  readonly pageSize: number;
}

export type PipelineOutcome =
  | {
      readonly status: 'SUCCEEDED';
      readonly period: string;
      readonly runId: string;
      readonly snapshotVersion: number;
      readonly rowsRead: RowsRead;
      readonly durationMs: number;
    }
  | {
      readonly status: 'SKIPPED';
      readonly period: string;
      /** The period has its snapshot, or another process is making it now. */
      readonly reason: 'ALREADY_DONE' | 'RUNNING_ELSEWHERE';
    }
  | {
      readonly status: 'FAILED';
      readonly period: string;
      readonly runId: string | null;
      readonly error: Error;
    };

/** The period a time falls in: its UTC day. */
export const periodOf = (date: Date): string => date.toISOString().slice(0, 10);

const LOCK = `hashtext('gw2:learning-pipeline')`;
const HOST = `${hostname()}:${process.pid}`.slice(0, 128);

export class LearningPipeline {
  constructor(
    private readonly deps: {
      readonly orm: MikroORM<PostgreSqlDriver>;
      readonly metrics: Pick<Metrics, 'observePipelineRun' | 'pipelineLastSuccess'>;
      readonly errorReporter: ErrorReporter;
      readonly logger: Logger;
      readonly now: () => Date;
      readonly settings: PipelineSettings;
    },
  ) {}

  /** Runs the pipeline for the current period unless done or running elsewhere. Never throws. */
  async run(trigger: PipelineTrigger): Promise<PipelineOutcome> {
    const { metrics, logger } = this.deps;
    const startedAt = this.deps.now();
    const period = periodOf(startedAt);
    const started = performance.now();
    const rowsRead: RowsRead = {};
    // The run's record once written; read again when the run fails.
    const state: { run: PipelineRun | null } = { run: null };
    try {
      // Nothing is written while the run's transaction is open: the embedded database serves one
      // transaction at a time, so a second connection would wait for the first forever.
      if (await this.hasSnapshot(this.deps.orm.em.fork(), period)) {
        return this.skipped(period, trigger, 'ALREADY_DONE');
      }
      state.run = await this.recordStart(period, trigger, startedAt);
      const result = await this.deps.orm.em.fork().transactional(
        async (tx) => {
          const [lock] = await tx.execute<{ locked: boolean }[]>(
            `select pg_try_advisory_xact_lock(${LOCK}) as locked`,
          );
          if (!lock?.locked) return 'RUNNING_ELSEWHERE' as const;
          if (await this.hasSnapshot(tx, period)) return 'ALREADY_DONE' as const;
          return this.aggregateInto(tx, period, rowsRead);
        },
        { isolationLevel: IsolationLevel.REPEATABLE_READ },
      );
      if (typeof result === 'string') {
        // Another process got there first: this try did no work worth a record.
        await this.deps.orm.em.fork().nativeDelete(PipelineRun, { id: state.run.id });
        state.run = null;
        return this.skipped(period, trigger, result);
      }
      const { run } = state;
      const finishedAt = this.deps.now();
      const durationMs = Math.round(performance.now() - started);
      await this.recordEnd(run, {
        status: PipelineRunStatus.SUCCEEDED,
        snapshotVersion: result.version,
        rowsRead,
        durationMs,
        finishedAt,
      });
      metrics.observePipelineRun({
        status: 'succeeded',
        seconds: durationMs / 1000,
        rowsRead,
        finishedAt: result.createdAt,
      });
      logger.info(
        { period, trigger, version: result.version, rowsRead, durationMs },
        'learning pipeline succeeded',
      );
      return {
        status: 'SUCCEEDED',
        period,
        runId: run.id,
        snapshotVersion: result.version,
        rowsRead,
        durationMs,
      };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const durationMs = Math.round(performance.now() - started);
      const failed = state.run;
      if (failed) {
        await this.recordEnd(failed, {
          status: PipelineRunStatus.FAILED,
          errorMessage: error.message.slice(0, 2000),
          rowsRead,
          durationMs,
          finishedAt: this.deps.now(),
        }).catch((recordError: unknown) =>
          logger.error({ err: recordError }, 'learning pipeline: could not record the failure'),
        );
      }
      metrics.observePipelineRun({ status: 'failed', seconds: durationMs / 1000, rowsRead });
      this.deps.errorReporter.report(error, { operationName: 'learning-pipeline' });
      logger.error(
        { err: error, period, trigger, rowsRead },
        'learning pipeline failed: the previous snapshot stays in force',
      );
      return { status: 'FAILED', period, runId: failed?.id ?? null, error };
    }
  }

  private skipped(
    period: string,
    trigger: PipelineTrigger,
    reason: 'ALREADY_DONE' | 'RUNNING_ELSEWHERE',
  ): PipelineOutcome {
    this.deps.metrics.observePipelineRun({ status: 'skipped' });
    this.deps.logger.info({ period, trigger, reason }, 'learning pipeline skipped');
    return { status: 'SKIPPED', period, reason };
  }

  private async hasSnapshot(em: EntityManager, period: string): Promise<boolean> {
    const rows = await em.execute(`select 1 from meta_snapshots where period = ?`, [period]);
    return rows.length > 0;
  }

  /** Sets the last-success gauge from the database (a process that starts running the pipeline). */
  async loadLastSuccess(): Promise<void> {
    const [row] = await this.deps.orm.em
      .fork()
      .execute<{ at: Date | null }[]>(`select max(created_at) as at from meta_snapshots`);
    this.deps.metrics.pipelineLastSuccess(row?.at ? new Date(row.at) : new Date(0));
  }

  private async aggregateInto(
    tx: EntityManager,
    period: string,
    rowsRead: RowsRead,
  ): Promise<MetaSnapshot> {
    const { settings } = this.deps;
    const aggregator = new MetaAggregator();
    for await (const batch of ownerFacts(tx, settings, rowsRead)) {
      for (const owner of batch) aggregator.addOwner(owner);
    }
    const data = aggregator.finish({ minSample: settings.minSample });
    const snapshot = tx.create(MetaSnapshot, {
      period,
      formatVersion: data.formatVersion,
      minSample: settings.minSample,
      requirementsVersion: requirementsDataInfo.version,
      rolesVersion: rolesDataInfo.version,
      data,
      createdAt: this.deps.now(),
    });
    await tx.flush();
    return snapshot;
  }

  /** The run's row, written outside the run's transaction so a failure is recorded too. */
  private async recordStart(
    period: string,
    trigger: PipelineTrigger,
    startedAt: Date,
  ): Promise<PipelineRun> {
    const em = this.deps.orm.em.fork();
    const run = em.create(PipelineRun, {
      period,
      trigger,
      status: PipelineRunStatus.RUNNING,
      host: HOST,
      startedAt,
    });
    await em.flush();
    return run;
  }

  private async recordEnd(
    run: PipelineRun,
    fields: Partial<
      Pick<
        PipelineRun,
        'status' | 'snapshotVersion' | 'rowsRead' | 'durationMs' | 'errorMessage' | 'finishedAt'
      >
    >,
  ): Promise<void> {
    await this.deps.orm.em.fork().nativeUpdate(PipelineRun, { id: run.id }, fields);
  }
}
