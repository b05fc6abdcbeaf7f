/**
 * Exact squad optimisation: validate, run the greedy baseline, then solve the lexicographic
 * objective in two MIP solves warm-started from it (phase 1: coverage then fill; phase 2: balance
 * then priorities, with phase 1's optimum kept by a row), and return whichever plan scores higher
 * (the MIP's, unless the time limit cut it short).
 */
import type { Capability } from '../model.js';
import { CAPABILITIES } from '../model.js';
import { explainPlan } from './explain.js';
import { greedyPlacements } from './greedy.js';
import type { Tier } from './lp.js';
import { buildBundleModel } from './mip-model.js';
import type { Formulation, MipModel } from './mip-model.js';
import { buildNaiveModel } from './naive-model.js';
import { buildPatternModel, enumeratePatterns } from './pattern-model.js';
import { prepareProblem } from './problem.js';
import type { PreparedProblem } from './problem.js';
import { compareScores, findGaps, scorePlan } from './score.js';
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
  readonly status: PlanStatus;
  /** Relative gap of the phase that stopped short (0 when both are proven optimal), or null. */
  readonly gap: number | null;
  readonly model: SquadPlan['model'];
}

const elapsedSince = (startedAt: number) => performance.now() - startedAt;

function buildModel(problem: PreparedProblem, formulation: Formulation): MipModel {
  if (formulation === 'NAIVE') return buildNaiveModel(problem);
  // Players kept together need per-subgroup columns: the pattern model has none.
  const patterns =
    formulation === 'PATTERN' && problem.together.length === 0 ? enumeratePatterns(problem) : null;
  return patterns === null ? buildBundleModel(problem) : buildPatternModel(problem, patterns);
}

interface PhaseResult {
  readonly placements: Placement[] | null;
  readonly values: readonly number[] | null;
  readonly optimal: boolean;
  readonly objective: number | null;
  readonly gap: number | null;
}

/**
 * Builds one formulation and solves both phases on one HiGHS model (exported for the benchmark
 * and the formulation tests). Phase 1 maximises the PRIMARY tier; when it proved its optimum,
 * phase 2 swaps in the BALANCE costs, adds a row keeping PRIMARY at that optimum, and solves
 * again from phase 1's plan.
 */
