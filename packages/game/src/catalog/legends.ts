import legendsData from '../data/legends.json' with { type: 'json' };
import { deepFreeze, indexBy } from './freeze.js';
import type { Legend } from './types.js';

const legends: readonly Legend[] = deepFreeze(
  legendsData.map((raw) => ({ ...raw, utilities: [...raw.utilities] })),
);
const byId = indexBy(legends, (l) => l.id, 'legend');
const byCode = indexBy(legends, (l) => l.code, 'legend code');

/** Revenant legends in chat-link code order. */
export function listLegends(): readonly Legend[] {
  return legends;
}

/** Looks a legend up by API id ("Legend1"). */
export function getLegend(id: string): Legend | undefined {
  return byId.get(id);
}

/** Looks a legend up by its chat-link byte (1 Dragon ... 8 Entity). */
export function getLegendByCode(code: number): Legend | undefined {
  return byCode.get(code);
}
