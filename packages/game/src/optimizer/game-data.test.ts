import { describe, expect, it } from 'vitest';
import { GAME_MODES, GAME_MODE_MAX_SIZE } from '../model.js';
import type { Capability } from '../model.js';
import { metaPoolFor, modeRequirements, planForMode } from './index.js';
import type { SquadPlan } from './index.js';

const everySubgroupHas = (plan: SquadPlan, capability: Capability) =>
  plan.subgroups.every((subgroup) => subgroup.provides.includes(capability));

describe('optimizer on the game data', () => {
  it('builds a meta pool from the roles of the mode context only', () => {
    const wvw = metaPoolFor('ZERG');
    const pve = metaPoolFor('RAID');
    expect(wvw.length).toBeGreaterThan(0);
    expect(new Set(wvw.map((o) => o.buildId)).size).toBe(wvw.length);
    expect(wvw.map((o) => o.buildId)).not.toEqual(pve.map((o) => o.buildId));
  });

  it('plans a zerg of 50 with stability and a healer in every subgroup', async () => {
    const { plan, coverage } = await planForMode({ gameMode: 'ZERG', size: 50 });
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.assignments).toHaveLength(50);
    expect(everySubgroupHas(plan, 'STABILITY')).toBe(true);
    expect(everySubgroupHas(plan, 'HEALING')).toBe(true);
    expect(coverage.subgroups).toHaveLength(10);
  });

  it('plans a raid with quickness and alacrity in both subgroups', async () => {
    const { plan } = await planForMode({ gameMode: 'RAID', size: 10 });
    expect(everySubgroupHas(plan, 'QUICKNESS')).toBe(true);
    expect(everySubgroupHas(plan, 'ALACRITY')).toBe(true);
  });

  it('names the same gaps as the coverage module, for every mode', async () => {
    for (const gameMode of GAME_MODES) {
      // A one-role pool leaves gaps to compare.
      const [firstOption] = metaPoolFor(gameMode);
      if (firstOption === undefined) continue;
      const { plan, coverage } = await planForMode({
        gameMode,
        size: Math.min(7, GAME_MODE_MAX_SIZE[gameMode]),
        pool: { kind: 'META', options: [firstOption] },
      });
      expect(plan.gaps.map((gap) => gap.message).sort()).toEqual(
        coverage.gaps.map((gap) => gap.message).sort(),
      );
      expect(modeRequirements(gameMode).length).toBeGreaterThan(0);
    }
  });
});
