/**
 * The learning pipeline's vocabulary: what it reads about one player (facts), and the meta
 * snapshot it writes (aggregates per game mode, then the optimizer weights derived from them).
 */
import type { Capability, GameMode } from '../model.js';
import type { RequirementScope } from '../coverage/index.js';

/** An elite specialization (or a core profession) played in a role; roleKey null when unknown. */
export interface EliteRole {
  readonly specialization: string;
  readonly roleKey: string | null;
}

/** A saved build, with the role it plays in each mode it is declared for. */
export interface BuildFact {
  /** One entry per declared game mode; a build with no mode counts in none. */
  readonly modes: readonly (EliteRole & { readonly gameMode: GameMode })[];
}

export interface TeamMemberFact extends EliteRole {
  /** 1-based. */
  readonly subgroup: number;
  /** What the member brings in the team's mode (the teams module's member capabilities). */
  readonly provides: readonly Capability[];
}

export interface TeamFact {
  readonly gameMode: GameMode;
  readonly size: number;
  readonly members: readonly TeamMemberFact[];
}

export const PLAN_SOURCES = ['OPTIMIZER', 'ASSISTANT'] as const;
/** Who proposed a plan: the optimizer called from the team page, or the AI assistant. */
export type PlanSource = (typeof PLAN_SOURCES)[number];

export const PLAN_OUTCOMES = ['APPLIED', 'DISCARDED', 'OPEN'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

/** A proposed plan, what became of it, and the thumbs its proposer gave it (0: none). */
export interface PlanFact {
  readonly gameMode: GameMode;
  readonly source: PlanSource;
  readonly outcome: PlanOutcome;
  readonly rating: -1 | 0 | 1;
  readonly members: readonly EliteRole[];
}

/** An AI job and the thumbs its owner gave its explanation (0: none). */
export interface AiJobFact {
  readonly kind: string;
  /** LLM or OPTIMIZER (templates); null when the job never answered. */
  readonly source: string | null;
  readonly status: string;
  readonly rating: -1 | 0 | 1;
}

/** Everything the pipeline reads about one player: cells count players, so one at a time. */
export interface OwnerFacts {
  readonly builds: readonly BuildFact[];
  readonly teams: readonly TeamFact[];
  readonly plans: readonly PlanFact[];
  readonly aiJobs: readonly AiJobFact[];
}

/** Every aggregate carries `owners`: how many distinct players contributed to it. */
export interface Counted {
  readonly owners: number;
}

export interface EliteRoleShare extends EliteRole, Counted {
  readonly builds: number;
  /** Members of real teams playing it. */
  readonly teamSlots: number;
  /** (builds + teamSlots) / all of the mode's. */
  readonly share: number;
  /** Thumbs up and applied plans containing it, thumbs down and discarded plans. */
  readonly positive: number;
  readonly negative: number;
}

export interface SubgroupRoleShare extends Counted {
  readonly roleKey: string | null;
  readonly members: number;
  /** Of the subgroup's members. */
  readonly share: number;
}

export interface RequirementFill extends Counted {
  readonly capability: Capability;
  /** Teams whose subgroup meets the requirement. */
  readonly covered: number;
  /** covered / teams with this subgroup. */
  readonly rate: number;
}

export interface SubgroupFill extends Counted {
  readonly subgroup: number;
  /** Real teams whose size calls for this subgroup. */
  readonly teams: number;
  readonly members: number;
  /** members / (teams × 5). */
  readonly fillRate: number;
  readonly roles: readonly SubgroupRoleShare[];
  readonly requirements: readonly RequirementFill[];
}

export interface MissingRequirement extends Counted {
  readonly capability: Capability;
  readonly scope: RequirementScope;
  /** Real teams with at least one gap on it. */
  readonly teams: number;
  /** Gaps counted per subgroup (SUBGROUP scope) or per squad. */
  readonly gaps: number;
  /** teams / real teams of the mode. */
  readonly rate: number;
}

export interface PlanAcceptance extends Counted {
  readonly source: PlanSource;
  readonly proposed: number;
  readonly applied: number;
  readonly discarded: number;
  /** applied / proposed. */
  readonly rate: number;
  readonly thumbsUp: number;
  readonly thumbsDown: number;
}

/** An optimizer preference weight (see weights.ts for the formula). */
export interface PreferenceWeight extends EliteRole {
  readonly roleKey: string;
  /** Integer 0..MAX_PREFERENCE_WEIGHT, used as the option's priority. */
  readonly weight: number;
  /** uses / the most used pair's uses, 0..1. */
  readonly popularity: number;
  /** (positive + 1) / (positive + negative + 2): 0.5 without any signal. */
  readonly approval: number;
}

export interface ModeMeta {
  readonly gameMode: GameMode;
  readonly builds: number;
  /** Teams with at least one member ("real" teams); empty ones say nothing of what is played. */
  readonly teams: number;
  readonly members: number;
  /** Players with a build or a real team in the mode. */
  readonly owners: number;
  readonly eliteRoles: readonly EliteRoleShare[];
  readonly subgroups: readonly SubgroupFill[];
  readonly missing: readonly MissingRequirement[];
  readonly acceptance: readonly PlanAcceptance[];
  readonly weights: readonly PreferenceWeight[];
}

export interface AssistantUsage extends Counted {
  readonly kind: string;
  readonly source: string | null;
  readonly jobs: number;
  readonly succeeded: number;
  readonly thumbsUp: number;
  readonly thumbsDown: number;
}

/** Bumped when the shape or the meaning of the numbers changes (readers check it). */
export const META_FORMAT_VERSION = 1;

export interface MetaAggregates {
  readonly formatVersion: number;
  /** Players read, and builds without a declared mode (counted in no mode). */
  readonly owners: number;
  readonly buildsWithoutMode: number;
  /** Teams the coverage core refused (stored before a rule existed): left out. */
  readonly skippedTeams: number;
  readonly modes: readonly ModeMeta[];
  readonly assistant: readonly AssistantUsage[];
}
