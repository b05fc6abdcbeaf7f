import type {
  ComposeSquadInput,
  ExplainSynergyInput,
  GameMode,
  ReviewBuildInput,
} from '../../gql/graphql';

/** What the request form asks the assistant for: one of the three kinds of job. */
export type AssistantRequest =
  | { kind: 'COMPOSE_SQUAD'; input: ComposeSquadInput }
  | { kind: 'REVIEW_BUILD'; input: ReviewBuildInput }
  | { kind: 'EXPLAIN_SYNERGY'; input: ExplainSynergyInput };

/** The team a request can come from (its members are the roster). */
export interface AssistantTeam {
  id: string;
  gameMode: GameMode;
  size: number;
  /** Subgroups in use, for "explain subgroup N". */
  subgroups: number;
}

/** A finished roster plan, as applySquadPlan takes it. */
export interface PlanToApply {
  /** The recorded plan, so applying it counts as accepted (null when not recorded). */
  planId?: string;
  gameMode: GameMode;
  size: number;
  assignments: { buildId: string; playerName: string | null; roleKey: string; subgroup: number }[];
}
