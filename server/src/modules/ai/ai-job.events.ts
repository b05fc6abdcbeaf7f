/**
 * The events of a job's log, JSON-safe (they cross Redis), and the fold that turns a prefix of
 * the log into the state a subscriber starts from. The protocol a client sees:
 *
 * 1. a snapshot at index S (the job, phase, progress, best incumbent, attempt, and the text of
 *    the current attempt so far, or null when the client resumed at S and holds it already);
 * 2. every event with an index above S, once, in order: progress, text deltas (append), text
 *    resets (drop the text so far: a new attempt after a worker died, or the template
 *    replacing the model's text), then
 * 3. exactly one terminal event (succeeded, failed or cancelled), after which the stream ends.
 */
import { AiJobPhase } from './ai-job.entity.js';

export interface Incumbent {
  /** The optimizer's objective for the best plan so far. */
  readonly objective: number;
  /** Relative gap to the proven bound; null while unknown. */
  readonly gap: number | null;
  /** GREEDY warm start or MIP solver. */
  readonly source: 'GREEDY' | 'MIP' | null;
  readonly elapsedMs: number;
}

/** Why the text so far was dropped. */
export type TextResetReason = 'RETRY' | 'FALLBACK' | 'UNGROUNDED';

export type AiJobLogEvent =
  | {
      readonly type: 'PROGRESS';
      readonly phase: AiJobPhase;
      readonly progress: number;
      readonly incumbent?: Incumbent;
    }
  | { readonly type: 'TEXT_DELTA'; readonly text: string }
  | { readonly type: 'TEXT_RESET'; readonly attempt: number; readonly reason: TextResetReason }
  | { readonly type: 'SUCCEEDED' }
  | { readonly type: 'FAILED'; readonly code: string; readonly message: string }
  | { readonly type: 'CANCELLED' };

export type TerminalLogEvent = Extract<
  AiJobLogEvent,
  { type: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' }
>;

export const isTerminal = (event: AiJobLogEvent): event is TerminalLogEvent =>
  event.type === 'SUCCEEDED' || event.type === 'FAILED' || event.type === 'CANCELLED';

export interface FoldedState {
  readonly phase: AiJobPhase | null;
  readonly progress: number | null;
  readonly incumbent: Incumbent | null;
  readonly attempt: number;
  readonly text: string;
  readonly terminal: TerminalLogEvent | null;
}

export const EMPTY_STATE: FoldedState = {
  phase: null,
  progress: null,
  incumbent: null,
  attempt: 1,
  text: '',
  terminal: null,
};

export function foldEvent(state: FoldedState, event: AiJobLogEvent): FoldedState {
  switch (event.type) {
    case 'PROGRESS':
      return {
        ...state,
        phase: event.phase,
        progress: event.progress,
        incumbent: event.incumbent ?? state.incumbent,
      };
    case 'TEXT_DELTA':
      return { ...state, text: state.text + event.text };
    case 'TEXT_RESET':
      return {
        ...state,
        text: '',
        attempt: event.attempt,
        ...(event.reason === 'RETRY' ? { incumbent: null } : {}),
      };
    default:
      return {
        ...state,
        terminal: event,
        phase: AiJobPhase.DONE,
        progress: event.type === 'SUCCEEDED' ? 1 : state.progress,
      };
  }
}

export const foldEvents = (events: Iterable<AiJobLogEvent>, from: FoldedState = EMPTY_STATE) =>
  [...events].reduce(foldEvent, from);
