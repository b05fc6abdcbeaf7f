/**
 * A small typed view of the bundled API extracts (specializations, traits, professions)
 * for the roles, coverage and advice cores. The catalog module offers a richer view of the
 * same files; this one exists so these cores do not depend on it while both are written,
 * and can later be replaced by `getSpecialization`, `getTrait` and `majorTraitsFor`.
 */
import specializationsData from '../data/specializations.json' with { type: 'json' };
import traitsData from '../data/traits.json' with { type: 'json' };
import professionsData from '../data/professions.json' with { type: 'json' };
import { isBoon, type Boon } from '../model.js';

export interface SpecializationView {
  readonly id: number;
  readonly name: string;
  readonly profession: string;
  readonly elite: boolean;
  readonly minorTraitIds: readonly number[];
  /** Nine ids, three per tier (adept, master, grandmaster), each tier in in-game order. */
  readonly majorTraitIds: readonly number[];
}

export interface TraitView {
  readonly id: number;
  readonly name: string;
  readonly tier: number;
  readonly slot: 'Major' | 'Minor';
  readonly specializationId: number;
  /**
   * Boons the trait gives to allies. Only traits whose API facts state more than one
   * target count: "gain quickness when..." traits give boons to the bearer alone, and a
   * subgroup's coverage is about what a member shares.
   */
  readonly groupBoons: readonly Boon[];
}

export interface ProfessionView {
  readonly id: string;
  readonly name: string;
  readonly specializationIds: readonly number[];
}

type RawTrait = (typeof traitsData)[number];

function toBoon(apiName: string, traitId: number): Boon {
  const id = apiName.toUpperCase();
  if (!isBoon(id)) throw new Error(`Trait ${traitId} grants unknown boon ${apiName}`);
  return id;
}

function toTraitView(raw: RawTrait): TraitView {
  if (raw.slot !== 'Major' && raw.slot !== 'Minor') {
    throw new Error(`Trait ${raw.id} has unknown slot ${raw.slot}`);
  }
  const sharesWithAllies = (raw.targets ?? 0) > 1;
  const boons = sharesWithAllies ? (raw.grants ?? []).map((g) => toBoon(g.boon, raw.id)) : [];
  return Object.freeze({
    id: raw.id,
    name: raw.name,
    tier: raw.tier,
    slot: raw.slot,
    specializationId: raw.specializationId,
    groupBoons: Object.freeze([...new Set(boons)]),
  });
}

const specializations: readonly SpecializationView[] = Object.freeze(
  specializationsData.map((s) =>
    Object.freeze({
      id: s.id,
      name: s.name,
      profession: s.profession,
      elite: s.elite,
      minorTraitIds: Object.freeze([...s.minorTraitIds]),
      majorTraitIds: Object.freeze([...s.majorTraitIds]),
    }),
  ),
);
const specializationById = new Map(specializations.map((s) => [s.id, s]));
const specializationByName = new Map(specializations.map((s) => [s.name.toLowerCase(), s]));
const traitById = new Map(traitsData.map((t) => [t.id, toTraitView(t)]));
const professions: readonly ProfessionView[] = Object.freeze(
  professionsData.map((p) =>
    Object.freeze({
      id: p.id,
      name: p.name,
      specializationIds: Object.freeze([...p.specializationIds]),
    }),
  ),
);
const professionByName = new Map(professions.map((p) => [p.name.toLowerCase(), p]));

export function listSpecializationViews(): readonly SpecializationView[] {
  return specializations;
}

/** By API id, or by name ignoring case and surrounding spaces. */
export function findSpecialization(idOrName: number | string): SpecializationView | undefined {
  return typeof idOrName === 'number'
    ? specializationById.get(idOrName)
    : specializationByName.get(idOrName.trim().toLowerCase());
}

export function findTrait(id: number): TraitView | undefined {
  return traitById.get(id);
}

/** By id or name (they are equal in the API), ignoring case and surrounding spaces. */
export function findProfession(idOrName: string): ProfessionView | undefined {
  return professionByName.get(idOrName.trim().toLowerCase());
}

/** The major trait at `choice` (1-3, top to bottom) of `tier` (1-3), as chat links encode it. */
export function majorTraitAt(
  specialization: SpecializationView,
  tier: number,
  choice: number,
): TraitView | undefined {
  if (![1, 2, 3].includes(tier) || ![1, 2, 3].includes(choice)) return undefined;
  const id = specialization.majorTraitIds[(tier - 1) * 3 + (choice - 1)];
  return id === undefined ? undefined : traitById.get(id);
}
