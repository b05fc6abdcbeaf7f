import {
  getLegendByCode,
  getPet,
  getSpecialization,
  majorTraitsFor,
  type Profession,
} from '../catalog/index.js';
import { BuildCodeError } from './errors.js';
import { SLOT_NAMES, TIER_NAMES } from './layout.js';
import type { TraitChoice, Triple } from './types.js';

/**
 * Checks one trait line against the catalog and resolves its choices to major trait ids.
 * The game only offers a profession's own specializations, each at most once, and
 * elite specializations only in the third slot, so codes breaking those rules are rejected.
 * A choice is out of range when it is set on an empty slot or points past the
 * specialization's major traits.
 */
export function resolveTraitLine(
  profession: Profession,
  slot: number,
  specializationId: number,
  choices: Triple<TraitChoice>,
  earlierIds: readonly number[],
): Triple<number | null> {
  const slotName = SLOT_NAMES[slot] ?? String(slot);
  if (specializationId === 0) {
    if (choices.some((choice) => choice !== 0)) {
      throw new BuildCodeError(
        'TRAIT_CHOICE_OUT_OF_RANGE',
        `The ${slotName} specialization slot is empty but has trait choices ${choices.join('/')}.`,
      );
    }
    return [null, null, null];
  }
  const spec = getSpecialization(specializationId);
  if (!spec) {
    throw new BuildCodeError(
      'UNKNOWN_SPECIALIZATION',
      `The ${slotName} specialization slot holds unknown specialization id ${specializationId}.`,
    );
  }
  if (spec.profession !== profession.id) {
    throw new BuildCodeError(
      'SPECIALIZATION_OF_OTHER_PROFESSION',
      `${spec.name} is a ${spec.profession} specialization and cannot be part of a ${profession.name} build.`,
    );
  }
  if (earlierIds.includes(specializationId)) {
    throw new BuildCodeError(
      'DUPLICATE_SPECIALIZATION',
      `${spec.name} is selected in more than one slot.`,
    );
  }
  if (spec.elite && slot !== 2) {
    throw new BuildCodeError(
      'ELITE_NOT_IN_THIRD_SLOT',
      `${spec.name} is an elite specialization; the game only allows it in the third slot, not the ${slotName}.`,
    );
  }
  const majors = majorTraitsFor(spec);
  const tiers = majors ? [majors.adept, majors.master, majors.grandmaster] : [];
  const resolved = choices.map((choice, tier) => {
    if (choice === 0) return null;
    const trait = tiers[tier]?.[choice - 1];
    if (!trait) {
      throw new BuildCodeError(
        'TRAIT_CHOICE_OUT_OF_RANGE',
        `${spec.name} has no ${TIER_NAMES[tier]} major trait number ${choice}.`,
      );
    }
    return trait.id;
  });
  return [resolved[0] ?? null, resolved[1] ?? null, resolved[2] ?? null];
}

export function checkPet(id: number, field: string): void {
  if (id !== 0 && !getPet(id)) {
    throw new BuildCodeError('UNKNOWN_PET', `The ${field} is unknown pet id ${id}.`);
  }
}

export function checkLegend(code: number, field: string): void {
  if (code !== 0 && !getLegendByCode(code)) {
    throw new BuildCodeError('UNKNOWN_LEGEND', `The ${field} is unknown legend code ${code}.`);
  }
}
