/**
 * The shared vocabulary of the domain: boons, support functions, game modes.
 * Every other module (catalog, roles, coverage, optimizer) speaks in these terms.
 */

/** The 12 boons of Guild Wars 2 (Resolution replaced Retaliation in 2021). */
export const BOONS = [
  'AEGIS',
  'ALACRITY',
  'FURY',
  'MIGHT',
  'PROTECTION',
  'QUICKNESS',
  'REGENERATION',
  'RESISTANCE',
  'RESOLUTION',
  'STABILITY',
  'SWIFTNESS',
  'VIGOR',
] as const;
export type Boon = (typeof BOONS)[number];

/** What a group member does for the group besides boons. */
export const SUPPORT_FUNCTIONS = ['HEALING', 'CONDITION_CLEANSE', 'BOON_STRIP', 'DAMAGE'] as const;
export type SupportFunction = (typeof SUPPORT_FUNCTIONS)[number];

/** Anything a member can bring to a subgroup: a boon or a support function. */
export type Capability = Boon | SupportFunction;
export const CAPABILITIES: readonly Capability[] = [...BOONS, ...SUPPORT_FUNCTIONS];

export function isBoon(value: string): value is Boon {
  return (BOONS as readonly string[]).includes(value);
}
export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

/** Boon skills hit 5 targets preferring the caster's subgroup: squads are planned per 5. */
export const SUBGROUP_SIZE = 5;

export const GAME_MODES = ['FRACTALS', 'RAID', 'STRIKES', 'HAVOC', 'ROAMING', 'ZERG'] as const;
export type GameMode = (typeof GAME_MODES)[number];

/** Maximum squad size per mode. */
export const GAME_MODE_MAX_SIZE: Readonly<Record<GameMode, number>> = Object.freeze({
  FRACTALS: 5,
  RAID: 10,
  STRIKES: 10,
  HAVOC: 15,
  ROAMING: 5,
  ZERG: 50,
});

/** Which role table (PvE presets or WvW guides) applies to a mode. */
export const GAME_MODE_CONTEXT: Readonly<Record<GameMode, 'PVE' | 'WVW'>> = Object.freeze({
  FRACTALS: 'PVE',
  RAID: 'PVE',
  STRIKES: 'PVE',
  HAVOC: 'WVW',
  ROAMING: 'WVW',
  ZERG: 'WVW',
});

export function subgroupCount(size: number): number {
  return Math.max(1, Math.ceil(size / SUBGROUP_SIZE));
}
