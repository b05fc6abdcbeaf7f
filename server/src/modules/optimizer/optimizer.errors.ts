import { BuildCodeError, GameInputError } from '@gw2/game';
import { OptimizerInputError, type OptimizerInputErrorCode } from '@gw2/game/optimizer';
import { BadUserInputError } from '../../platform/graphql/errors.js';

/** The `optimizeSquad` input field each optimizer refusal blames. */
const OPTIMIZER_FIELDS: Readonly<Record<OptimizerInputErrorCode, string>> = {
  SIZE_OUT_OF_RANGE: 'input.size',
  TOO_MANY_PLAYERS: 'input.roster',
  TOO_MANY_OPTIONS: 'input.roster',
  PLAYER_WITHOUT_OPTIONS: 'input.roster',
  DUPLICATE_PLAYER: 'input.roster',
  DUPLICATE_OPTION: 'input.roster',
  INVALID_OPTION: 'input.roster',
  INVALID_REQUIREMENT: 'input.preferences.weights',
  INVALID_PREFERENCE: 'input.preferences',
  LOCK_UNKNOWN_PLAYER: 'input.locked',
  LOCK_UNKNOWN_OPTION: 'input.locked',
  LOCK_AMBIGUOUS_OPTION: 'input.locked',
  LOCK_DUPLICATE_PLAYER: 'input.locked',
  LOCK_SUBGROUP_OUT_OF_RANGE: 'input.locked',
  LOCK_SUBGROUP_FULL: 'input.locked',
  LOCKS_EXCEED_SIZE: 'input.locked',
  LOCKS_EXCEED_SPECIALIZATION_LIMIT: 'input.locked',
  INVALID_TOGETHER: 'input.preferences.keepTogether',
  LOCKS_SPLIT_TOGETHER: 'input.locked',
  INVALID_CURRENT_SUBGROUP: 'input.roster',
};

/**
 * The one mapping from the game cores' input errors to BAD_USER_INPUT: `reason` is the core's
 * stable code and `field` the API input path (`field` when given, else the best the error
 * says). Anything else is returned unchanged, for the caller to rethrow.
 */
export function toUserInputError(error: unknown, field?: string): unknown {
  if (error instanceof OptimizerInputError) {
    return new BadUserInputError(error.message, {
      reason: error.code,
      field: field ?? OPTIMIZER_FIELDS[error.code],
    });
  }
  if (error instanceof GameInputError) {
    return new BadUserInputError(error.message, {
      reason: error.reason,
      field: field ?? `input.${error.field}`,
    });
  }
  if (error instanceof BuildCodeError) {
    return new BadUserInputError(error.message, {
      reason: error.reason,
      field: field ?? 'input.chatCode',
    });
  }
  return error;
}

/** Runs `work`, turning game input errors into BAD_USER_INPUT blaming `field`. */
export function blaming<T>(field: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toUserInputError(error, field);
  }
}
