/**
 * Markers: what in a build's chat code marks one of its elite's roles (a trait, a trait line,
 * a Revenant legend, a ranger pet, a weapon, or a skill by its build-template palette id).
 * They live in `data/roles.json` next to the roles, each with its sources, and are checked
 * against the game catalog once at load.
 */
import { getLegendByCode, getPet, getSpecialization, getTrait } from '../catalog/index.js';

export const MARKER_KINDS = ['TRAIT', 'TRAIT_LINE', 'LEGEND', 'PET', 'WEAPON', 'SKILL'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface RoleMarker {
  /** Unique within the elite, e.g. `righteous-rebel`; role options name their evidence by it. */
  readonly id: string;
  readonly kind: MarkerKind;
  /** Trait id, specialization id, legend code, pet id, weapon id or skill palette id. */
  readonly value: number;
  /** How it reads: "Righteous Rebel", "Salvation line", "Legendary Centaur Stance". */
  readonly label: string;
  /** 3: marks the role on its own; 1-2: supporting. */
  readonly weight: number;
  /** Marks a healer (a HEAL role needs at least one). */
  readonly heal: boolean;
  readonly sources: readonly string[];
  readonly note?: string;
}

/** A marker as the data file spells it: exactly one of the kind fields. */
export interface RawMarker {
  readonly trait?: number;
  readonly traitLine?: number;
  readonly legend?: number;
  readonly pet?: number;
  readonly weapon?: { readonly id: number; readonly name: string };
  readonly skill?: { readonly palette: number; readonly name: string };
  readonly weight: number;
  readonly heal?: boolean;
  readonly sources: readonly string[];
  readonly note?: string;
}

function kindOf(
  raw: RawMarker,
  where: string,
  profession: string,
): { kind: MarkerKind; value: number; label: string } {
  const kinds = (['trait', 'traitLine', 'legend', 'pet', 'weapon', 'skill'] as const).filter(
    (field) => raw[field] !== undefined,
  );
  if (kinds.length !== 1) throw new Error(`${where}: a marker names exactly one kind`);
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${where}: unknown ${what}`);
    return value;
  };
  const ofProfession = (specializationId: number) => {
    if (getSpecialization(specializationId)?.profession !== profession) {
      throw new Error(`${where}: not a ${profession} trait or line`);
    }
  };
  if (raw.trait !== undefined) {
    const trait = need(getTrait(raw.trait), `trait ${raw.trait}`);
    ofProfession(trait.specializationId);
    return { kind: 'TRAIT', value: trait.id, label: trait.name };
  }
  if (raw.traitLine !== undefined) {
    const line = need(getSpecialization(raw.traitLine), `specialization ${raw.traitLine}`);
    ofProfession(line.id);
    return { kind: 'TRAIT_LINE', value: line.id, label: `${line.name} line` };
  }
  if (raw.legend !== undefined) {
    const legend = need(getLegendByCode(raw.legend), `legend code ${raw.legend}`);
    return { kind: 'LEGEND', value: legend.code, label: legend.name };
  }
  if (raw.pet !== undefined) {
    const pet = need(getPet(raw.pet), `pet ${raw.pet}`);
    return { kind: 'PET', value: pet.id, label: pet.name };
  }
  if (raw.weapon !== undefined) {
    return { kind: 'WEAPON', value: raw.weapon.id, label: raw.weapon.name };
  }
  const skill = need(raw.skill, 'skill');
  return { kind: 'SKILL', value: skill.palette, label: skill.name };
}

/** Checks and freezes an elite's markers; throws on a typo so no evidence is silently lost. */
export function parseMarkers(
  raw: Readonly<Record<string, RawMarker>> | undefined,
  where: string,
  profession: string,
  sourceIds: ReadonlySet<string>,
): readonly RoleMarker[] {
  return Object.freeze(
    Object.entries(raw ?? {}).map(([id, marker]) => {
      const at = `${where} marker ${id}`;
      const { kind, value, label } = kindOf(marker, at, profession);
      if (![1, 2, 3].includes(marker.weight)) throw new Error(`${at}: weight is 1, 2 or 3`);
      if (marker.sources.length === 0) throw new Error(`${at}: no source`);
      for (const source of marker.sources) {
        if (!sourceIds.has(source)) throw new Error(`${at}: unknown source ${source}`);
      }
      return Object.freeze({
        id,
        kind,
        value,
        label,
        weight: marker.weight,
        heal: marker.heal === true,
        sources: Object.freeze([...marker.sources]),
        ...(marker.note ? { note: marker.note } : {}),
      });
    }),
  );
}
