import type { Capability } from '../model.js';

/** How a provider of each capability is called in gap messages: one, several. */
const PROVIDER_NOUNS: Readonly<Record<Capability, readonly [string, string]>> = {
  AEGIS: ['aegis source', 'aegis sources'],
  ALACRITY: ['alacrity source', 'alacrity sources'],
  FURY: ['fury source', 'fury sources'],
  MIGHT: ['might source', 'might sources'],
  PROTECTION: ['protection source', 'protection sources'],
  QUICKNESS: ['quickness source', 'quickness sources'],
  REGENERATION: ['regeneration source', 'regeneration sources'],
  RESISTANCE: ['resistance source', 'resistance sources'],
  RESOLUTION: ['resolution source', 'resolution sources'],
  STABILITY: ['stability source', 'stability sources'],
  SWIFTNESS: ['swiftness source', 'swiftness sources'],
  VIGOR: ['vigor source', 'vigor sources'],
  HEALING: ['healer', 'healers'],
  CONDITION_CLEANSE: ['condition cleanse source', 'condition cleanse sources'],
  BOON_STRIP: ['boon strip source', 'boon strip sources'],
  DAMAGE: ['damage dealer', 'damage dealers'],
};

export function providerNoun(capability: Capability, count = 1): string {
  const [one, many] = PROVIDER_NOUNS[capability];
  return count === 1 ? one : many;
}

/** The capability in running text, e.g. "condition cleanse". */
export function capabilityWords(capability: Capability): string {
  return capability.toLowerCase().replace(/_/g, ' ');
}

/**
 * One sentence per unmet requirement, always in the same shape:
 * "Subgroup 3 has no stability source", "The squad has 1 of 2 healers".
 */
export function gapMessage(
  subgroup: number | null,
  capability: Capability,
  have: number,
  need: number,
): string {
  const who = subgroup === null ? 'The squad' : `Subgroup ${subgroup}`;
  return have === 0
    ? `${who} has no ${providerNoun(capability)}`
    : `${who} has ${have} of ${need} ${providerNoun(capability, need)}`;
}
