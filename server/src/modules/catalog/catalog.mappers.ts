import type * as game from '@gw2/game';
import {
  type MajorTraits,
  type Profession,
  type RoleOption,
  type Specialization,
  type Trait,
  TraitSlot,
} from './catalog.types.js';
import { majorTraitsFor, minorTraitsFor } from '@gw2/game';

/** Catalog data → API shapes. The catalog is frozen in memory, so these copy nothing deep. */
export function toProfession(profession: game.Profession): Profession {
  return {
    id: profession.id,
    name: profession.name,
    code: profession.code,
    icon: profession.icon,
  };
}

export function toSpecialization(specialization: game.Specialization): Specialization {
  return {
    id: specialization.id,
    name: specialization.name,
    profession: specialization.profession,
    elite: specialization.elite,
    icon: specialization.icon,
  };
}

export function toTrait(trait: game.Trait): Trait {
  return {
    id: trait.id,
    name: trait.name,
    description: trait.description,
    tier: trait.tier,
    order: trait.order,
    slot: trait.slot === 'Major' ? TraitSlot.MAJOR : TraitSlot.MINOR,
    specializationId: trait.specializationId,
    icon: trait.icon,
    grants: trait.grants.map((grant) => ({ ...grant })),
    targets: trait.targets,
  };
}

export function minorTraitsOf(specializationId: number): Trait[] {
  return (minorTraitsFor(specializationId) ?? []).map(toTrait);
}

export function majorTraitsOf(specializationId: number): MajorTraits {
  const majors = majorTraitsFor(specializationId);
  return {
    adept: (majors?.adept ?? []).map(toTrait),
    master: (majors?.master ?? []).map(toTrait),
    grandmaster: (majors?.grandmaster ?? []).map(toTrait),
  };
}

export function toRoleOption(listed: game.ListedRoleOption): RoleOption {
  const { option } = listed;
  return {
    key: option.key,
    label: option.label,
    kind: option.kind,
    damage: [...(option.damage ?? [])],
    provides: [...option.provides],
    context: listed.context,
    specializationId: listed.specializationId,
    elite: listed.elite,
    profession: listed.profession,
    notes: option.notes ?? null,
  };
}
