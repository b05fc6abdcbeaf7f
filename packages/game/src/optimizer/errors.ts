/** Why an optimisation request was refused; stable strings the API layer can map to BAD_USER_INPUT. */
export type OptimizerInputErrorCode =
  | 'SIZE_OUT_OF_RANGE'
  | 'TOO_MANY_PLAYERS'
  | 'TOO_MANY_OPTIONS'
  | 'PLAYER_WITHOUT_OPTIONS'
  | 'DUPLICATE_PLAYER'
  | 'DUPLICATE_OPTION'
  | 'INVALID_OPTION'
  | 'INVALID_REQUIREMENT'
  | 'INVALID_PREFERENCE'
  | 'LOCK_UNKNOWN_PLAYER'
  | 'LOCK_UNKNOWN_OPTION'
  | 'LOCK_AMBIGUOUS_OPTION'
  | 'LOCK_DUPLICATE_PLAYER'
  | 'LOCK_SUBGROUP_OUT_OF_RANGE'
  | 'LOCK_SUBGROUP_FULL'
  | 'LOCKS_EXCEED_SIZE'
  | 'LOCKS_EXCEED_SPECIALIZATION_LIMIT'
  | 'INVALID_TOGETHER'
  | 'LOCKS_SPLIT_TOGETHER'
  | 'INVALID_CURRENT_SUBGROUP';

/** The input cannot be optimised as given. Messages are safe to show to the user. */
export class OptimizerInputError extends Error {
  override readonly name = 'OptimizerInputError';

  constructor(
    readonly code: OptimizerInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Refuses the request: throws the OptimizerInputError for `code`. */
export function refuseInput(code: OptimizerInputErrorCode, message: string): never {
  throw new OptimizerInputError(code, message);
}
