import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  GAME_MODE_MAX_SIZE,
  GAME_MODES,
  subgroupCount,
  type Capability,
} from '../model.js';
import {
  capabilitiesFor,
  computeCoverage,
  CoverageInputError,
  requirementsFor,
  roleOptionsForBuild,
  traitBoons,
  type CoverageMember,
} from './index.js';

function member(
  id: string,
  subgroup: number,
  elite: string,
  roleKey: string,
  context: 'PVE' | 'WVW',
): CoverageMember {
  return {
    id,
    subgroup,
    label: elite,
    provides: capabilitiesFor({ eliteSpecialization: elite, roleKey, context }),
  };
}

const zergParty = (subgroup: number, prefix = ''): CoverageMember[] => [
  member(`${prefix}fb`, subgroup, 'Firebrand', 'stability-core', 'WVW'),
  member(`${prefix}scrapper`, subgroup, 'Scrapper', 'heal', 'WVW'),
  member(`${prefix}scourge`, subgroup, 'Scourge', 'dps-strip', 'WVW'),
  member(`${prefix}spb`, subgroup, 'Spellbreaker', 'dps-strip', 'WVW'),
  member(`${prefix}herald`, subgroup, 'Herald', 'stability-partner', 'WVW'),
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('computeCoverage', () => {
  it('finds no gap in a zerg party of Firebrand, Scrapper, Scourge, Spellbreaker and Herald', () => {
    const coverage = computeCoverage({ gameMode: 'ZERG', size: 5, members: zergParty(1) });
    const [party] = coverage.subgroups;
    expect(party?.gaps).toEqual([]);
    expect(party?.score).toBe(1);
    const providers = (c: Capability) =>
      party?.capabilities.find((x) => x.capability === c)?.providers;
    expect(providers('STABILITY')).toEqual(['fb', 'herald']);
    expect(providers('HEALING')).toEqual(['scrapper']);
    expect(providers('CONDITION_CLEANSE')).toEqual(['fb', 'scrapper', 'scourge']);
    expect(providers('BOON_STRIP')).toEqual(['scourge', 'spb']);
    expect(coverage.score).toBe(100);
  });

  it('lists one entry per capability per subgroup, marking the required ones', () => {
    const coverage = computeCoverage({ gameMode: 'ZERG', size: 5, members: zergParty(1) });
    const capabilities = coverage.subgroups[0]?.capabilities ?? [];
    expect(capabilities.map((c) => c.capability)).toEqual(CAPABILITIES);
    const required = capabilities.filter((c) => c.required).map((c) => c.capability);
    expect(required.sort()).toEqual(
      requirementsFor('ZERG')
        .map((r) => r.capability)
        .sort(),
    );
    expect(capabilities.find((c) => c.capability === 'VIGOR')).toMatchObject({
      required: false,
      score: null,
      minSources: null,
    });
  });

  it('names the missing alacrity of a raid subgroup', () => {
    const members = [
      member('hb', 1, 'Herald', 'heal-quickness', 'PVE'),
      member('ren', 1, 'Renegade', 'alacrity-dps', 'PVE'),
      member('fb', 2, 'Firebrand', 'heal-quickness', 'PVE'),
      member('dh', 2, 'Dragonhunter', 'dps', 'PVE'),
    ];
    const coverage = computeCoverage({ gameMode: 'RAID', size: 10, members });
    expect(coverage.subgroups[0]?.gaps).toEqual([]);
    expect(coverage.gaps).toEqual([
      {
        subgroup: 2,
        capability: 'ALACRITY',
        scope: 'SUBGROUP',
        have: 0,
        need: 1,
        message: 'Subgroup 2 has no alacrity source',
      },
    ]);
    expect(coverage.subgroups[1]?.score).toBeLessThan(1);
    expect(coverage.score).toBeGreaterThan(0);
    expect(coverage.score).toBeLessThan(100);
  });

  it('scores a fractal group with quickness, alacrity, a healer, might and fury as complete', () => {
    const members = [
      member('druid', 1, 'Druid', 'heal-alacrity', 'PVE'),
      member('hb', 1, 'Herald', 'quickness-dps', 'PVE'),
      member('weaver', 1, 'Weaver', 'dps', 'PVE'),
      member('reaper', 1, 'Reaper', 'dps', 'PVE'),
      member('virt', 1, 'Virtuoso', 'dps', 'PVE'),
    ];
    const coverage = computeCoverage({ gameMode: 'FRACTALS', size: 5, members });
    expect(coverage.gaps).toEqual([]);
    expect(coverage.score).toBe(100);
    expect(coverage.subgroups).toHaveLength(1);
  });

  it('lists every requirement as a gap of an empty subgroup', () => {
    const coverage = computeCoverage({ gameMode: 'ZERG', size: 10, members: zergParty(1) });
    const empty = coverage.subgroups[1];
    expect(empty?.memberIds).toEqual([]);
    expect(empty?.score).toBe(0);
    expect(empty?.gaps.map((g) => g.message)).toEqual([
      'Subgroup 2 has no stability source',
      'Subgroup 2 has no healer',
      'Subgroup 2 has no condition cleanse source',
      'Subgroup 2 has no boon strip source',
      'Subgroup 2 has no might source',
      'Subgroup 2 has no resistance source',
    ]);
    // One full subgroup of two: half of every subgroup requirement is met.
    expect(coverage.score).toBe(50);
  });

  it('checks squad-wide requirements once for the squad', () => {
    const members = [
      member('reaper', 1, 'Reaper', 'dps', 'WVW'),
      member('fb', 2, 'Firebrand', 'stability-core', 'WVW'),
      member('mirage', 3, 'Mirage', 'strip', 'WVW'),
    ];
    const coverage = computeCoverage({ gameMode: 'HAVOC', size: 15, members });
    expect(coverage.gaps.map((g) => [g.subgroup, g.message])).toEqual([
      [null, 'The squad has no healer'],
    ]);
    expect(coverage.subgroups.every((s) => s.gaps.length === 0 && s.score === 1)).toBe(true);
    expect(coverage.squad.find((c) => c.capability === 'STABILITY')).toMatchObject({
      required: true,
      count: 1,
      providers: ['fb'],
      score: 1,
    });
    // Squad totals are given for every capability, required or not.
    expect(coverage.squad.find((c) => c.capability === 'AEGIS')).toMatchObject({
      required: false,
      count: 1,
    });
  });

  it('counts a member once even if its capabilities repeat', () => {
    const coverage = computeCoverage({
      gameMode: 'ROAMING',
      size: 2,
      members: [{ id: 'a', subgroup: 1, provides: ['DAMAGE', 'DAMAGE'] }],
    });
    expect(coverage.squad.find((c) => c.capability === 'DAMAGE')?.count).toBe(1);
    expect(coverage.score).toBe(100);
  });

  describe('input errors', () => {
    const cases: Array<[string, Parameters<typeof computeCoverage>[0], string, string]> = [
      [
        'a subgroup beyond ceil(size / 5)',
        { gameMode: 'RAID', size: 10, members: [{ id: 'a', subgroup: 3, provides: [] }] },
        'SUBGROUP_OUT_OF_RANGE',
        'members[0].subgroup',
      ],
      [
        'subgroup 0',
        { gameMode: 'RAID', size: 10, members: [{ id: 'a', subgroup: 0, provides: [] }] },
        'SUBGROUP_OUT_OF_RANGE',
        'members[0].subgroup',
      ],
      [
        'a sixth member in a subgroup',
        {
          gameMode: 'ZERG',
          size: 10,
          members: [...zergParty(1), { id: 'extra', subgroup: 1, provides: [] }],
        },
        'SUBGROUP_FULL',
        'members[5].subgroup',
      ],
      [
        'a duplicate member id',
        {
          gameMode: 'RAID',
          size: 10,
          members: [
            { id: 'a', subgroup: 1, provides: [] },
            { id: 'a', subgroup: 2, provides: [] },
          ],
        },
        'DUPLICATE_MEMBER_ID',
        'members[1].id',
      ],
      [
        'more members than the size',
        {
          gameMode: 'RAID',
          size: 1,
          members: [
            { id: 'a', subgroup: 1, provides: [] },
            { id: 'b', subgroup: 1, provides: [] },
          ],
        },
        'TOO_MANY_MEMBERS',
        'members',
      ],
      [
        'a size above the mode maximum',
        { gameMode: 'FRACTALS', size: 6, members: [] },
        'SIZE_OUT_OF_RANGE',
        'size',
      ],
      [
        'an unknown capability',
        // Untyped callers (JSON from a client) can send anything.
        {
          gameMode: 'RAID',
          size: 5,
          members: [{ id: 'a', subgroup: 1, provides: ['SUPERSPEED' as Capability] }],
        },
        'UNKNOWN_CAPABILITY',
        'members[0].provides[0]',
      ],
    ];
    it.each(cases)('rejects %s', (_name, input, reason, field) => {
      const error = thrown(() => computeCoverage(input));
      expect(error).toBeInstanceOf(CoverageInputError);
      expect(error).toMatchObject({ code: 'INVALID_COVERAGE_INPUT', reason, field });
    });
  });

  it('never lowers the score when a member joins', () => {
    const capabilities = fc.subarray([...CAPABILITIES]);
    const scenario = fc
      .constantFrom(...GAME_MODES)
      .chain((gameMode) =>
        fc.tuple(fc.constant(gameMode), fc.integer({ min: 1, max: GAME_MODE_MAX_SIZE[gameMode] })),
      )
      .chain(([gameMode, size]) =>
        fc.record({
          gameMode: fc.constant(gameMode),
          size: fc.constant(size),
          // Slots are (subgroup, capabilities); the first `size` that fit become members.
          slots: fc.array(
            fc.tuple(fc.integer({ min: 1, max: subgroupCount(size) }), capabilities),
            {
              minLength: 1,
              maxLength: size,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ gameMode, size, slots }) => {
        const members: CoverageMember[] = [];
        const filled = new Map<number, number>();
        for (const [subgroup, provides] of slots) {
          if ((filled.get(subgroup) ?? 0) >= 5) continue;
          filled.set(subgroup, (filled.get(subgroup) ?? 0) + 1);
          members.push({ id: `m${members.length}`, subgroup, provides });
        }
        const before = computeCoverage({ gameMode, size, members: members.slice(0, -1) });
        const after = computeCoverage({ gameMode, size, members });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.gaps.length).toBeLessThanOrEqual(before.gaps.length);
        for (const [i, subgroup] of after.subgroups.entries()) {
          expect(subgroup.score).toBeGreaterThanOrEqual(before.subgroups[i]?.score ?? 0);
        }
        expect(after.score).toBeGreaterThanOrEqual(0);
        expect(after.score).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('capabilitiesFor', () => {
  it('unions the role with boons the traits share with allies', () => {
    // Liberator's Vow (Firebrand, adept): "Grant allies quickness when you use your heal skill."
    expect(
      capabilitiesFor({
        eliteSpecialization: 'Firebrand',
        roleKey: 'stability-core',
        traitIds: [2101],
        context: 'WVW',
      }),
    ).toEqual(['AEGIS', 'PROTECTION', 'QUICKNESS', 'RESISTANCE', 'STABILITY', 'CONDITION_CLEANSE']);
  });

  it('does not count boons a trait gives only to its bearer', () => {
    // Quick Draw: "When swapping weapons, gain quickness." (no targets in the API facts)
    expect(traitBoons([1064])).toEqual([]);
    expect(capabilitiesFor({ traitIds: [1064, 2101], context: 'PVE' })).toEqual(['QUICKNESS']);
  });

  it('rejects unknown traits and roles with the field at fault', () => {
    expect(thrown(() => traitBoons([1064, 999_999]))).toMatchObject({
      reason: 'UNKNOWN_TRAIT',
      field: 'traitIds[1]',
    });
    expect(thrown(() => capabilitiesFor({ roleKey: 'dps', context: 'PVE' }))).toMatchObject({
      field: 'roleKey',
    });
  });
});

describe('roleOptionsForBuild', () => {
  it("lists the options of the build's elite specialization", () => {
    // Zeal (42), Virtues (46), Firebrand (62)
    expect(
      roleOptionsForBuild({ specializationIds: [42, 46, 62], context: 'PVE' })?.map((o) => o.key),
    ).toEqual(['quickness-dps', 'heal-quickness', 'dps']);
  });

  it('returns null for core builds and for unknown cells', () => {
    expect(roleOptionsForBuild({ specializationIds: [42, 46, 16], context: 'PVE' })).toBeNull();
    expect(roleOptionsForBuild({ specializationIds: [42, 27], context: 'WVW' })).toBeNull();
  });
});
