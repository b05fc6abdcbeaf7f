/**
 * A solver thread (piscina): runs the exact optimizer on plain data, so a long HiGHS solve
 * blocks this thread and never the event loop that serves requests.
 */
import { GameInputError } from '@gw2/game';
import { OptimizerInputError, planForMode } from '@gw2/game/optimizer';
import type { SolveOutcome, SolveTask } from './solver.protocol.js';

export default async function solve(task: SolveTask): Promise<SolveOutcome> {
  const { progress } = task;
  try {
    const result = await planForMode(task.request, {
      timeLimitMs: task.timeLimitMs,
      ...(progress ? { onProgress: (event) => progress.postMessage(event) } : {}),
    });
    return { ok: true, result };
  } catch (error) {
    if (error instanceof OptimizerInputError) {
      return { ok: false, refusal: { name: error.name, message: error.message, code: error.code } };
    }
    if (error instanceof GameInputError) {
      return {
        ok: false,
        refusal: {
          name: error.name,
          message: error.message,
          reason: error.reason,
          field: error.field,
        },
      };
    }
    throw error;
  } finally {
    progress?.close();
  }
}
