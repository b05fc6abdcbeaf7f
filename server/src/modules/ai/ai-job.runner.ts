/**
 * Runs one attempt of an AI job, wherever jobs run (the API's in-process queue, or a worker):
 * claim the job, compute its result with the exact cores (solver threads for squads), explain
 * it (model or templates), then finish it with one conditional update, after which exactly one
 * terminal event goes to its log. A job whose claim fails (cancelled, finished) is skipped.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { EventLog } from '../../platform/event-log/event-log.js';
import type { Viewer } from '../../platform/graphql/context.js';
import { AppError } from '../../platform/graphql/errors.js';
import type { Metrics } from '../../platform/metrics.js';
import type { SquadSolver } from '../../platform/solver/solver-pool.js';
import { AiJobKind, AiJobPhase, AiJobStatus, type FallbackReason } from './ai-job.entity.js';
import type { AiJobLogEvent } from './ai-job.events.js';
import { explain, type Explanation } from './ai-job.explainer.js';
import { computeCompose, computeReview, computeSynergy, type Computed } from './ai-job.kinds.js';
import { JobEvents, logBaseFor } from './job-events.js';
import type { ModelUsage } from './model/mistral.client.js';
import type { ModelGateway } from './model/model.gateway.js';

/** The reason a job's signal aborts when its owner cancels it. */
export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
}

/** The reason a job's signal aborts when its process stops: the job is run again later. */
export class JobInterrupted extends Error {
  override readonly name = 'JobInterrupted';
}

export interface AiRuntime {
  readonly orm: MikroORM<PostgreSqlDriver>;
  readonly log: EventLog<AiJobLogEvent>;
  readonly gateway: ModelGateway;
  readonly solver: SquadSolver;
  readonly metrics: Metrics;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: {
    /** The model must finish an explanation within this. */
    readonly answerTimeoutMs: number;
    /** A finished job's event log stays this long for late subscribers. */
    readonly logRetentionMs: number;
  };
}

interface Claimed {
  readonly attempts: number;
  readonly kind: AiJobKind;
  readonly input: Record<string, unknown>;
  readonly ownerId: string;
  readonly role: Viewer['role'];
}

async function claim(em: EntityManager, jobId: string, now: Date): Promise<Claimed | null> {
  const rows = await em.getConnection().execute<
    Array<{
      attempts: number;
      kind: AiJobKind;
      input: unknown;
      owner_id: string;
      role: Viewer['role'];
    }>
  >(
    `update "ai_jobs" j set "status" = 'RUNNING', "attempts" = j."attempts" + 1,
       "started_at" = coalesce(j."started_at", ?), "phase" = 'QUEUED', "progress" = 0, "updated_at" = ?
     from "users" u
     where j."id" = ? and u."id" = j."owner_id" and j."status" in ('QUEUED', 'RUNNING')
     returning j."attempts", j."kind", j."input", j."owner_id", u."role"`,
    [now, now, jobId],
    'all',
  );
  const row = rows[0];
  if (!row) return null;
  const input = typeof row.input === 'string' ? (JSON.parse(row.input) as unknown) : row.input;
  return {
    attempts: row.attempts,
    kind: row.kind,
    input: input as Record<string, unknown>,
    ownerId: row.owner_id,
    role: row.role,
  };
}

