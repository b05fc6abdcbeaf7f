/**
 * `optimizeSquad` for the API: checks the request's limits with input paths
 * (squad-request.checks.ts), turns saved builds and chat codes into candidate options
 * (squad-pools.ts), runs the optimizer core on the solver pool and maps its plan
 * (squad-plan.mapper.ts).
 */
import { GAME_MODE_CONTEXT } from '@gw2/game';
import type { ModePlanRequest } from '@gw2/game/optimizer';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  inlineSolver,
  type SolveOptions,
  type SquadSolver,
} from '../../platform/solver/solver-pool.js';
import { toTeamCoverage } from '../teams/team.mapper.js';
import { NO_LEARNED_PREFERENCES, type LearnedPreferences } from './learned-preferences.js';
import { toUserInputError } from './optimizer.errors.js';
import { SquadPool, type OptimizeSquadInput } from './optimizer.inputs.js';
import type { SquadPlan } from './optimizer.types.js';
import { toSquadPlan } from './squad-plan.mapper.js';
import {
  metaPool,
  rosterPool,
  rosterSources,
  type OptionDetails,
  type SavedBuildLoader,
} from './squad-pools.js';
import { DEFAULT_TIME_LIMIT_MS, checkLimits, preferencesOf } from './squad-request.checks.js';

/** How a plan is solved: on a solver thread in the app, inline in unit tests. */
export interface SquadSolving {
  readonly solver: SquadSolver;
  readonly onProgress?: SolveOptions['onProgress'];
  readonly signal?: AbortSignal;
}

/** A request checked and turned into the optimizer's input, ready to solve. */
export interface PreparedSquad {
  readonly request: ModePlanRequest;
  readonly timeLimitMs: number;
  readonly details: ReadonlyMap<string, OptionDetails>;
  /** The meta snapshot whose weights gave the options their priorities (null: none). */
  readonly metaSnapshotVersion: number | null;
}

/**
 * Checks a request and builds the optimizer's input: everything `optimizeSquadPlan` refuses is
 * refused here, without solving (the AI assistant validates requests this way before queueing).
 * Anonymous callers may use the META pool and chat codes; saved build ids need a viewer and are
 * loaded through `loadBuilds` (which applies build visibility). `learned` ranks the options in
 * the optimizer's last tier (see learned-preferences.ts).
 */
export async function prepareSquadPlan(
  input: OptimizeSquadInput,
  viewer: Viewer | null,
  loadBuilds: SavedBuildLoader,
  learned: LearnedPreferences = NO_LEARNED_PREFERENCES,
): Promise<PreparedSquad> {
  checkLimits(input);
  const context = GAME_MODE_CONTEXT[input.gameMode];
  const preferences = preferencesOf(input);
  const prepared =
    input.pool === SquadPool.META
      ? metaPool(input, context, learned)
      : rosterPool(input, await rosterSources(input, viewer, loadBuilds), context, learned);
  return {
    request: {
      gameMode: input.gameMode,
      size: input.size,
      pool: prepared.pool,
      locked: prepared.locked,
      ...(preferences ? { preferences } : {}),
    },
    timeLimitMs: input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    details: prepared.details,
    metaSnapshotVersion: learned.snapshotVersion,
  };
}

/** Solves a prepared request on `solving.solver` and maps the plan for the API. */
export async function solvePreparedSquad(
  prepared: PreparedSquad,
  solving: SquadSolving = { solver: inlineSolver },
): Promise<SquadPlan> {
  try {
    const { plan, coverage } = await solving.solver.solve(prepared.request, {
      timeLimitMs: prepared.timeLimitMs,
      ...(solving.onProgress ? { onProgress: solving.onProgress } : {}),
      ...(solving.signal ? { signal: solving.signal } : {}),
    });
    const labels = new Map(
      plan.assignments.map((a) => [a.playerId ?? `slot-${a.slot}`, a.playerName ?? a.label]),
    );
    return toSquadPlan(
      plan,
      prepared.details,
      prepared.metaSnapshotVersion,
      toTeamCoverage(coverage, labels),
    );
  } catch (error) {
    throw toUserInputError(error);
  }
}

/** Checks, then solves: `optimizeSquad`. Only a valid request reaches `solving.solver`. */
export async function optimizeSquadPlan(
  input: OptimizeSquadInput,
  viewer: Viewer | null,
  loadBuilds: SavedBuildLoader,
  solving: SquadSolving = { solver: inlineSolver },
  learned: LearnedPreferences = NO_LEARNED_PREFERENCES,
): Promise<SquadPlan> {
  return solvePreparedSquad(await prepareSquadPlan(input, viewer, loadBuilds, learned), solving);
}
