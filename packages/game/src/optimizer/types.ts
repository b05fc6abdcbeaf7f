import type { Capability, GameMode } from '../model.js';
import type { PlanExplanation } from './explanation-types.js';

/** A need of the squad: SUBGROUP scope applies to every subgroup, SQUAD scope to the whole squad. */
export interface OptimizerRequirement {
  readonly capability: Capability;
  readonly scope: 'SUBGROUP' | 'SQUAD';
  /** How many members must provide the capability in each unit of the scope. */
  readonly minSources: number;
  /** Relative importance; only ratios between requirements matter. Must be > 0. */
  readonly weight: number;
  /** What the requirement asks for in words ("a stability source"); carried into gaps. */
  readonly label: string;
}

/** One way a member can play: a saved build or a meta role. */
export interface CandidateOption {
  readonly buildId: string;
  readonly label: string;
  /** Elite specialization (or core profession) name, used by `maxPerSpecialization`. */
  readonly specialization: string;
  readonly roleKey: string;
  readonly provides: readonly Capability[];
  /**
   * Preference between options, an integer 0..9 (default 0). It only breaks ties between plans
   * of equal coverage and fill; it never buys coverage.
   */
  readonly priority?: number;
}

export interface RosterPlayer {
  readonly id: string;
  readonly name: string;
  /** 1..10 ways this player can play; the optimizer picks at most one. */
  readonly options: readonly CandidateOption[];
  /**
   * Where the player sits now (1-based), if anywhere. It never changes the objective: among plans
   * that score the same, the one that moves the fewest players is returned, and moves are explained
   * against it.
   */
  readonly currentSubgroup?: number | null;
}

/**
 * Who can fill the squad: real players (each placed at most once) or a meta pool whose options
 * may be used any number of times (the plan then names numbered slots instead of players).
 */
export type CandidatePool =
  | { readonly kind: 'ROSTER'; readonly players: readonly RosterPlayer[] }
  | { readonly kind: 'META'; readonly options: readonly CandidateOption[] };

/**
 * A member the plan must contain exactly as given. Subgroups are numbered from 1.
 * ROSTER: `playerId` plus `optionBuildId` and/or `roleKey` when the player has several options.
 * META: no `playerId`; `optionBuildId` and/or `roleKey` pick the option.
 */
export interface LockedMember {
  readonly playerId?: string;
  readonly optionBuildId?: string;
  readonly roleKey?: string;
  readonly subgroup: number;
}

export interface OptimizerPreferences {
  /** Replaces the weight of every requirement on that capability (priorities between them). */
  readonly weights?: Partial<Record<Capability, number>>;
  /** At most this many members of the specialization in the squad. */
  readonly maxPerSpecialization?: Readonly<Record<string, number>>;
  /**
   * 0..1, default 1: how much balance counts against option priorities. 1 puts balance (even
   * subgroup sizes, then coverage spread evenly over the subgroups) strictly before every
   * priority; 0 ignores balance; in between a strong priority may outweigh a small imbalance.
   * Coverage and fill always come first.
   */
  readonly balanceWeight?: number;
  /** Use only subgroups 1..N (the others stay empty). Default: every subgroup the size needs. */
  readonly maxSubgroups?: number;
  /** Groups of roster player ids that share a subgroup whenever they are placed. */
  readonly keepTogether?: readonly (readonly string[])[];
}

export interface SquadOptimizationInput {
  readonly gameMode: GameMode;
  readonly size: number;
  readonly requirements: readonly OptimizerRequirement[];
  readonly pool: CandidatePool;
  readonly locked?: readonly LockedMember[];
  readonly preferences?: OptimizerPreferences;
  /**
   * Roles to suggest for requirements the plan cannot cover (e.g. the mode's meta pool); they only
   * shape the explanation. Default: none (the bench players are still suggested).
   */
  readonly suggestions?: readonly CandidateOption[];
}

export type OptimizerPhase = 'MODEL_BUILT' | 'INCUMBENT_FOUND' | 'PROVEN_OPTIMAL' | 'TIME_LIMIT';

