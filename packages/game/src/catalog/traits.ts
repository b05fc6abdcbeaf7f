import traitsData from '../data/traits.json' with { type: 'json' };
import { isBoon } from '../model.js';
import { deepFreeze, indexBy } from './freeze.js';
import { getSpecialization } from './specializations.js';
import type {
  BoonGrant,
  MajorTraitsByTier,
  Specialization,
  Trait,
  TraitSlot,
  TraitTier,
} from './types.js';

type RawTrait = (typeof traitsData)[number] & {
  grants?: readonly { boon: string; duration: number; stacks: number }[];
  targets?: number;
};

/** The data files name boons as the API does ("Might"); the domain speaks in BOONS ids ("MIGHT"). */
export function toBoonGrant(raw: { boon: string; duration: number; stacks: number }): BoonGrant {
  const boon = raw.boon.toUpperCase();
  if (!isBoon(boon)) throw new Error(`Unknown boon ${raw.boon} in game data`);
  return { boon, duration: raw.duration, stacks: raw.stacks };
}

function toTrait(raw: RawTrait): Trait {
  if (raw.tier < 0 || raw.tier > 3) throw new Error(`Trait ${raw.id} has tier ${raw.tier}`);
  if (raw.slot !== 'Major' && raw.slot !== 'Minor')
    throw new Error(`Trait ${raw.id} has slot ${raw.slot}`);
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    tier: raw.tier as TraitTier,
    order: raw.order,
    slot: raw.slot satisfies TraitSlot,
    specializationId: raw.specializationId,
    icon: raw.icon ?? null,
    grants: (raw.grants ?? []).map(toBoonGrant),
    targets: raw.targets ?? null,
  };
}

const traits: readonly Trait[] = deepFreeze((traitsData as readonly RawTrait[]).map(toTrait));
const byId = indexBy(traits, (t) => t.id, 'trait');

export function listTraits(): readonly Trait[] {
  return traits;
}

export function getTrait(id: number): Trait | undefined {
  return byId.get(id);
}

function traitsOf(ids: readonly number[], specialization: Specialization): Trait[] {
  return ids.map((id) => {
    const trait = byId.get(id);
    if (!trait) throw new Error(`Specialization ${specialization.id} lists unknown trait ${id}`);
    return trait;
  });
}

const majorsCache = new Map<number, MajorTraitsByTier>();

/**
 * A specialization's nine major traits as three tiers of three, in the order the
 * game shows them (top, middle, bottom): the order build chat links index into.
 */
export function majorTraitsFor(
  specializationOrId: Specialization | number,
): MajorTraitsByTier | undefined {
  const spec =
    typeof specializationOrId === 'number'
      ? getSpecialization(specializationOrId)
      : specializationOrId;
  if (!spec) return undefined;
  let majors = majorsCache.get(spec.id);
  if (!majors) {
    const all = traitsOf(spec.majorTraitIds, spec);
    majors = deepFreeze({
      adept: all.slice(0, 3),
      master: all.slice(3, 6),
      grandmaster: all.slice(6, 9),
    });
    majorsCache.set(spec.id, majors);
  }
  return majors;
}

/** A specialization's minor traits in tier order. */
export function minorTraitsFor(
  specializationOrId: Specialization | number,
): readonly Trait[] | undefined {
  const spec =
    typeof specializationOrId === 'number'
      ? getSpecialization(specializationOrId)
      : specializationOrId;
  return spec ? deepFreeze(traitsOf(spec.minorTraitIds, spec)) : undefined;
}