export async function solveMip(
  problem: PreparedProblem,
  settings: SolveSettings,
): Promise<MipOutcome> {
  const highs = await loadSolver();
  const built = buildModel(problem, settings.formulation);
  settings.onProgress?.({ phase: 'MODEL_BUILT', elapsedMs: elapsedSince(settings.startedAt) });
  const model = highs.createModel({ format: 'lp', data: built.lp.toString({ tier: 'PRIMARY' }) });
  try {
    const dimensions = model.getDimensions();
    const columns = Array.from({ length: dimensions.numCols }, (_, i) => model.getColName(i));
    const size: PlanModelSize = {
      formulation: built.formulation,
      rows: dimensions.numRows,
      cols: dimensions.numCols,
      nonzeros: dimensions.numNonzeros,
    };
    const run = (tier: Tier, start: readonly number[] | null): PhaseResult => {
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
      if (start !== null) model.setSolution({ colValue: start });
      const { modelStatus } = model.run({
        [highs.constants.callbackType.mipImprovingSolution](event) {
          if (tier !== 'PRIMARY') return undefined;
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
      if (!feasible) {
        return { placements: null, values: null, optimal: false, objective: null, gap: null };
      }
      const values = [...model.getSolution().colValue];
      const byName = new Map(columns.map((name, i) => [name, values[i] ?? 0]));
      const objective = model.getObjectiveValue();
      const optimal = modelStatus === highs.constants.modelStatus.optimal;
      return {
        placements: built.decode((name) => byName.get(name) ?? 0),
        values,
        optimal,
        objective,
        gap: optimal ? 0 : relativeGap(objective, Number(model.info.get('mip_dual_bound'))),
      };
    };
    const warm = settings.warmStart === null ? null : built.encode(settings.warmStart);
    const first = run('PRIMARY', warm === null ? null : columns.map((name) => warm.get(name) ?? 0));
    const stopped: MipOutcome = {
      placements: first.placements,
      status: first.placements === null ? 'HEURISTIC' : 'TIME_LIMIT',
      gap: first.gap,
      model: size,
    };
    if (!first.optimal || first.objective === null || first.values === null) return stopped;

    // Phase 2: BALANCE costs, and PRIMARY kept at its optimum (integral: half a unit below it).
    const primary = built.lp.costs('PRIMARY');
    const balance = built.lp.costs('BALANCE');
    model.changeColsCost(
      { kind: 'range', from: 0, to: columns.length - 1 },
      columns.map((name) => balance.get(name) ?? 0),
    );
    const entries = columns.flatMap((name, i) => {
      const cost = primary.get(name);
      return cost === undefined || cost === 0 ? [] : [{ i, cost }];
    });
    model.addRow(Math.round(first.objective) - 0.5, Infinity, {
      indices: entries.map((e) => e.i),
      values: entries.map((e) => e.cost),
    });
    const second = run('BALANCE', first.values);
    if (second.placements === null) return { ...stopped, gap: null };
    return {
      placements: second.placements,
      status: second.optimal ? 'OPTIMAL' : 'TIME_LIMIT',
      gap: second.gap,
      model: size,
    };
  } finally {
    model.dispose();
  }
}

/** The gap to the best bound; unknown (null) when HiGHS proved no finite bound before the limit. */
export function relativeGap(objective: number, bound: number | null): number | null {
  if (bound === null || !Number.isFinite(bound)) return null;
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
  input: SquadOptimizationInput,
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
  const subgroups = Array.from({ length: problem.squadSubgroups }, (_, g) => {
    const members = assignments.filter((a) => a.subgroup === g + 1);
    const provided = new Set<Capability>(members.flatMap((m) => m.provides));
    return {
      subgroup: g + 1,
      members,
      provides: CAPABILITIES.filter((capability) => provided.has(capability)),
    };
  });
  const gaps = findGaps(problem, placements);
  return {
    gameMode: problem.gameMode,
    size: problem.size,
    status,
    assignments,
    subgroups,
    gaps,
    score,
    objectiveValue: score.objective,
    mipGap,
    solveTimeMs,
    model,
    explanation: explainPlan(input, problem, placements, assignments, gaps),
  };
}

/**
 * Plans the squad that best covers `requirements`, then fills it, then balances it, then
 * maximises option priorities and breadth (see docs/OPTIMIZER.md). Requirements are soft: an
 * impossible one becomes a named gap. Throws OptimizerInputError for invalid input.
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
    return toPlan(
      input,
      problem,
      greedy,
      'OPTIMAL',
      greedyScore,
      0,
      elapsedSince(startedAt),
      NO_MODEL,
    );
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
    outcome.placements !== null && mipScore !== null && compareScores(mipScore, greedyScore) >= 0;
  const placements = useMip ? (outcome.placements ?? greedy) : greedy;
  const score = useMip ? (mipScore ?? greedyScore) : greedyScore;
  const status: PlanStatus = useMip ? outcome.status : 'HEURISTIC';
  const mipGap = status === 'OPTIMAL' ? 0 : useMip ? outcome.gap : null;
  const elapsedMs = elapsedSince(startedAt);
  onProgress?.({
    phase: status === 'OPTIMAL' ? 'PROVEN_OPTIMAL' : 'TIME_LIMIT',
    elapsedMs,
    objective: score.objective,
    ...(mipGap === null ? {} : { gap: mipGap }),
  });
  return toPlan(input, problem, placements, status, score, mipGap, elapsedMs, outcome.model);
}

/** The greedy baseline as a plan (status HEURISTIC, no solver involved). */
export function greedySquad(input: SquadOptimizationInput): SquadPlan {
  const startedAt = performance.now();
  const problem = prepareProblem(input);
  const placements = greedyPlacements(problem);
  const score = scorePlan(problem, placements);
  return toPlan(
    input,
    problem,
    placements,
    'HEURISTIC',
    score,
    null,
    elapsedSince(startedAt),
    NO_MODEL,
  );
}
