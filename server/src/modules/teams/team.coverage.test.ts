import { decodeBuildCode, encodeBuildCode, type BuildTemplate } from '@gw2/game';
import { describe, expect, it } from 'vitest';
import {
  effectiveRole,
  memberRole,
  memberCapabilities,
  teamCoverage,
  type MemberBuildFacts,
} from './team.coverage.js';

/** A build with only its elite line (no traits), as the codec stores it. */
function eliteBuild(
  name: string,
  profession: { id: string; code: number },
  eliteId: number,
  roles: string[] = [],
): MemberBuildFacts {
  const empty = {
    specializationId: 0,
    traitChoices: [0, 0, 0],
    majorTraitIds: [null, null, null],
  } as const;
  const template: BuildTemplate = decodeBuildCode(
    encodeBuildCode({
      format: 'CURRENT',
      profession: profession as BuildTemplate['profession'],
      specializations: [empty, empty, { ...empty, specializationId: eliteId }],
      skills: {
        land: { heal: 0, utilities: [0, 0, 0], elite: 0 },
        water: { heal: 0, utilities: [0, 0, 0], elite: 0 },
      },
      pets: null,
      legends: null,
      weapons: [],
      skillOverrides: [],
    }),
  );
  return { name, specializationIds: [0, 0, eliteId], template, roles };
}

const chrono = eliteBuild('Chrono', { id: 'Mesmer', code: 7 }, 40, ['alacrity-dps']);

describe('member capabilities', () => {
  it('uses the member role, else the first declared role of the context, else the inferred one', () => {
    expect(effectiveRole(chrono, 'quickness-dps', 'RAID')?.key).toBe('quickness-dps');
    expect(effectiveRole(chrono, null, 'RAID')?.key).toBe('alacrity-dps');
    // The declared PvE role does not exist in WvW, and a bare Chronomancer line shows no WvW
    // role marker: no role, so the member brings only what its traits share.
    expect(memberRole(chrono, null, 'ZERG')).toMatchObject({ role: null, source: null });
    expect(
      memberCapabilities(
        { id: 'm', subgroup: 1, playerName: null, roleKey: 'stability-support', build: chrono },
        'ZERG',
      ),
    ).toEqual(['STABILITY']);
    // Without any choice, a bare Chronomancer in PvE reads as the DPS role.
    const undeclared = { ...chrono, roles: [] };
    expect(memberRole(undeclared, null, 'RAID')).toMatchObject({
      role: { key: 'dps' },
      source: 'INFERRED',
    });
  });

  it('counts a hidden build as bringing nothing and labels the member by player name', () => {
    const coverage = teamCoverage({
      gameMode: 'RAID',
      size: 5,
      members: [{ id: 'm', subgroup: 1, playerName: 'Ann', roleKey: null, build: null }],
    });
    expect(coverage.subgroups[0]!.capabilities.every((c) => c.providers.length === 0)).toBe(true);
    expect(coverage.gaps.length).toBeGreaterThan(0);
  });
});
