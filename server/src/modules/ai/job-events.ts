import type { EventLog } from '../../platform/event-log/event-log.js';
import type { AiJobPhase } from './ai-job.entity.js';
import type { AiJobLogEvent, Incumbent, TextResetReason } from './ai-job.events.js';

/**
 * What one attempt of a job writes to its log, in order: appends are chained so text deltas
 * (which arrive synchronously from the model's stream) keep their order. A failed append is
 * reported, not thrown: the job's result still lands in its row, and followers fall back to the
 * row when the log goes quiet.
 */
export class JobEvents {
  private chain: Promise<unknown> = Promise.resolve();
  /** The current text of this attempt (after the last reset). */
  text = '';

  constructor(
    private readonly log: EventLog<AiJobLogEvent>,
    private readonly jobId: string,
    /** Numbers a log that is gone (a restarted process): attempt k starts past attempt k-1. */
    private readonly base: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  private emit(event: AiJobLogEvent): void {
    this.chain = this.chain
      .then(() => this.log.append(this.jobId, event, { base: this.base }))
      .catch(this.onError);
  }

  progress(phase: AiJobPhase, progress: number, incumbent?: Incumbent): void {
    this.emit({
      type: 'PROGRESS',
      phase,
      progress: Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 1000,
      ...(incumbent ? { incumbent } : {}),
    });
  }

  delta(text: string): void {
    if (!text) return;
    this.text += text;
    this.emit({ type: 'TEXT_DELTA', text });
  }

  reset(attempt: number, reason: TextResetReason): void {
    this.text = '';
    this.emit({ type: 'TEXT_RESET', attempt, reason });
  }

  terminal(event: Extract<AiJobLogEvent, { type: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' }>): void {
    this.emit(event);
  }

  /** Resolves once everything emitted so far is in the log (or reported). */
  async flush(): Promise<void> {
    await this.chain;
  }
}

/** The first index of attempt `attempt` when its log has to start over. */
export const logBaseFor = (attempt: number) => (attempt - 1) * 1_000_000;
