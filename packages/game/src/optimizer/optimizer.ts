/**
 * Exact squad optimisation: validate, run the greedy baseline, solve the MIP warm-started from
 * it, and return whichever plan scores higher (the MIP's, unless the time limit cut it short).
 */
import type { Capability } from '../model.js';
import { CAPABILITIES } from '../model.js';
import { greedyPlacements } from './greedy.js';
import { buildBundleModel, buildNaiveModel } from './mip-model.js';
import type { Formulation, MipModel } from './mip-model.js';
import { buildPatternModel, enumeratePatterns } from './pattern-model.js';
import { prepareProblem } from './problem.js';
import type { PreparedProblem } from './problem.js';
import { findGaps, scorePlan } from './score.js';
import type { Placement } from './score.js';
import { loadSolver } from './solver.js';
import type {
  OptimizerOptions,
  OptimizerProgressEvent,
  PlanAssignment,
  PlanModelSize,
  PlanScore,
  PlanStatus,
  SquadOptimizationInput,
  SquadPlan,
} from './types.js';

export const DEFAULT_TIME_LIMIT_MS = 2000;
const NO_MODEL: PlanModelSize = { formulation: null, rows: 0, cols: 0, nonzeros: 0 };

interface SolveSettings {
  readonly formulation: Formulation;
  /** Seed the solver with this plan (the greedy one in production). */
  readonly warmStart: readonly Placement[] | null;
  readonly timeLimitMs: number;
  readonly startedAt: number;
  readonly onProgress: ((event: OptimizerProgressEvent) => void) | undefined;
}

export interface MipOutcome {
  readonly placements: readonly Placement[] | null;
  /** The solver's own objective for `placements`; equals scorePlan(placements) at optimality. */
  readonly objective: number | null;
  readonly status: PlanStatus;
  /** Best proven upper bound of the objective, or null when none is known. */
  readonly dualBound: number | null;
  readonly model: SquadPlan['model'];
}

const elapsedSince = (startedAt: number) => performance.now() - startedAt;

function buildModel(problem: PreparedProblem, formulation: Formulation): MipModel {
  if (formulation === 'NAIVE') return buildNaiveModel(problem);
  const patterns = formulation === 'PATTERN' ? enumeratePatterns(problem) : null;
  return patterns === null ? buildBundleModel(problem) : buildPatternModel(problem, patterns);
}

/** Builds and solves one formulation (exported for the benchmark and the formulation tests). */
export async function solveMip(
  problem: PreparedProblem,
  settings: SolveSettings,
): Promise<MipOutcome> {
  const highs = await loadSolver();
  const built = buildModel(problem, settings.formulation);
  settings.onProgress?.({ phase: 'MODEL_BUILT', elapsedMs: elapsedSince(settings.startedAt) });

  const model = highs.createModel({ format: 'lp', data: built.lp });
  try {
    const remainingMs = Math.max(1, settings.timeLimitMs - elapsedSince(settings.startedAt));
    model.options.set({
      output_flag: false,
      time_limit: remainingMs / 1000,
      // Every objective coefficient is an integer, so only a gap below one proves optimality.
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      random_seed: 0,
      // These models are small and tight: presolve and the feasibility-jump heuristic cost more
      // than they save (measured, see docs/PERFORMANCE.md).
      presolve: built.formulation === 'PATTERN' ? 'off' : 'choose',
      mip_heuristic_run_feasibility_jump: false,
    });
    const dimensions = model.getDimensions();
    const columns = Array.from({ length: dimensions.numCols }, (_, i) => model.getColName(i));
    if (settings.warmStart !== null) {
      const start = built.encode(settings.warmStart);
      model.setSolution({ colValue: columns.map((name) => start.get(name) ?? 0) });
    }
    const { modelStatus } = model.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        const { objective_function_value: objective, mip_gap: gap } = event.data;
        settings.onProgress?.({
          phase: 'INCUMBENT_FOUND',
          elapsedMs: elapsedSince(settings.startedAt),
          source: 'MIP',
          ...(objective === undefined ? {} : { objective }),
          ...(gap === undefined || !Number.isFinite(gap) ? {} : { gap }),
        });
        return undefined;
      },
    });
    const feasible =
      model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    let placements: Placement[] | null = null;
    if (feasible) {
      const values = model.getSolution().colValue;
      const byName = new Map(columns.map((name, i) => [name, values[i] ?? 0]));
      placements = built.decode((name) => byName.get(name) ?? 0);
    }
    const optimal = modelStatus === highs.constants.modelStatus.optimal;
    const dualBound = Number(model.info.get('mip_dual_bound'));
    return {
      placements,
      objective: feasible ? model.getObjectiveValue() : null,
      status: !feasible ? 'HEURISTIC' : optimal ? 'OPTIMAL' : 'TIME_LIMIT',
      dualBound: Number.isFinite(dualBound) ? dualBound : null,
      model: {
        formulation: built.formulation,
        rows: dimensions.numRows,
        cols: dimensions.numCols,
        nonzeros: dimensions.numNonzeros,
      },
    };
  } finally {
    model.dispose();
  }
}

function relativeGap(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  return Math.max(0, bound - objective) / Math.max(1, Math.abs(objective));
}

