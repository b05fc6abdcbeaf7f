import { describe, expect, it } from 'vitest';
import itemStats from '../data/itemstats.json' with { type: 'json' };
import { listRoleOptions } from '../roles/index.js';
import { listStatPrefixRecommendations, statPrefixDataInfo, statPrefixesFor } from './index.js';

describe('stat prefixes', () => {
  it('names only stat combinations that exist in itemstats.json, each with a source', () => {
    const names = new Set(itemStats.map((s) => s.name));
    const sourceIds = new Set(statPrefixDataInfo.sources.map((s) => s.id));
    const recommendations = listStatPrefixRecommendations();
    expect(recommendations.length).toBeGreaterThan(0);
    for (const recommendation of recommendations) {
      expect(recommendation.prefixes.length, recommendation.key).toBeGreaterThan(0);
      for (const prefix of recommendation.prefixes) expect(names.has(prefix), prefix).toBe(true);
      expect(recommendation.sources.every((s) => sourceIds.has(s))).toBe(true);
    }
    expect(statPrefixDataInfo.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('has a recommendation for every role option in the roles data', () => {
    for (const { elite, context, option } of listRoleOptions()) {
      expect(
        statPrefixesFor(option, context).length,
        `${elite} ${context} ${option.key}`,
      ).toBeGreaterThan(0);
    }
  });

  it('follows the damage type when the roles data names it, and offers both when it does not', () => {
    expect(
      statPrefixesFor({ kind: 'DPS', damage: ['CONDITION'] }, 'PVE').map((r) => r.key),
    ).toEqual(['pve-dps-condition']);
    expect(statPrefixesFor({ kind: 'DPS' }, 'PVE').map((r) => r.key)).toEqual([
      'pve-dps-power',
      'pve-dps-condition',
    ]);
    expect(statPrefixesFor({ kind: 'HEAL' }, 'WVW')).toMatchObject([
      { key: 'wvw-heal', prefixes: ["Minstrel's"] },
    ]);
    expect(statPrefixesFor({ kind: 'DPS', damage: ['POWER'] }, 'PVE')[0]?.prefixes).toContain(
      "Berserker's",
    );
  });
});
