import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import { GameInputError } from '@gw2/game';
import {
  OptimizerInputError,
  planForMode,
  type ModePlanRequest,
  type OptimizerInputErrorCode,
  type OptimizerProgressEvent,
} from '@gw2/game/optimizer';
import { Piscina } from 'piscina';
import type { SolvedPlan, SolveOutcome, SolveRefusal, SolveTask } from './solver.protocol.js';

export interface SolveOptions {
  readonly timeLimitMs: number;
  /** Each progress event of the optimizer (improving incumbents, proof of optimality). */
  readonly onProgress?: (event: OptimizerProgressEvent) => void;
  /** Aborting stops the solve (the thread is replaced). */
  readonly signal?: AbortSignal;
}

/** Solves squad requests; `optimizeSquad` and the AI jobs share one per process. */
export interface SquadSolver {
  solve(request: ModePlanRequest, options: SolveOptions): Promise<SolvedPlan>;
}

export interface SolverPool extends SquadSolver {
  /** Threads started and tasks waiting, for metrics. */
  stats(): { threads: number; queued: number };
  close(): Promise<void>;
}

/** A game-core refusal rebuilt on this side of the thread boundary. */
class RemoteGameInputError extends GameInputError {
  readonly code = 'REMOTE_GAME_INPUT';
  constructor(refusal: SolveRefusal) {
    super(refusal.reason ?? 'INVALID_INPUT', refusal.field ?? 'input', refusal.message);
    this.name = refusal.name;
  }
}

function rebuild(refusal: SolveRefusal): Error {
  if (refusal.code !== undefined)
    return new OptimizerInputError(refusal.code as OptimizerInputErrorCode, refusal.message);
  return new RemoteGameInputError(refusal);
}

/**
 * The compiled thread entry. Tests run this module from `src` through SWC; the thread then
 * runs the compiled file from `dist` (threads do not inherit the test runner's transform), so
 * `npm run build` comes first, as in CI.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const compiled = here.endsWith('.js')
    ? path.join(path.dirname(here), 'solver.worker.js')
    : path
        .join(path.dirname(here), 'solver.worker.js')
        .replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  if (!existsSync(compiled))
    throw new Error(`solver thread entry ${compiled} is missing: run \`npm run build\` first`);
  return pathToFileURL(compiled).href;
}

export interface SolverPoolOptions {
  /** Solver threads; default: one per core but one, at least one. */
  readonly threads?: number;
  /** An idle thread exits after this long (it reloads HiGHS when needed again). */
  readonly idleTimeoutMs?: number;
}

/** Solver threads (piscina), started on first use. */
export function createSolverPool(options: SolverPoolOptions = {}): SolverPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  let pool: Piscina<SolveTask, SolveOutcome> | undefined;
  const started = () =>
    (pool ??= new Piscina<SolveTask, SolveOutcome>({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      // Queue without bound: callers are already limited by the AI rate limit and job concurrency.
      maxQueue: 'auto',
    }));
  return {
    async solve(request, solveOptions) {
      const channel = solveOptions.onProgress ? new MessageChannel() : undefined;
      // The thread closes its end after its last event; the result travels on another port, so
      // waiting for the close delivers every event before the result.
      let drained: Promise<void> = Promise.resolve();
      if (channel && solveOptions.onProgress) {
        const onProgress = solveOptions.onProgress;
        channel.port1.on('message', (event: OptimizerProgressEvent) => onProgress(event));
        drained = new Promise((resolve) => channel.port1.once('close', () => resolve()));
      }
      try {
        const outcome = await started().run(
          { request, timeLimitMs: solveOptions.timeLimitMs, progress: channel?.port2 },
          {
            transferList: channel ? [channel.port2] : [],
            signal: solveOptions.signal ?? null,
          },
        );
        await Promise.race([drained, delay(1_000, undefined, { ref: false })]);
        if (!outcome.ok) throw rebuild(outcome.refusal);
        return outcome.result;
      } finally {
        channel?.port1.close();
      }
    },
    stats: () => ({ threads: pool?.threads.length ?? 0, queued: pool?.queueSize ?? 0 }),
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}

/** Solves on the calling thread: for unit tests of code that takes a SquadSolver. */
export const inlineSolver: SquadSolver = {
  solve: (request, options) =>
    planForMode(request, {
      timeLimitMs: options.timeLimitMs,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }),
};
