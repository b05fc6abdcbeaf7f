/**
 * The client's view of one AI job, folded from the events of the `aiJob` subscription: a
 * snapshot first (replace the text with its text when it carries one), then progress, text
 * deltas and resets with a running index, then exactly one terminal event. Events at or
 * below the last index seen are dropped, so a subscription the transport re-sends after a
 * reconnect (with its first variables) never shows a delta twice; the first terminal event
 * always counts (a finished job's comes at the snapshot's index) and ends the view.
 */

export type AiJobPhaseName =
  'QUEUED' | 'UNDERSTANDING' | 'SOLVING' | 'ANALYZING' | 'EXPLAINING' | 'DONE';

export interface IncumbentPoint {
  objective: number;
  elapsedMs: number;
  gap?: number | null;
  source?: string | null;
}

interface EventBase {
  index: number;
}

export type AiJobStreamEvent =
  | (EventBase & {
      __typename: 'AiJobSnapshot';
      phase: string;
      progress: number;
      text?: string | null;
      incumbent?: IncumbentPoint | null;
    })
  | (EventBase & {
      __typename: 'AiJobProgress';
      phase: string;
      progress: number;
      incumbent?: IncumbentPoint | null;
    })
  | (EventBase & { __typename: 'AiJobTextDelta'; delta: string })
  | (EventBase & { __typename: 'AiJobTextReset'; reason: string; attempt: number })
  | (EventBase & { __typename: 'AiJobSucceeded' })
  | (EventBase & { __typename: 'AiJobFailed'; error: { code: string; message: string } })
  | (EventBase & { __typename: 'AiJobCancelled' });

export interface AiJobView {
  /** Last event index applied; -1 before the snapshot. */
  lastIndex: number;
  phase: string;
  progress: number;
  text: string;
  /** The optimizer's improving plans, in the order they were found. */
  incumbents: IncumbentPoint[];
  /** Why the text started over ("FALLBACK", "UNGROUNDED", "RETRY"), when it did. */
  resetReason: string | null;
  terminal: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | null;
  error: { code: string; message: string } | null;
}

export function emptyAiJobView(): AiJobView {
  return {
    lastIndex: -1,
    phase: 'QUEUED',
    progress: 0,
    text: '',
    incumbents: [],
    resetReason: null,
    terminal: null,
    error: null,
  };
}

function withIncumbent(list: IncumbentPoint[], point?: IncumbentPoint | null): IncumbentPoint[] {
  if (!point) return list;
  const last = list.at(-1);
  if (last && last.objective === point.objective && last.elapsedMs === point.elapsedMs) return list;
  return [...list, point];
}

/** The view after `event` (a new object; the old one is left as it was). */
export function applyAiJobEvent(view: AiJobView, event: AiJobStreamEvent): AiJobView {
  if (event.__typename === 'AiJobSnapshot') {
    // Without text it restates what this view holds already (a resume): only newer news counts.
    if (event.text == null && event.index <= view.lastIndex) return view;
    // With text it restates the job as of its index, whatever was seen before.
    return {
      ...view,
      lastIndex: event.index,
      phase: event.phase,
      progress: event.progress,
      text: event.text ?? view.text,
      incumbents: withIncumbent(view.incumbents, event.incumbent),
    };
  }
  if (view.terminal !== null) return view;
  // A finished job's terminal event carries the snapshot's own index: it always counts.
  const terminal =
    event.__typename === 'AiJobSucceeded' ||
    event.__typename === 'AiJobFailed' ||
    event.__typename === 'AiJobCancelled';
  if (!terminal && event.index <= view.lastIndex) return view;
  const next = { ...view, lastIndex: Math.max(view.lastIndex, event.index) };
  switch (event.__typename) {
    case 'AiJobProgress':
      return {
        ...next,
        phase: event.phase,
        progress: event.progress,
        incumbents: withIncumbent(view.incumbents, event.incumbent),
      };
    case 'AiJobTextDelta':
      return { ...next, text: view.text + event.delta };
    case 'AiJobTextReset':
      return { ...next, text: '', resetReason: event.reason };
    case 'AiJobSucceeded':
      return { ...next, terminal: 'SUCCEEDED', phase: 'DONE', progress: 1 };
    case 'AiJobFailed':
      return { ...next, terminal: 'FAILED', error: event.error };
    case 'AiJobCancelled':
      return { ...next, terminal: 'CANCELLED' };
  }
}
