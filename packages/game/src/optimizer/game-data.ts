/**
 * Thin adapter from the game data to the optimizer: the mode's role options as a meta pool,
 * the mode's requirements, and the coverage report of a finished plan.
 */
import { computeCoverage, modeRequirementsFor, requirementsFor } from '../coverage/index.js';
import type { SquadCoverage } from '../coverage/index.js';
import { GAME_MODE_CONTEXT } from '../model.js';
import type { GameMode } from '../model.js';
import { listRoleOptions } from '../roles/index.js';
import { optimizeSquad } from './optimizer.js';
import type {
  CandidateOption,
  CandidatePool,
  LockedMember,
  OptimizerOptions,
  OptimizerPreferences,
  OptimizerRequirement,
  SquadPlan,
} from './types.js';

/** Every role option of the mode's context (PvE or WvW), one meta option per elite and role. */
export function metaPoolFor(gameMode: GameMode): CandidateOption[] {
  const context = GAME_MODE_CONTEXT[gameMode];
  return listRoleOptions()
    .filter((listed) => listed.context === context)
    .map(({ elite, option }) => ({
      buildId: `${elite}/${option.key}`,
      label: `${elite}: ${option.label}`,
      specialization: elite,
      roleKey: option.key,
      provides: option.provides,
    }));
}

/**
 * The roles a plan's explanation suggests for a gap: the meta pool with the roles of the mode's
 * party template (a sourced guide's party, WvW zerg) first, so among roles that would cover as
 * much the guide's choice is named first.
 */
export function suggestionPoolFor(gameMode: GameMode): CandidateOption[] {
  const template = modeRequirementsFor(gameMode).partyTemplate;
  if (!template) return metaPoolFor(gameMode);
  const rank = new Map(
    template.slots
      .filter((slot) => slot.elite !== null)
      .map((slot, index) => [`${slot.elite}/${slot.roleKey}`, index]),
  );
  const last = rank.size;
  return metaPoolFor(gameMode)
    .map((option, order) => ({ option, order, rank: rank.get(option.buildId) ?? last }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ option }) => option);
}

/** The mode's requirements from mode-requirements.json, in optimizer terms. */
export function modeRequirements(gameMode: GameMode): OptimizerRequirement[] {
  return requirementsFor(gameMode).map(({ capability, scope, minSources, weight, label }) => ({
    capability,
    scope,
    minSources,
    weight,
    label,
  }));
}

/** The coverage report of a plan, exactly as the coverage module computes it for any squad. */
export function planCoverage(plan: SquadPlan): SquadCoverage {
  return computeCoverage({
    gameMode: plan.gameMode,
    size: plan.size,
    members: plan.assignments.map((assignment) => ({
      id: assignment.playerId ?? `slot-${assignment.slot}`,
      subgroup: assignment.subgroup,
      label: assignment.playerName ?? assignment.label,
      provides: assignment.provides,
    })),
  });
}

export interface ModePlanRequest {
  readonly gameMode: GameMode;
  readonly size: number;
  /** Defaults to the mode's meta pool. */
  readonly pool?: CandidatePool;
  /** Defaults to the mode's requirements from the data file. */
  readonly requirements?: readonly OptimizerRequirement[];
  readonly locked?: readonly LockedMember[];
  readonly preferences?: OptimizerPreferences;
}

/** Optimises a squad for a mode with the data-file defaults and reports its coverage. */
export async function planForMode(
  request: ModePlanRequest,
  options: OptimizerOptions = {},
): Promise<{ plan: SquadPlan; coverage: SquadCoverage }> {
  const plan = await optimizeSquad(
    {
      gameMode: request.gameMode,
      size: request.size,
      requirements: request.requirements ?? modeRequirements(request.gameMode),
      pool: request.pool ?? { kind: 'META', options: metaPoolFor(request.gameMode) },
      ...(request.locked ? { locked: request.locked } : {}),
      ...(request.preferences ? { preferences: request.preferences } : {}),
      suggestions: suggestionPoolFor(request.gameMode),
    },
    options,
  );
  return { plan, coverage: planCoverage(plan) };
}
