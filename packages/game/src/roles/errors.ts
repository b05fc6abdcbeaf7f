/**
 * One error model for bad input to the pure game cores: every error names the input
 * field it blames (a path such as `members[3].subgroup`) and carries a stable `code`
 * and `reason`, so the GraphQL layer can map any of them to BAD_USER_INPUT.
 */
export abstract class GameInputError<Reason extends string = string> extends Error {
  abstract readonly code: string;

  constructor(
    /** Machine-readable cause, stable across releases. */
    readonly reason: Reason,
    /** Path of the offending input field, e.g. `entries[1].specialization`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type UnknownSpecializationReason = 'UNKNOWN_SPECIALIZATION' | 'NOT_ELITE' | 'UNKNOWN_ROLE';

/** A specialization or role key that the roles data does not know. */
export class RoleLookupError extends GameInputError<UnknownSpecializationReason> {
  override readonly name = 'RoleLookupError';
  readonly code = 'ROLE_LOOKUP' as const;
}