export interface OptimizerProgressEvent {
  readonly phase: OptimizerPhase;
  /** Milliseconds since `optimizeSquad` was called. */
  readonly elapsedMs: number;
  readonly objective?: number;
  /** Relative MIP gap (0 = proven optimal); absent when no bound is known yet. */
  readonly gap?: number;
  /** Which search produced an incumbent: the greedy warm start or the MIP solver. */
  readonly source?: 'GREEDY' | 'MIP';
}

export interface OptimizerOptions {
  /** Wall-clock budget for the whole call; the best plan found so far is returned. Default 2000. */
  readonly timeLimitMs?: number;
  /** Called synchronously; HiGHS blocks the thread while solving, so events arrive in bursts. */
  readonly onProgress?: (event: OptimizerProgressEvent) => void;
}

export interface PlanAssignment {
  /** ROSTER plans: the player; META plans: null. */
  readonly playerId: string | null;
  readonly playerName: string | null;
  /** 1-based slot number across the squad, in subgroup order. */
  readonly slot: number;
  readonly subgroup: number;
  readonly buildId: string;
  readonly label: string;
  readonly specialization: string;
  readonly roleKey: string;
  readonly provides: readonly Capability[];
  readonly locked: boolean;
}

export interface PlanSubgroup {
  readonly subgroup: number;
  readonly members: readonly PlanAssignment[];
  /** Union of what the members provide, in vocabulary order. */
  readonly provides: readonly Capability[];
}

/** An unmet requirement in plain words. */
export interface PlanGap {
  readonly capability: Capability;
  readonly scope: 'SUBGROUP' | 'SQUAD';
  /** The subgroup concerned, or null for SQUAD scope. */
  readonly subgroup: number | null;
  readonly required: number;
  readonly present: number;
  /** The requirement's own label. */
  readonly label: string;
  /** Same wording as coverage gaps: "Subgroup 3 has no stability source", "The squad has 1 of 2 healers". */
  readonly message: string;
}

/**
 * The objective is lexicographic (docs/OPTIMIZER.md): first `objective` (required coverage, then
 * fill), then `balanceObjective` (balance, then option priorities).
 */
export interface PlanScore {
  /** First tier: weighted covered sources, then filled slots, as one integer. */
  readonly objective: number;
  /** Second tier, compared only between plans of equal `objective`: −balance penalty × weight + secondary. */
  readonly balanceObjective: number;
  readonly coveredSources: number;
  readonly requiredSources: number;
  readonly filledSlots: number;
  /** Σ members² + Σ covered sources² over the subgroups in use (lower is more even). */
  readonly balancePenalty: number;
  /** Option priorities and breadth of what members provide. */
  readonly secondary: number;
}

/**
 * OPTIMAL: proven best plan. TIME_LIMIT: best plan found before the budget ran out (see mipGap).
 * HEURISTIC: the solver produced nothing usable, the greedy plan is returned.
 */
export type PlanStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'HEURISTIC';

/** PATTERN: production; BUNDLE: fallback when patterns explode; NAIVE: benchmark baseline. */
export type MipFormulation = 'PATTERN' | 'BUNDLE' | 'NAIVE';

/** Size of the MIP that was solved; formulation null when no solve was needed. */
export interface PlanModelSize {
  readonly formulation: MipFormulation | null;
  readonly rows: number;
  readonly cols: number;
  readonly nonzeros: number;
}

export interface SquadPlan {
  readonly gameMode: GameMode;
  readonly size: number;
  readonly status: PlanStatus;
  readonly assignments: readonly PlanAssignment[];
  readonly subgroups: readonly PlanSubgroup[];
  readonly gaps: readonly PlanGap[];
  readonly score: PlanScore;
  readonly objectiveValue: number;
  /** Relative gap between the plan and the best proven bound; 0 when optimal, null when unknown. */
  readonly mipGap: number | null;
  readonly solveTimeMs: number;
  readonly model: PlanModelSize;
  /** Why the plan is what it is, as data (see explain.ts). */
  readonly explanation: PlanExplanation;
}
