import { GAME_MODE_CONTEXT, SynergyInputError, analyzeSynergy, type SynergyEntry } from '@gw2/game';
import { Arg, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import { toRoleOption } from '../catalog/catalog.mappers.js';
import { AnalyzeSynergyInput } from './team.inputs.js';
import { SynergyResult } from './team.types.js';

/** A name, or an API id written as digits (the core takes either). */
function specializationRef(value: string): string | number {
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/**
 * The synergy of 2-5 entries as the API returns it; the core's refusals become BAD_USER_INPUT
 * blaming `input.<field>`. Shared by `analyzeSynergy` and the AI assistant's EXPLAIN_SYNERGY.
 */
export function synergyFor(input: AnalyzeSynergyInput): SynergyResult {
  const entries: SynergyEntry[] = input.entries.map((entry) => ({
    ...(entry.specialization ? { specialization: specializationRef(entry.specialization) } : {}),
    ...(entry.profession ? { profession: entry.profession } : {}),
  }));
  let result;
  try {
    result = analyzeSynergy({ entries, gameMode: input.gameMode });
  } catch (error) {
    if (error instanceof SynergyInputError) {
      throw new BadUserInputError(error.message, {
        field: `input.${error.field}`,
        reason: error.reason,
      });
    }
    throw error;
  }
  const context = GAME_MODE_CONTEXT[result.gameMode];
  return {
    gameMode: result.gameMode,
    score: result.score,
    entries: result.entries.map((entry) => ({
      name: entry.name,
      profession: entry.profession,
      specializationId: entry.specializationId,
      basis: entry.basis,
      role:
        entry.role && entry.specializationId !== null
          ? toRoleOption({
              elite: entry.name,
              specializationId: entry.specializationId,
              profession: entry.profession,
              context,
              option: entry.role,
            })
          : null,
      provides: [...entry.provides],
      note: entry.note,
    })),
    sharedCapabilities: [...result.sharedCapabilities],
    sharedBoons: [...result.sharedBoons],
    coveredRequirements: result.coveredRequirements.map((r) => ({ ...r })),
    missingRequirements: result.missingRequirements.map((r) => ({ ...r })),
    summary: result.summary,
  };
}

@Resolver()
export class SynergyResolver {
  @Query(() => SynergyResult, {
    description:
      'Scores 2-5 elite specializations or professions as one subgroup of the game mode, from the coverage data (no AI)',
  })
  analyzeSynergy(
    @Arg('input', () => AnalyzeSynergyInput) input: AnalyzeSynergyInput,
  ): SynergyResult {
    return synergyFor(input);
  }
}