function orderPlacements(problem: PreparedProblem, placements: readonly Placement[]): Placement[] {
  const rank = (p: Placement) => problem.options[p.option]?.owner ?? p.option;
  return [...placements].sort(
    (a, b) =>
      a.subgroup - b.subgroup ||
      Number(b.locked) - Number(a.locked) ||
      rank(a) - rank(b) ||
      a.option - b.option,
  );
}

function toPlan(
  problem: PreparedProblem,
  placements: readonly Placement[],
  status: PlanStatus,
  score: PlanScore,
  mipGap: number | null,
  solveTimeMs: number,
  model: SquadPlan['model'],
): SquadPlan {
  const assignments: PlanAssignment[] = orderPlacements(problem, placements).map(
    (placement, index) => {
      const option = problem.options[placement.option];
      if (option === undefined)
        throw new Error(`Placement refers to unknown option ${placement.option}`);
      const player = option.owner === null ? undefined : problem.players[option.owner];
      return {
        playerId: player?.id ?? null,
        playerName: player?.name ?? null,
        slot: index + 1,
        subgroup: placement.subgroup + 1,
        buildId: option.source.buildId,
        label: option.source.label,
        specialization: option.source.specialization,
        roleKey: option.source.roleKey,
        provides: CAPABILITIES.filter((capability) => option.provides.has(capability)),
        locked: placement.locked,
      };
    },
  );
  const subgroups = Array.from({ length: problem.subgroupCount }, (_, g) => {
    const members = assignments.filter((a) => a.subgroup === g + 1);
    const provided = new Set<Capability>(members.flatMap((m) => m.provides));
    return {
      subgroup: g + 1,
      members,
      provides: CAPABILITIES.filter((capability) => provided.has(capability)),
    };
  });
  return {
    gameMode: problem.gameMode,
    size: problem.size,
    status,
    assignments,
    subgroups,
    gaps: findGaps(problem, placements),
    score,
    objectiveValue: score.objective,
    mipGap,
    solveTimeMs,
    model,
  };
}

/**
 * Plans the squad that best covers `requirements`, then fills it, then maximises option
 * priorities and breadth (see docs/PERFORMANCE.md for the objective). Requirements are soft:
 * an impossible one becomes a named gap. Throws OptimizerInputError for invalid input.
 */
export async function optimizeSquad(
  input: SquadOptimizationInput,
  options: OptimizerOptions = {},
): Promise<SquadPlan> {
  const startedAt = performance.now();
  const problem = prepareProblem(input);
  const greedy = greedyPlacements(problem);
  const greedyScore = scorePlan(problem, greedy);
  // The solver re-announces the warm start as an incumbent: pass on strict improvements only.
  let bestAnnounced = Number.NEGATIVE_INFINITY;
  const onProgress =
    options.onProgress &&
    ((event: OptimizerProgressEvent) => {
      if (event.phase === 'INCUMBENT_FOUND') {
        const objective = event.objective ?? Number.NEGATIVE_INFINITY;
        if (objective <= bestAnnounced) return;
        bestAnnounced = objective;
      }
      options.onProgress?.(event);
    });
  if (problem.options.length === 0) {
    return toPlan(problem, greedy, 'OPTIMAL', greedyScore, 0, elapsedSince(startedAt), NO_MODEL);
  }
  onProgress?.({
    phase: 'INCUMBENT_FOUND',
    elapsedMs: elapsedSince(startedAt),
    objective: greedyScore.objective,
    source: 'GREEDY',
  });
  const outcome = await solveMip(problem, {
    formulation: 'PATTERN',
    warmStart: greedy,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    startedAt,
    onProgress,
  });
  const mipScore = outcome.placements === null ? null : scorePlan(problem, outcome.placements);
  // The warm start makes the MIP at least as good as greedy; this guards the guarantee anyway.
  const useMip =
    outcome.placements !== null && mipScore !== null && mipScore.objective >= greedyScore.objective;
  const placements = useMip ? (outcome.placements ?? greedy) : greedy;
  const score = useMip ? (mipScore ?? greedyScore) : greedyScore;
  const status: PlanStatus = useMip ? outcome.status : 'HEURISTIC';
  const mipGap = status === 'OPTIMAL' ? 0 : relativeGap(score.objective, outcome.dualBound);
  const elapsedMs = elapsedSince(startedAt);
  onProgress?.({
    phase: status === 'OPTIMAL' ? 'PROVEN_OPTIMAL' : 'TIME_LIMIT',
    elapsedMs,
    objective: score.objective,
    ...(mipGap === null ? {} : { gap: mipGap }),
  });
  return toPlan(problem, placements, status, score, mipGap, elapsedMs, outcome.model);
}

/** The greedy baseline as a plan (status HEURISTIC, no solver involved). */
export function greedySquad(input: SquadOptimizationInput): SquadPlan {
  const startedAt = performance.now();
  const problem = prepareProblem(input);
  const placements = greedyPlacements(problem);
  const score = scorePlan(problem, placements);
  return toPlan(problem, placements, 'HEURISTIC', score, null, elapsedSince(startedAt), NO_MODEL);
}
