import professionsData from '../data/professions.json' with { type: 'json' };
import { deepFreeze, indexBy } from './freeze.js';
import { PROFESSION_IDS, type Profession, type ProfessionId, type WeaponFlag } from './types.js';

const WEAPON_FLAGS: readonly string[] = [
  'Mainhand',
  'Offhand',
  'TwoHand',
  'Aquatic',
] satisfies WeaponFlag[];

export function isProfessionId(value: string): value is ProfessionId {
  return (PROFESSION_IDS as readonly string[]).includes(value);
}

interface RawProfession {
  id: string;
  name: string;
  code: number;
  icon: string;
  specializationIds: number[];
  weapons: Record<string, { flags: string[]; specializationId: number | null }>;
}

function toProfession(raw: RawProfession): Profession {
  if (!isProfessionId(raw.id)) throw new Error(`Unknown profession ${raw.id} in game data`);
  const weapons = Object.fromEntries(
    Object.entries(raw.weapons).map(([name, weapon]) => {
      const flags = weapon.flags.filter((flag): flag is WeaponFlag => WEAPON_FLAGS.includes(flag));
      return [name, { flags, specializationId: weapon.specializationId }];
    }),
  );
  return {
    id: raw.id,
    name: raw.name,
    code: raw.code,
    icon: raw.icon,
    specializationIds: [...raw.specializationIds],
    weapons,
  };
}

// The inferred JSON type is a union of per-profession weapon tables; toProfession checks the shape.
const professions: readonly Profession[] = deepFreeze(
  (professionsData as unknown as readonly RawProfession[]).map(toProfession),
);
const byId = indexBy(professions, (p) => p.id.toLowerCase(), 'profession');
const byName = indexBy(professions, (p) => p.name.toLowerCase(), 'profession name');
const byCode = indexBy(professions, (p) => p.code, 'profession code');

/** The nine professions in chat-link code order. */
export function listProfessions(): readonly Profession[] {
  return professions;
}

/** Looks a profession up by id or name, ignoring case ("guardian", "Guardian"). */
export function getProfession(idOrName: string): Profession | undefined {
  const key = idOrName.trim().toLowerCase();
  return byId.get(key) ?? byName.get(key);
}

/** Looks a profession up by its chat-link byte (1 Guardian ... 9 Revenant). */
export function getProfessionByCode(code: number): Profession | undefined {
  return byCode.get(code);
}
