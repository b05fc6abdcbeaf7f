/** Byte layout of build template chat links (see /work/shared/gamedata/CHATCODE.md). */
export const BUILD_LINK_TYPE = 0x0d;
export const LEGACY_LENGTH = 44;
/** Bytes 28-43: pets or legends, zero-filled for the other professions. */
export const PROFESSION_BLOCK_LENGTH = 16;
export const RANGER_PET_BYTES = 4;
export const REVENANT_LEGEND_BYTES = 4 + 6 * 2;
export const TRAIT_CHOICE_BITS = 2;
export const TIER_NAMES = ['adept', 'master', 'grandmaster'] as const;
export const SLOT_NAMES = ['first', 'second', 'third'] as const;
