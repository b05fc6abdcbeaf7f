import { GameInputError } from '../roles/errors.js';

export type CoverageInputErrorReason =
  | 'UNKNOWN_GAME_MODE'
  | 'SIZE_OUT_OF_RANGE'
  | 'TOO_MANY_MEMBERS'
  | 'INVALID_MEMBER_ID'
  | 'DUPLICATE_MEMBER_ID'
  | 'SUBGROUP_OUT_OF_RANGE'
  | 'SUBGROUP_FULL'
  | 'UNKNOWN_CAPABILITY'
  | 'UNKNOWN_TRAIT';

/** Input that cannot describe a squad: the caller sent it, so it maps to BAD_USER_INPUT. */
export class CoverageInputError extends GameInputError<CoverageInputErrorReason> {
  override readonly name = 'CoverageInputError';
  readonly code = 'INVALID_COVERAGE_INPUT' as const;
}
