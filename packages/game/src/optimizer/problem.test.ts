import { describe, expect, it } from 'vitest';
import { ZERG_REQUIREMENTS } from './fixtures.js';
import { OptimizerInputError, optimizeSquad } from './index.js';
import type {
  CandidateOption,
  OptimizerInputErrorCode,
  RosterPlayer,
  SquadOptimizationInput,
} from './index.js';

const build = (buildId: string): CandidateOption => ({
  buildId,
  label: buildId,
  specialization: 'Firebrand',
  roleKey: 'stab',
  provides: ['STABILITY'],
});
const roster = (count: number, optionsEach = 1): RosterPlayer[] =>
  Array.from({ length: count }, (_, p) => ({
    id: `p${p}`,
    name: `Player ${p}`,
    options: Array.from({ length: optionsEach }, (_, o) => build(`b${p}-${o}`)),
  }));
const zerg = (overrides: Partial<SquadOptimizationInput> = {}): SquadOptimizationInput => ({
  gameMode: 'ZERG',
  size: 10,
  requirements: ZERG_REQUIREMENTS,
  pool: { kind: 'ROSTER', players: roster(12) },
  ...overrides,
});

async function expectRejected(input: SquadOptimizationInput, code: OptimizerInputErrorCode) {
  const rejection = optimizeSquad(input);
  await expect(rejection).rejects.toBeInstanceOf(OptimizerInputError);
  await expect(rejection).rejects.toMatchObject({ code });
}

describe('input limits', () => {
  it('refuses sizes outside 1..mode maximum', async () => {
    await expectRejected(zerg({ size: 51 }), 'SIZE_OUT_OF_RANGE');
    await expectRejected(zerg({ gameMode: 'RAID', size: 11 }), 'SIZE_OUT_OF_RANGE');
    await expectRejected(zerg({ size: 0 }), 'SIZE_OUT_OF_RANGE');
    await expectRejected(zerg({ size: 2.5 }), 'SIZE_OUT_OF_RANGE');
  });

  it('refuses more than 100 players and more than 10 options per player', async () => {
    await expectRejected(
      zerg({ pool: { kind: 'ROSTER', players: roster(101) } }),
      'TOO_MANY_PLAYERS',
    );
    await expectRejected(
      zerg({ pool: { kind: 'ROSTER', players: roster(3, 11) } }),
      'TOO_MANY_OPTIONS',
    );
    await expect(
      optimizeSquad(zerg({ pool: { kind: 'ROSTER', players: roster(100, 10) } }), {
        timeLimitMs: 5000,
      }),
    ).resolves.toMatchObject({ size: 10 });
  });

  it('refuses malformed rosters and requirements', async () => {
    const twins = [...roster(2), ...roster(1)];
    await expectRejected(zerg({ pool: { kind: 'ROSTER', players: twins } }), 'DUPLICATE_PLAYER');
    await expectRejected(
      zerg({ pool: { kind: 'ROSTER', players: [{ id: 'x', name: 'X', options: [] }] } }),
      'PLAYER_WITHOUT_OPTIONS',
    );
    const badRequirement = {
      capability: 'STABILITY',
      scope: 'SUBGROUP',
      minSources: 6,
      weight: 1,
      label: 's',
    } as const;
    await expectRejected(zerg({ requirements: [badRequirement] }), 'INVALID_REQUIREMENT');
    await expectRejected(
      zerg({ preferences: { weights: { STABILITY: -1 } } }),
      'INVALID_PREFERENCE',
    );
  });
});

describe('locked members', () => {
  it('refuses unknown players and options', async () => {
    await expectRejected(
      zerg({ locked: [{ playerId: 'ghost', subgroup: 1 }] }),
      'LOCK_UNKNOWN_PLAYER',
    );
    await expectRejected(
      zerg({ locked: [{ playerId: 'p1', optionBuildId: 'nope', subgroup: 1 }] }),
      'LOCK_UNKNOWN_OPTION',
    );
    const twoOptions = zerg({ pool: { kind: 'ROSTER', players: roster(12, 2) } });
    await expectRejected(
      { ...twoOptions, locked: [{ playerId: 'p1', subgroup: 1 }] },
      'LOCK_AMBIGUOUS_OPTION',
    );
  });

  it('refuses subgroups out of range, overfull subgroups and a player locked twice', async () => {
    await expectRejected(
      zerg({ locked: [{ playerId: 'p1', subgroup: 3 }] }),
      'LOCK_SUBGROUP_OUT_OF_RANGE',
    );
    const six = roster(6).map((p) => ({ playerId: p.id, subgroup: 1 }));
    await expectRejected(zerg({ locked: six }), 'LOCK_SUBGROUP_FULL');
    const twice = [
      { playerId: 'p1', subgroup: 1 },
      { playerId: 'p1', subgroup: 2 },
    ];
    await expectRejected(zerg({ locked: twice }), 'LOCK_DUPLICATE_PLAYER');
  });

  it('refuses locks that break a specialization limit', async () => {
    const input = zerg({
      locked: [
        { playerId: 'p1', subgroup: 1 },
        { playerId: 'p2', subgroup: 2 },
      ],
      preferences: { maxPerSpecialization: { Firebrand: 1 } },
    });
    await expectRejected(input, 'LOCKS_EXCEED_SPECIALIZATION_LIMIT');
  });
});
