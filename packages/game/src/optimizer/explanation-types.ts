/**
 * A plan's explanation: plain serialisable data (no classes, no functions) with a stable shape,
 * shown beside the plan in the app and narrated by the AI assistant. Every `text` field is a
 * complete English sentence built from the same data.
 */
import type { Capability } from '../model.js';

/** The objective's tiers, most important first (docs/OPTIMIZER.md). */
export const OBJECTIVE_ORDER = ['COVERAGE', 'FILL', 'BALANCE', 'PREFERENCES'] as const;
export type ObjectiveTier = (typeof OBJECTIVE_ORDER)[number];

/** How a member's capability counts for a requirement of its subgroup (or the squad). */
export type ContributionStatus =
  /** The only provider of a requirement that needs it. */
  | 'SOLE'
  /** One of the providers the requirement counts (up to its minimum). */
  | 'COUNTED'
  /** Beyond what the requirement counts. */
  | 'EXTRA';

export interface Contribution {
  readonly capability: Capability;
  readonly scope: 'SUBGROUP' | 'SQUAD';
  /** The requirement's label, e.g. "a stability source". */
  readonly requirement: string;
  readonly status: ContributionStatus;
}

export interface MemberExplanation {
  readonly playerId: string | null;
  readonly playerName: string | null;
  readonly slot: number;
  readonly label: string;
  readonly specialization: string;
  readonly roleKey: string;
  readonly locked: boolean;
  /** What the member brings that the mode requires; empty for pure filler. */
  readonly brings: readonly Contribution[];
}

export interface SubgroupExplanation {
  readonly subgroup: number;
  /** false for subgroups beyond "fill only N subgroups". */
  readonly inUse: boolean;
  readonly size: number;
  readonly members: readonly MemberExplanation[];
  /** Labels of the subgroup requirements met. */
  readonly covered: readonly string[];
  /** Gap messages of the subgroup requirements not met. */
  readonly missing: readonly string[];
}

export type MoveReason =
  /** Brings a requirement its new subgroup lacked. */
  | 'COVERS'
  /** Evens subgroup sizes or coverage. */
  | 'BALANCE'
  /** A lock put the player there. */
  | 'LOCKED'
  /** Follows players it is kept with. */
  | 'TOGETHER'
  /** Joins the squad. */
  | 'ADDED'
  /** Left out. */
  | 'BENCHED';

export interface MoveExplanation {
  readonly playerId: string;
  readonly playerName: string;
  /** 1-based; null when the player was not in the squad. */
  readonly from: number | null;
  /** 1-based; null when the plan leaves the player out. */
  readonly to: number | null;
  readonly reason: MoveReason;
  /** Requirement labels the player covers in its new subgroup (COVERS, ADDED). */
  readonly requirements: readonly string[];
  readonly text: string;
}

export interface GapSuggestion {
  /** BENCH: a roster player the plan left out; ROLE: a role of the mode's role table. */
  readonly kind: 'BENCH' | 'ROLE';
  readonly playerName: string | null;
  readonly specialization: string;
  readonly roleKey: string;
  readonly roleLabel: string;
  readonly text: string;
}

export interface UncoveredRequirement {
  readonly capability: Capability;
  readonly scope: 'SUBGROUP' | 'SQUAD';
  readonly subgroup: number | null;
  readonly label: string;
  /** "Subgroup 3 has no healer". */
  readonly message: string;
  readonly suggestions: readonly GapSuggestion[];
  /** "Subgroup 3 has no healer: a Scrapper (Party healer) or a Tempest (Party healer) would cover it." */
  readonly text: string;
}

export interface PlanExplanation {
  readonly objectiveOrder: readonly ObjectiveTier[];
  readonly coveredSources: number;
  readonly requiredSources: number;
  /** Members per subgroup in use, after the plan. */
  readonly sizes: readonly number[];
  /** Members per subgroup in use before the plan; null when the input gave no positions. */
  readonly sizesBefore: readonly number[] | null;
  readonly subgroups: readonly SubgroupExplanation[];
  readonly moves: readonly MoveExplanation[];
  readonly uncovered: readonly UncoveredRequirement[];
  /** A few sentences: coverage, balance, moves, gaps. */
  readonly summary: readonly string[];
}
