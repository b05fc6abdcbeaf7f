import { describe, expect, it } from 'vitest';
import { applyAiJobEvent, emptyAiJobView, type AiJobStreamEvent } from './aiJobEvents';

const fold = (events: AiJobStreamEvent[]) => events.reduce(applyAiJobEvent, emptyAiJobView());

describe('applyAiJobEvent', () => {
  it('starts from the snapshot, appends deltas and ends on the terminal event', () => {
    const view = fold([
      { __typename: 'AiJobSnapshot', index: 3, phase: 'EXPLAINING', progress: 0.8, text: 'In sub' },
      { __typename: 'AiJobTextDelta', index: 4, delta: 'group 1,' },
      { __typename: 'AiJobSucceeded', index: 5 },
    ]);
    expect(view).toMatchObject({
      text: 'In subgroup 1,',
      terminal: 'SUCCEEDED',
      phase: 'DONE',
      progress: 1,
      lastIndex: 5,
    });
  });

  it('keeps its text on a snapshot without text and drops events it has seen', () => {
    const seen = fold([
      { __typename: 'AiJobSnapshot', index: 0, phase: 'QUEUED', progress: 0, text: null },
      { __typename: 'AiJobTextDelta', index: 1, delta: 'Hello' },
      { __typename: 'AiJobTextDelta', index: 2, delta: ' there' },
    ]);
    // The transport re-sent the subscription after a reconnect: the same events again.
    const again = [
      { __typename: 'AiJobSnapshot', index: 1, phase: 'EXPLAINING', progress: 0.9, text: null },
      { __typename: 'AiJobTextDelta', index: 2, delta: ' there' },
      { __typename: 'AiJobTextDelta', index: 3, delta: '.' },
    ] satisfies AiJobStreamEvent[];
    expect(again.reduce(applyAiJobEvent, seen).text).toBe('Hello there.');
  });

  it('starts the text over on a reset and records the improving incumbents once each', () => {
    const view = fold([
      { __typename: 'AiJobSnapshot', index: 0, phase: 'QUEUED', progress: 0 },
      {
        __typename: 'AiJobProgress',
        index: 1,
        phase: 'SOLVING',
        progress: 0.3,
        incumbent: { objective: 10, elapsedMs: 5 },
      },
      {
        __typename: 'AiJobProgress',
        index: 2,
        phase: 'SOLVING',
        progress: 0.5,
        incumbent: { objective: 12, elapsedMs: 9 },
      },
      { __typename: 'AiJobTextDelta', index: 3, delta: 'Bob on Scourge' },
      { __typename: 'AiJobTextReset', index: 4, reason: 'UNGROUNDED', attempt: 1 },
      { __typename: 'AiJobTextDelta', index: 5, delta: 'Raid squad' },
      { __typename: 'AiJobFailed', index: 6, error: { code: 'X', message: 'no' } },
    ]);
    expect(view.incumbents.map((point) => point.objective)).toEqual([10, 12]);
    expect(view.text).toBe('Raid squad');
    expect(view.resetReason).toBe('UNGROUNDED');
    expect(view).toMatchObject({ terminal: 'FAILED', error: { code: 'X', message: 'no' } });
  });

  it('ends a finished job on the terminal event that repeats the snapshot’s index', () => {
    const view = fold([
      { __typename: 'AiJobSnapshot', index: 7, phase: 'DONE', progress: 1, text: 'All done.' },
      { __typename: 'AiJobSucceeded', index: 7 },
      { __typename: 'AiJobCancelled', index: 8 },
    ]);
    expect(view).toMatchObject({ terminal: 'SUCCEEDED', text: 'All done.', lastIndex: 7 });
  });
});
