import type { Boon } from '../model.js';

/** The nine professions, spelled as the official API spells their ids. */
export const PROFESSION_IDS = [
  'Guardian',
  'Warrior',
  'Engineer',
  'Ranger',
  'Thief',
  'Elementalist',
  'Mesmer',
  'Necromancer',
  'Revenant',
] as const;
export type ProfessionId = (typeof PROFESSION_IDS)[number];

export type WeaponFlag = 'Mainhand' | 'Offhand' | 'TwoHand' | 'Aquatic';

export interface ProfessionWeapon {
  readonly flags: readonly WeaponFlag[];
  /** The elite specialization that unlocks the weapon; null when every build can wield it. */
  readonly specializationId: number | null;
}

export interface Profession {
  readonly id: ProfessionId;
  readonly name: string;
  /** The profession byte of build template chat links (1-9). */
  readonly code: number;
  readonly icon: string;
  readonly specializationIds: readonly number[];
  readonly weapons: Readonly<Record<string, ProfessionWeapon>>;
}

export interface Specialization {
  readonly id: number;
  readonly name: string;
  readonly profession: ProfessionId;
  readonly elite: boolean;
  readonly icon: string | null;
  readonly minorTraitIds: readonly number[];
  /** Nine ids, three per tier (adept, master, grandmaster), each tier in in-game order. */
  readonly majorTraitIds: readonly number[];
}

/** 0 for the specialization's base trait, then 1 adept, 2 master, 3 grandmaster. */
export type TraitTier = 0 | 1 | 2 | 3;
export type TraitSlot = 'Major' | 'Minor';

export interface BoonGrant {
  readonly boon: Boon;
  /** Seconds. */
  readonly duration: number;
  readonly stacks: number;
}

export interface Trait {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly tier: TraitTier;
  readonly order: number;
  readonly slot: TraitSlot;
  readonly specializationId: number;
  readonly icon: string | null;
  /** Boons the trait's facts apply; empty when it applies none. */
  readonly grants: readonly BoonGrant[];
  /** Number of targets where the API states it; null when unknown. */
  readonly targets: number | null;
}

export interface MajorTraitsByTier {
  readonly adept: readonly Trait[];
  readonly master: readonly Trait[];
  readonly grandmaster: readonly Trait[];
}

export interface Legend {
  readonly id: string;
  /** The legend byte of build template chat links. */
  readonly code: number;
  readonly name: string;
  /** The elite specialization that unlocks the legend; null for core legends. */
  readonly specializationId: number | null;
  readonly swap: number;
  readonly heal: number;
  readonly elite: number;
  readonly utilities: readonly number[];
}

export interface Pet {
  /** Also the pet byte of build template chat links. */
  readonly id: number;
  readonly name: string;
}

export interface ItemStatAttribute {
  readonly attribute: string;
  readonly multiplier: number;
  readonly value: number;
}

export interface ItemStat {
  readonly id: number;
  readonly name: string;
  readonly attributes: readonly ItemStatAttribute[];
}
