import itemstatsData from '../data/itemstats.json' with { type: 'json' };
import { deepFreeze, indexBy } from './freeze.js';
import type { ItemStat } from './types.js';

const itemStats: readonly ItemStat[] = deepFreeze(
  itemstatsData.map((raw) => ({
    id: raw.id,
    name: raw.name,
    attributes: raw.attributes.map((a) => ({ ...a })),
  })),
);
const byId = indexBy(itemStats, (s) => s.id, 'item stat');

/** Stat combinations (prefixes) in id order; several ids can share a name (e.g. per item type). */
export function listItemStats(): readonly ItemStat[] {
  return itemStats;
}

export function getItemStat(id: number): ItemStat | undefined {
  return byId.get(id);
}
