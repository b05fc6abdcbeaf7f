import specializationsData from '../data/specializations.json' with { type: 'json' };
import { deepFreeze, indexBy } from './freeze.js';
import { isProfessionId } from './professions.js';
import type { ProfessionId, Specialization } from './types.js';

function toSpecialization(raw: (typeof specializationsData)[number]): Specialization {
  if (!isProfessionId(raw.profession)) {
    throw new Error(`Specialization ${raw.id} names unknown profession ${raw.profession}`);
  }
  return {
    id: raw.id,
    name: raw.name,
    profession: raw.profession,
    elite: raw.elite,
    icon: raw.icon ?? null,
    minorTraitIds: [...raw.minorTraitIds],
    majorTraitIds: [...raw.majorTraitIds],
  };
}

const specializations: readonly Specialization[] = deepFreeze(
  specializationsData.map(toSpecialization),
);
const byId = indexBy(specializations, (s) => s.id, 'specialization');
const byName = indexBy(specializations, (s) => s.name.toLowerCase(), 'specialization name');

export interface SpecializationFilter {
  readonly profession?: ProfessionId;
  readonly elite?: boolean;
}

/** Specializations in id order, optionally narrowed to one profession and/or to (non-)elites. */
export function listSpecializations(filter: SpecializationFilter = {}): readonly Specialization[] {
  return specializations.filter(
    (s) =>
      (filter.profession === undefined || s.profession === filter.profession) &&
      (filter.elite === undefined || s.elite === filter.elite),
  );
}

/** Looks a specialization up by API id or by name, ignoring case. */
export function getSpecialization(idOrName: number | string): Specialization | undefined {
  return typeof idOrName === 'number'
    ? byId.get(idOrName)
    : byName.get(idOrName.trim().toLowerCase());
}
