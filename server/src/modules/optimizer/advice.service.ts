import {
  GameInputError,
  adviseBuild,
  eliteRolesFor,
  getSpecialization,
  type BuildAdvice as GameBuildAdvice,
  type GameMode,
} from '@gw2/game';
import { toRoleOption, toSpecialization } from '../catalog/catalog.mappers.js';
import type { StoredTraitLine } from '../builds/build.entity.js';
import type { BuildAdvice } from './advice.types.js';
import { toUserInputError } from './optimizer.errors.js';

/** The parts of a saved build the advice reads. */
export interface AdvisedBuild {
  readonly id: string;
  readonly profession: string;
  readonly specializations: readonly StoredTraitLine[];
}

function toAdvice(buildId: string, advice: GameBuildAdvice): BuildAdvice {
  const elite = advice.eliteSpecialization;
  const eliteRoles = elite ? eliteRolesFor(elite.id) : null;
  const specialization = elite ? getSpecialization(elite.id) : undefined;
  return {
    buildId,
    gameMode: advice.gameMode,
    context: advice.context,
    eliteSpecialization: specialization ? toSpecialization(specialization) : null,
    roles:
      advice.roles && eliteRoles
        ? advice.roles.map((option) =>
            toRoleOption({
              elite: eliteRoles.name,
              specializationId: eliteRoles.specializationId,
              profession: eliteRoles.profession,
              context: advice.context,
              option,
            }),
          )
        : null,
    traitBoons: [...advice.traitBoons],
    servedRequirements: advice.servedRequirements.map(({ requirement, roleKeys, byTraits }) => ({
      capability: requirement.capability,
      scope: requirement.scope,
      minSources: requirement.minSources,
      weight: requirement.weight,
      label: requirement.label,
      roleKeys: [...roleKeys],
      byTraits,
    })),
    traitSuggestions: advice.traitSuggestions.map((suggestion) => ({
      specializationId: suggestion.specializationId,
      specialization: suggestion.specializationName,
      tier: suggestion.tier,
      tierName: suggestion.tierName,
      choice: suggestion.choice,
      currentChoice: suggestion.currentChoice,
      traitId: suggestion.traitId,
      traitName: suggestion.traitName,
      boons: [...suggestion.boons],
    })),
    statPrefixes: advice.statPrefixes.map((role) => ({
      roleKey: role.roleKey,
      roleLabel: role.roleLabel,
      recommendations: role.recommendations.map(({ key, prefixes }) => ({
        key,
        prefixes: [...prefixes],
      })),
      prefixes: [...new Set(role.recommendations.flatMap((r) => r.prefixes))],
    })),
    notes: [...advice.notes],
  };
}

/**
 * Advice for a saved build in a game mode. An unknown `roleKey` is BAD_USER_INPUT on `roleKey`;
 * anything else the core refuses comes from stored data and is blamed on `buildId`.
 */
export function adviceForBuild(
  build: AdvisedBuild,
  gameMode: GameMode,
  roleKey?: string,
): BuildAdvice {
  let advice: GameBuildAdvice;
  try {
    advice = adviseBuild({
      professionId: build.profession,
      specializations: build.specializations
        .filter((line) => line.id !== 0)
        .map((line) => ({ id: line.id, traitChoices: [...line.traitChoices] })),
      gameMode,
      ...(roleKey !== undefined ? { roleKey } : {}),
    });
  } catch (error) {
    const field =
      error instanceof GameInputError && error.field === 'roleKey' ? 'roleKey' : 'buildId';
    throw toUserInputError(error, field);
  }
  return toAdvice(build.id, advice);
}
