import type { SquadCoverage } from '@gw2/game';
import type { ModePlanRequest, OptimizerProgressEvent, SquadPlan } from '@gw2/game/optimizer';
import type { MessagePort } from 'node:worker_threads';

/**
 * What crosses the thread boundary between the API (or worker) process and a solver thread:
 * plain, structured-cloneable data only.
 */
export interface SolveTask {
  readonly request: ModePlanRequest;
  readonly timeLimitMs: number;
  /** Receives each OptimizerProgressEvent as it happens (closed by the thread when done). */
  readonly progress?: MessagePort;
}

export interface SolvedPlan {
  readonly plan: SquadPlan;
  readonly coverage: SquadCoverage;
}

/**
 * A refusal of the game cores, flattened: class instances lose their prototype when cloned, so
 * the thread sends the fields and the caller rebuilds the error.
 */
export interface SolveRefusal {
  readonly name: string;
  readonly message: string;
  /** OptimizerInputError's code. */
  readonly code?: string;
  /** GameInputError's reason and field. */
  readonly reason?: string;
  readonly field?: string;
}

export type SolveOutcome =
  | { readonly ok: true; readonly result: SolvedPlan }
  | { readonly ok: false; readonly refusal: SolveRefusal };

export type { OptimizerProgressEvent };
