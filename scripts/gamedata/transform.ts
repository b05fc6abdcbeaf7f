/**
 * Pure mapping from official API v2 responses to the compact data files in
 * packages/game/src/data. No I/O: the CLI fetches, this shapes, the CLI writes.
 */
import type {
  ApiFact,
  ApiItemStat,
  ApiLegend,
  ApiPet,
  ApiProfession,
  ApiResponses,
  ApiSkill,
  ApiSpecialization,
  ApiTrait,
} from './api-types.js';

export interface ProfessionEntry {
  id: string;
  name: string;
  code: number;
  icon: string;
  specializationIds: number[];
  weapons: Record<string, { flags: string[]; specializationId: number | null }>;
}

export interface SpecializationEntry {
  id: number;
  name: string;
  profession: string;
  elite: boolean;
  icon?: string;
  minorTraitIds: number[];
  majorTraitIds: number[];
}

export interface BoonGrantEntry {
  boon: string;
  duration: number;
  stacks: number;
}

export interface TraitEntry {
  id: number;
  name: string;
  description: string;
  tier: number;
  order: number;
  slot: string;
  specializationId: number;
  icon?: string;
  grants?: BoonGrantEntry[];
  targets?: number;
}

export interface LegendEntry {
  id: string;
  code: number;
  name: string;
  specializationId: number | null;
  swap: number;
  heal: number;
  elite: number;
  utilities: number[];
}

export interface PetEntry {
  id: number;
  name: string;
}

export type ItemStatEntry = ApiItemStat;

export interface GameData {
  professions: ProfessionEntry[];
  specializations: SpecializationEntry[];
  traits: TraitEntry[];
  legends: LegendEntry[];
  pets: PetEntry[];
  itemstats: ItemStatEntry[];
}

/** The API's boon names, as trait facts spell them in `status`. */
const API_BOON_NAMES = new Set([
  'Aegis',
  'Alacrity',
  'Fury',
  'Might',
  'Protection',
  'Quickness',
  'Regeneration',
  'Resistance',
  'Resolution',
  'Stability',
  'Swiftness',
  'Vigor',
]);

export function toProfessionEntry(api: ApiProfession): ProfessionEntry {
  const weapons = Object.fromEntries(
    Object.entries(api.weapons).map(([name, weapon]) => [
      name,
      { flags: [...weapon.flags], specializationId: weapon.specialization ?? null },
    ]),
  );
  return {
    id: api.id,
    name: api.name,
    code: api.code,
    icon: api.icon,
    specializationIds: [...api.specializations],
    weapons,
  };
}

export function toSpecializationEntry(api: ApiSpecialization): SpecializationEntry {
  return {
    id: api.id,
    name: api.name,
    profession: api.profession,
    elite: api.elite,
    ...(api.icon === undefined ? {} : { icon: api.icon }),
    minorTraitIds: [...api.minor_traits],
    majorTraitIds: [...api.major_traits],
  };
}

/** Boons applied by `Buff`/`PrefixedBuff` facts, base facts first, then traited facts. */
export function boonGrantsOf(trait: ApiTrait): BoonGrantEntry[] {
  const facts: ApiFact[] = [...(trait.facts ?? []), ...(trait.traited_facts ?? [])];
  return facts
    .filter(
      (fact) =>
        (fact.type === 'Buff' || fact.type === 'PrefixedBuff') &&
        API_BOON_NAMES.has(fact.status ?? ''),
    )
    .map((fact) => ({
      boon: fact.status ?? '',
      duration: fact.duration ?? 0,
      stacks: fact.apply_count ?? 1,
    }));
}

/** The first `Number` fact about targets ("Number of Targets"), if the API states one. */
export function targetCountOf(trait: ApiTrait): number | undefined {
  const facts = [...(trait.facts ?? []), ...(trait.traited_facts ?? [])];
  return facts.find((fact) => fact.type === 'Number' && /targets/i.test(fact.text ?? ''))?.value;
}

export function toTraitEntry(api: ApiTrait): TraitEntry {
  const grants = boonGrantsOf(api);
  const targets = targetCountOf(api);
  return {
    id: api.id,
    name: api.name,
    description: api.description ?? '',
    tier: api.tier,
    order: api.order,
    slot: api.slot,
    specializationId: api.specialization,
    ...(api.icon === undefined ? {} : { icon: api.icon }),
    ...(grants.length > 0 ? { grants } : {}),
    ...(targets === undefined ? {} : { targets }),
  };
}

/** Legends carry no name: it and the unlocking elite specialization come from the swap skill. */
export function toLegendEntry(
  api: ApiLegend,
  swapSkills: ReadonlyMap<number, ApiSkill>,
): LegendEntry {
  const swap = swapSkills.get(api.swap);
  if (!swap) throw new Error(`Legend ${api.id}: swap skill ${api.swap} missing from /v2/skills`);
  return {
    id: api.id,
    code: api.code,
    name: swap.name,
    specializationId: swap.specialization ?? null,
    swap: api.swap,
    heal: api.heal,
    elite: api.elite,
    utilities: [...api.utilities],
  };
}

export function toPetEntry(api: ApiPet): PetEntry {
  return { id: api.id, name: api.name };
}

/** Unnamed or attribute-less stat records are internal to the game and not prefixes players pick. */
export function toItemStatEntry(api: ApiItemStat): ItemStatEntry | undefined {
  if (api.name.trim() === '' || api.attributes.length === 0) return undefined;
  return { id: api.id, name: api.name, attributes: api.attributes.map((a) => ({ ...a })) };
}

const byId = <T extends { id: number }>(a: T, b: T): number => a.id - b.id;
const byCode = <T extends { code: number }>(a: T, b: T): number => a.code - b.code;

export function transformGameData(api: ApiResponses): GameData {
  const swapSkills = new Map(api.legendSwapSkills.map((skill) => [skill.id, skill]));
  return {
    professions: api.professions.map(toProfessionEntry).sort(byCode),
    specializations: api.specializations.map(toSpecializationEntry).sort(byId),
    traits: api.traits.map(toTraitEntry).sort(byId),
    legends: api.legends.map((legend) => toLegendEntry(legend, swapSkills)).sort(byCode),
    pets: api.pets.map(toPetEntry).sort(byId),
    itemstats: api.itemstats
      .map(toItemStatEntry)
      .filter((entry): entry is ItemStatEntry => entry !== undefined)
      .sort(byId),
  };
}

/** The files' formatting: one-space indent, UTF-8 kept as is, no trailing newline. */
export function serializeDataFile(entries: unknown): string {
  return JSON.stringify(entries, null, 1);
}
