import { isBoon } from '@gw2/game';
import { enumLabel } from './labels';

/** What a squad member card says the member brings, split so nothing is said twice. */
export interface MemberContribution {
  /** Boon labels, e.g. ["Quickness", "Might"]. */
  readonly boons: string[];
  /** Support functions the role's name does not already say, e.g. ["Healing"]. */
  readonly support: string[];
}

/** Words that, in a role's name, already say the member deals damage ("DPS", "Damage"). */
const DAMAGE_WORDS = /\b(dps|damage)\b/i;

/**
 * Splits a member's capabilities into boons and other support, leaving out what the role's
 * label already says: a WvW Berserker plays "Damage" and provides DAMAGE, which the card
 * must not print twice.
 */
export function memberContribution(
  roleLabel: string | null,
  provides: readonly string[],
): MemberContribution {
  const role = roleLabel?.toLowerCase() ?? '';
  const saidByRole = (capability: string) =>
    (capability === 'DAMAGE' && DAMAGE_WORDS.test(role)) ||
    role === enumLabel(capability).toLowerCase();
  return {
    boons: provides.filter((capability) => isBoon(capability)).map(enumLabel),
    support: provides
      .filter((capability) => !isBoon(capability) && !saidByRole(capability))
      .map(enumLabel),
  };
}
