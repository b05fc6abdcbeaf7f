/**
 * The `aiJob(id, afterIndex)` subscription's events, from the job's row (durable state) and its
 * event log (what happened since it started): the snapshot, the events after it, and exactly
 * one terminal event (see ai-job.events.ts for the protocol).
 */
import type { EventLog, LoggedEvent } from '../../platform/event-log/event-log.js';
import { AiJobStatus, FINISHED_STATUSES, type AiJob as AiJobEntity } from './ai-job.entity.js';
import { foldEvents, isTerminal, type AiJobLogEvent } from './ai-job.events.js';
import {
  toTextReset,
  type AiJobCancelled,
  type AiJobFailed,
  type AiJobProgress,
  type AiJobSnapshot,
  type AiJobSucceeded,
  type AiJobTextDelta,
  type AiJobTextReset,
} from './ai-job-event.types.js';
import { toAiJob } from './ai-job.mapper.js';

export type AiJobStreamEvent =
  | AiJobSnapshot
  | AiJobProgress
  | AiJobTextDelta
  | AiJobTextReset
  | AiJobSucceeded
  | AiJobFailed
  | AiJobCancelled;

export interface StreamDeps {
  readonly log: EventLog<AiJobLogEvent>;
  /** A fresh read of the job's row (its owner already checked). */
  readonly loadJob: () => Promise<AiJobEntity>;
  /** How long the log may stay quiet before the row is looked at again. */
  readonly idleMs: number;
}

const finished = (job: AiJobEntity) => FINISHED_STATUSES.includes(job.status);

function terminalFromRow(job: AiJobEntity, index: number): AiJobStreamEvent {
  const base = { index, jobId: job.id, job: toAiJob(job) };
  switch (job.status) {
    case AiJobStatus.SUCCEEDED:
      return { __typename: 'AiJobSucceeded', ...base };
    case AiJobStatus.CANCELLED:
      return { __typename: 'AiJobCancelled', ...base };
    default:
      return {
        __typename: 'AiJobFailed',
        ...base,
        error: { code: job.errorCode ?? 'INTERNAL_SERVER_ERROR', message: job.errorMessage ?? '' },
      };
  }
}

function toStreamEvent(
  jobId: string,
  { index, event }: LoggedEvent<AiJobLogEvent>,
): AiJobStreamEvent | null {
  switch (event.type) {
    case 'PROGRESS':
      return {
        __typename: 'AiJobProgress',
        index,
        jobId,
        phase: event.phase,
        progress: event.progress,
        incumbent: event.incumbent ?? null,
      };
    case 'TEXT_DELTA':
      return { __typename: 'AiJobTextDelta', index, jobId, delta: event.text };
    case 'TEXT_RESET':
      return {
        __typename: 'AiJobTextReset',
        index,
        jobId,
        attempt: event.attempt,
        reason: toTextReset(event.reason),
      };
    default:
      return null; // terminal events are built from the row
  }
}

export async function* aiJobEvents(
  deps: StreamDeps,
  afterIndex: number | null,
  signal: AbortSignal,
): AsyncGenerator<AiJobStreamEvent> {
  let job = await deps.loadJob();
  const jobId = job.id;
  const all = await deps.log.read(jobId, 0);
  let resumeAt: number | null = null;
  if (afterIndex !== null && afterIndex <= all.last) {
    const tail = await deps.log.read(jobId, afterIndex);
    if (tail.complete) resumeAt = afterIndex;
  }
  const at = resumeAt ?? all.last;
  const state = foldEvents(all.events.filter((e) => e.index <= at).map((e) => e.event));
  const logLost = all.events.length === 0;
  yield {
    __typename: 'AiJobSnapshot',
    index: at,
    jobId,
    job: toAiJob(job),
    // A finished job's row holds its final text; the log may have been trimmed or lost.
    text:
      resumeAt !== null
        ? null
        : job.status === AiJobStatus.SUCCEEDED
          ? (job.explanation ?? '')
          : state.text,
    attempt: logLost ? Math.max(1, job.attempts) : state.attempt,
    phase: state.phase ?? job.phase,
    progress: state.progress ?? job.progress,
    incumbent: state.incumbent,
  };

  const terminalAhead = all.events.some((e) => e.index > at && isTerminal(e.event));
  if (finished(job) && !terminalAhead) {
    yield terminalFromRow(job, at);
    return;
  }

  let last = at;
  let quietWhileFinished = 0;
  for await (const logged of deps.log.follow(jobId, at, signal, { idleMs: deps.idleMs })) {
    if (logged === null) {
      // A quiet log: is the job over without its terminal event (a writer died after finishing)?
      job = await deps.loadJob();
      if (!finished(job)) quietWhileFinished = 0;
      else if (++quietWhileFinished >= 2) {
        yield terminalFromRow(job, last + 1);
        return;
      }
      continue;
    }
    last = logged.index;
    if (isTerminal(logged.event)) {
      yield terminalFromRow(await deps.loadJob(), logged.index);
      return;
    }
    const event = toStreamEvent(jobId, logged);
    if (event) yield event;
  }
}

/**
 * An async iterator over `generate(signal)` whose `return()` (the client unsubscribed, the
 * socket closed) aborts the signal first, so a generator waiting for the next event stops at
 * once instead of at its next event.
 */
export function abortable<T>(
  generate: (signal: AbortSignal) => AsyncGenerator<T>,
): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const inner = generate(controller.signal);
  return {
    next: () => inner.next(),
    async return(value?: unknown) {
      controller.abort();
      await inner.return(undefined);
      return { done: true, value: value as T };
    },
    async throw(error?: unknown) {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
