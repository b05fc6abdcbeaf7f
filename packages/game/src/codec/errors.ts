/** Why a build chat code (or a template to encode) was rejected. */
export const BuildCodeErrorReason = {
  MISSING_BRACKETS: 'MISSING_BRACKETS',
  NOT_BASE64: 'NOT_BASE64',
  WRONG_LINK_TYPE: 'WRONG_LINK_TYPE',
  TRUNCATED: 'TRUNCATED',
  TRAILING_BYTES: 'TRAILING_BYTES',
  UNKNOWN_PROFESSION: 'UNKNOWN_PROFESSION',
  UNKNOWN_SPECIALIZATION: 'UNKNOWN_SPECIALIZATION',
  SPECIALIZATION_OF_OTHER_PROFESSION: 'SPECIALIZATION_OF_OTHER_PROFESSION',
  DUPLICATE_SPECIALIZATION: 'DUPLICATE_SPECIALIZATION',
  ELITE_NOT_IN_THIRD_SLOT: 'ELITE_NOT_IN_THIRD_SLOT',
  TRAIT_CHOICE_OUT_OF_RANGE: 'TRAIT_CHOICE_OUT_OF_RANGE',
  UNKNOWN_PET: 'UNKNOWN_PET',
  UNKNOWN_LEGEND: 'UNKNOWN_LEGEND',
  UNEXPECTED_PROFESSION_DATA: 'UNEXPECTED_PROFESSION_DATA',
  INVALID_TEMPLATE: 'INVALID_TEMPLATE',
} as const;
export type BuildCodeErrorReason = (typeof BuildCodeErrorReason)[keyof typeof BuildCodeErrorReason];

/** A build chat code that cannot be decoded, or a template that cannot be encoded. */
export class BuildCodeError extends Error {
  override readonly name = 'BuildCodeError';

  constructor(
    readonly reason: BuildCodeErrorReason,
    message: string,
  ) {
    super(message);
  }
}
