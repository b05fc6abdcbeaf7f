/**
 * The offline game catalog: professions, specializations, traits, legends, pets and
 * stat prefixes, loaded once from the bundled API extracts and deeply frozen.
 */
export * from './types.js';
export {
  getProfession,
  getProfessionByCode,
  isProfessionId,
  listProfessions,
} from './professions.js';
export {
  getSpecialization,
  listSpecializations,
  type SpecializationFilter,
} from './specializations.js';
export { getTrait, listTraits, majorTraitsFor, minorTraitsFor } from './traits.js';
export { getLegend, getLegendByCode, listLegends } from './legends.js';
export { getPet, listPets } from './pets.js';
export { getItemStat, listItemStats } from './itemstats.js';
