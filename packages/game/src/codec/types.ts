import type { ProfessionId } from '../catalog/index.js';

/**
 * LEGACY_44: the 44-byte links of 2019-2023. CURRENT: links with the weapon and
 * skill-override lists appended (written by the game since Secrets of the Obscure).
 */
export type BuildCodeFormat = 'LEGACY_44' | 'CURRENT';

/** 0 no choice, 1 top, 2 middle, 3 bottom. */
export type TraitChoice = 0 | 1 | 2 | 3;
export type Triple<T> = readonly [T, T, T];

export interface TraitLine {
  /** 0 for an empty slot. */
  readonly specializationId: number;
  /** Adept, master, grandmaster. */
  readonly traitChoices: Triple<TraitChoice>;
  /**
   * The major traits the choices select (null where no choice is set). Derived from
   * traitChoices by decode; encode reads traitChoices only.
   */
  readonly majorTraitIds: Triple<number | null>;
}

/** Build-template palette ids (not skill ids); 0 for an empty slot. */
export interface SkillBar {
  readonly heal: number;
  readonly utilities: Triple<number>;
  readonly elite: number;
}

/** Ranger pet ids (0 for none), land and underwater. */
export interface RangerPets {
  readonly land: readonly [number, number];
  readonly water: readonly [number, number];
}

export interface LegendSlots {
  /** Legend chat-link codes (0 for none). */
  readonly active: number;
  readonly inactive: number;
  /** Palette ids of the inactive legend's utility skills. */
  readonly inactiveUtilities: Triple<number>;
}

export interface RevenantLegends {
  readonly land: LegendSlots;
  readonly water: LegendSlots;
}

export interface BuildTemplate {
  readonly format: BuildCodeFormat;
  readonly profession: { readonly id: ProfessionId; readonly code: number };
  readonly specializations: Triple<TraitLine>;
  readonly skills: { readonly land: SkillBar; readonly water: SkillBar };
  /** Ranger only; null for other professions. */
  readonly pets: RangerPets | null;
  /** Revenant only; null for other professions. */
  readonly legends: RevenantLegends | null;
  /** Weapon ids (CURRENT format only; empty for LEGACY_44). */
  readonly weapons: readonly number[];
  /** Skill ids of weapon skill variants (CURRENT format only; empty for LEGACY_44). */
  readonly skillOverrides: readonly number[];
}