/** The update that ends an attempt; false when the job was cancelled or taken over meanwhile. */
async function finish(
  em: EntityManager,
  jobId: string,
  attempt: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const columns = Object.keys(values);
  const result = await em.getConnection().execute<{ affectedRows: number }>(
    `update "ai_jobs" set ${columns.map((c) => `"${c}" = ?`).join(', ')}
     where "id" = ? and "status" = 'RUNNING' and "attempts" = ?`,
    [...columns.map((c) => values[c]), jobId, attempt],
    'run',
  );
  return result.affectedRows === 1;
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

export async function runAiJob(
  runtime: AiRuntime,
  jobId: string,
  signal: AbortSignal,
): Promise<'done' | 'skipped'> {
  const { metrics, clock } = runtime;
  const em = runtime.orm.em.fork() as EntityManager;
  const claimed = await claim(em, jobId, clock.now());
  if (!claimed) return 'skipped';
  const attempt = claimed.attempts;
  const started = performance.now();
  const logger = runtime.logger.child({ aiJob: jobId, kind: claimed.kind, attempt });
  const events = new JobEvents(runtime.log, jobId, logBaseFor(attempt), (error) =>
    logger.warn({ err: error }, 'ai job: an event could not be logged'),
  );
  if (attempt > 1) {
    events.reset(attempt, 'RETRY');
    metrics.aiJob(claimed.kind, 'none', 'retried');
  }
  const viewer: Viewer = { userId: claimed.ownerId, role: claimed.role };
  const usage = { promptTokens: 0, completionTokens: 0 };
  const addUsage = (more: ModelUsage) => {
    usage.promptTokens += more.promptTokens;
    usage.completionTokens += more.completionTokens;
  };

  const ended = async (status: 'succeeded' | 'failed', source: 'LLM' | 'OPTIMIZER' | 'none') => {
    await events.flush();
    await runtime.log.expire(jobId, runtime.settings.logRetentionMs).catch(() => {});
    metrics.aiJob(claimed.kind, source, status);
    metrics.observeAiJobDuration(claimed.kind, status, (performance.now() - started) / 1000);
  };

  try {
    const context = { runtime, jobId, em, viewer, events, signal, onUsage: addUsage };
    let computed: Computed;
    switch (claimed.kind) {
      case AiJobKind.COMPOSE_SQUAD:
        computed = await computeCompose(context, claimed.input);
        break;
      case AiJobKind.REVIEW_BUILD:
        computed = await computeReview(context, claimed.input);
        break;
      case AiJobKind.EXPLAIN_SYNERGY:
        computed = await computeSynergy(context, claimed.input);
        break;
    }
    events.progress(AiJobPhase.EXPLAINING, 0.6);
    const explanation: Explanation = await explain({
      gateway: runtime.gateway,
      facts: computed.facts,
      template: computed.template,
      watchedPlayers: computed.watchedPlayers,
      events,
      attempt,
      signal,
      answerTimeoutMs: runtime.settings.answerTimeoutMs,
      onUsage: addUsage,
    });
    // Every event before the row says "finished": a subscriber that sees the finished row
    // then finds the whole text in the log.
    await events.flush();
    const now = clock.now();
    const finished = await finish(em, jobId, attempt, {
      status: AiJobStatus.SUCCEEDED,
      phase: AiJobPhase.DONE,
      progress: 1,
      result: json(computed.result),
      explanation: explanation.text,
      source: explanation.source,
      fallback_reason: explanation.fallbackReason,
      grounding_issues: json(explanation.groundingIssues),
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      finished_at: now,
      updated_at: now,
    });
    if (!finished) return 'skipped';
    events.terminal({ type: 'SUCCEEDED' });
    if (explanation.fallbackReason)
      metrics.aiFallback(explanation.fallbackReason as FallbackReason);
    await ended('succeeded', explanation.source);
    logger.info(
      { source: explanation.source, fallbackReason: explanation.fallbackReason, ...usage },
      'ai job succeeded',
    );
    return 'done';
  } catch (error) {
    if (
      signal.aborted &&
      (signal.reason instanceof JobCancelled || signal.reason instanceof JobInterrupted)
    ) {
      // Cancelled: the cancel wrote the row and the terminal event. Interrupted: the job stays
      // RUNNING and is run again (recovery at start, or BullMQ's stalled-job check).
      await events.flush();
      return 'skipped';
    }
    const coded = error instanceof AppError;
    if (!coded) logger.error({ err: error }, 'ai job failed unexpectedly');
    const code = coded ? error.code : 'INTERNAL_SERVER_ERROR';
    const message = coded ? error.message : 'The job failed unexpectedly.';
    await events.flush();
    const now = clock.now();
    const finished = await finish(em, jobId, attempt, {
      status: AiJobStatus.FAILED,
      phase: AiJobPhase.DONE,
      error_code: code,
      error_message: message,
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      finished_at: now,
      updated_at: now,
    });
    if (!finished) return 'skipped';
    events.terminal({ type: 'FAILED', code, message });
    await ended('failed', 'none');
    logger.info({ code }, 'ai job failed');
    return 'done';
  }
}
