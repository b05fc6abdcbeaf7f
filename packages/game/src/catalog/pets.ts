import petsData from '../data/pets.json' with { type: 'json' };
import { deepFreeze, indexBy } from './freeze.js';
import type { Pet } from './types.js';

const pets: readonly Pet[] = deepFreeze(petsData.map((raw) => ({ id: raw.id, name: raw.name })));
const byId = indexBy(pets, (p) => p.id, 'pet');

export function listPets(): readonly Pet[] {
  return pets;
}

/** Looks a ranger pet up by id, which is also its chat-link byte. */
export function getPet(id: number): Pet | undefined {
  return byId.get(id);
}
