import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBGROUP_SIZE, subgroupCount } from '../model.js';
import type { Capability } from '../model.js';
import {
  RAID_META_POOL,
  ZERG_META_POOL,
  ZERG_REQUIREMENTS,
  randomRoster,
  seededRandom,
  zergRosterInstance,
} from './fixtures.js';
import { greedySquad, optimizeSquad } from './index.js';
import { relativeGap } from './optimizer.js';
import type {
  CandidateOption,
  LockedMember,
  OptimizerProgressEvent,
  OptimizerRequirement,
  RosterPlayer,
  SquadOptimizationInput,
  SquadPlan,
} from './index.js';

function expectValidPlan(input: SquadOptimizationInput, plan: SquadPlan): void {
  const groups = subgroupCount(input.size);
  expect(plan.subgroups).toHaveLength(groups);
  expect(plan.assignments.length).toBeLessThanOrEqual(input.size);
  for (const subgroup of plan.subgroups) {
    expect(subgroup.members.length).toBeLessThanOrEqual(SUBGROUP_SIZE);
  }
  expect(plan.assignments.map((a) => a.slot)).toEqual(plan.assignments.map((_, i) => i + 1));
  if (input.pool.kind === 'ROSTER') {
    const ids = plan.assignments.map((a) => a.playerId);
    expect(new Set(ids).size).toBe(ids.length);
    const players = new Map(input.pool.players.map((p) => [p.id, p]));
    for (const assignment of plan.assignments) {
      const player = players.get(assignment.playerId ?? '');
      const option = player?.options.find((o) => o.buildId === assignment.buildId);
      expect(option).toBeDefined();
      expect([...assignment.provides].sort()).toEqual([...(option?.provides ?? [])].sort());
    }
  }
  for (const lock of input.locked ?? []) {
    const kept = plan.assignments.filter(
      (a) =>
        a.locked &&
        a.subgroup === lock.subgroup &&
        (lock.playerId === undefined || a.playerId === lock.playerId) &&
        (lock.optionBuildId === undefined || a.buildId === lock.optionBuildId),
    );
    expect(kept.length).toBeGreaterThan(0);
  }
  for (const [spec, cap] of Object.entries(input.preferences?.maxPerSpecialization ?? {})) {
    expect(plan.assignments.filter((a) => a.specialization === spec).length).toBeLessThanOrEqual(
      cap,
    );
  }
}

const withoutTiming = (plan: SquadPlan) => ({ ...plan, solveTimeMs: 0 });
const subgroupHas = (plan: SquadPlan, capability: Capability) =>
  plan.subgroups.map((s) => s.provides.includes(capability));

function zergMeta(overrides: Partial<SquadOptimizationInput> = {}): SquadOptimizationInput {
  return {
    gameMode: 'ZERG',
    size: 50,
    requirements: ZERG_REQUIREMENTS,
    pool: { kind: 'META', options: ZERG_META_POOL },
    ...overrides,
  };
}

describe('optimizeSquad on a meta pool', () => {
  it('gives every zerg subgroup a stability source and a healer', async () => {
    const plan = await optimizeSquad(zergMeta());
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.mipGap).toBe(0);
    expect(plan.assignments).toHaveLength(50);
    expect(plan.subgroups.map((s) => s.members.length)).toEqual(new Array(10).fill(5));
    expect(subgroupHas(plan, 'STABILITY')).toEqual(new Array(10).fill(true));
    expect(subgroupHas(plan, 'HEALING')).toEqual(new Array(10).fill(true));
    expect(plan.assignments.every((a) => a.playerId === null)).toBe(true);
    expect(plan.gaps).toEqual([]);
    expect(plan.score.coveredSources).toBe(plan.score.requiredSources);
    expect(plan.model).toMatchObject({ formulation: 'PATTERN' });
    expect(plan.model.cols).toBeGreaterThan(0);
  });

  it('covers quickness, alacrity and healing in both raid subgroups', async () => {
    const requirements: OptimizerRequirement[] = (
      ['QUICKNESS', 'ALACRITY', 'HEALING'] as const
    ).map((capability) => ({
      capability,
      scope: 'SUBGROUP',
      minSources: 1,
      weight: 10,
      label: capability.toLowerCase(),
    }));
    const plan = await optimizeSquad({
      gameMode: 'RAID',
      size: 10,
      requirements,
      pool: { kind: 'META', options: RAID_META_POOL },
    });
    expect(subgroupHas(plan, 'QUICKNESS')).toEqual([true, true]);
    expect(subgroupHas(plan, 'ALACRITY')).toEqual([true, true]);
    expect(subgroupHas(plan, 'HEALING')).toEqual([true, true]);
    expect(plan.assignments).toHaveLength(10);
  });

  it('respects a specialization limit and still covers stability with heralds', async () => {
    const input = zergMeta({ preferences: { maxPerSpecialization: { Firebrand: 3 } } });
    const plan = await optimizeSquad(input);
    expectValidPlan(input, plan);
    expect(subgroupHas(plan, 'STABILITY')).toEqual(new Array(10).fill(true));
    expect(
      plan.assignments.filter((a) => a.specialization === 'Herald').length,
    ).toBeGreaterThanOrEqual(7);
  });

  it('keeps locked meta options where they were locked', async () => {
    const locked: LockedMember[] = [
      { optionBuildId: 'reaper-dps', subgroup: 3 },
      { optionBuildId: 'reaper-dps', subgroup: 3 },
      { roleKey: 'stab', subgroup: 7 },
    ];
    const input = zergMeta({ locked });
    const plan = await optimizeSquad(input);
    expectValidPlan(input, plan);
    const lockedOnes = plan.assignments.filter((a) => a.locked);
    expect(lockedOnes.map((a) => [a.subgroup, a.buildId])).toEqual([
      [3, 'reaper-dps'],
      [3, 'reaper-dps'],
      [7, 'fb-stab'],
    ]);
    expect(plan.gaps).toEqual([]);
  });
});

describe('optimizeSquad on a roster', () => {
  const player = (id: string, ...options: CandidateOption[]): RosterPlayer => ({
    id,
    name: id,
    options,
  });
  const build = (buildId: string, provides: Capability[], priority = 0): CandidateOption => ({
    buildId,
    label: buildId,
    specialization: buildId.split('-')[0] ?? buildId,
    roleKey: 'role',
    provides,
    priority,
  });

  it('names the stability gaps of a roster that cannot provide stability, without failing', async () => {
    const players = Array.from({ length: 12 }, (_, i) =>
      player(`p${i}`, build(`Scrapper-${i}`, ['HEALING', 'CONDITION_CLEANSE'])),
    );
    const plan = await optimizeSquad({
      gameMode: 'HAVOC',
      size: 15,
      requirements: [
        {
          capability: 'STABILITY',
          scope: 'SUBGROUP',
          minSources: 1,
          weight: 10,
          label: 'stability source',
        },
        {
          capability: 'BOON_STRIP',
          scope: 'SQUAD',
          minSources: 2,
          weight: 5,
          label: 'boon stripper',
        },
      ],
      pool: { kind: 'ROSTER', players },
    });
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.assignments).toHaveLength(12);
    expect(plan.gaps.map((gap) => gap.message)).toEqual([
      'Subgroup 1 has no stability source',
      'Subgroup 2 has no stability source',
      'Subgroup 3 has no stability source',
      'The squad has no boon strip source',
    ]);
    expect(plan.gaps[0]).toMatchObject({
      capability: 'STABILITY',
      scope: 'SUBGROUP',
      subgroup: 1,
      present: 0,
    });
  });

  it('says how many sources a partly covered requirement has', async () => {
    const plan = await optimizeSquad({
      gameMode: 'FRACTALS',
      size: 5,
      requirements: [
        { capability: 'HEALING', scope: 'SQUAD', minSources: 2, weight: 1, label: 'healer' },
      ],
      pool: {
        kind: 'ROSTER',
        players: [
          player('a', build('Druid-a', ['HEALING'])),
          player('b', build('Weaver-b', ['DAMAGE'])),
        ],
      },
    });
    expect(plan.gaps.map((gap) => gap.message)).toEqual(['The squad has 1 of 2 healers']);
  });

  it('follows weight overrides when one player must choose between two roles', async () => {
    const requirements: OptimizerRequirement[] = [
      {
        capability: 'STABILITY',
        scope: 'SUBGROUP',
        minSources: 1,
        weight: 10,
        label: 'stability source',
      },
      { capability: 'HEALING', scope: 'SUBGROUP', minSources: 1, weight: 5, label: 'healer' },
    ];
    const input: SquadOptimizationInput = {
      gameMode: 'ROAMING',
      size: 1,
      requirements,
      pool: {
        kind: 'ROSTER',
        players: [
          player('solo', build('Firebrand-stab', ['STABILITY']), build('Druid-heal', ['HEALING'])),
        ],
      },
    };
    expect((await optimizeSquad(input)).assignments[0]?.buildId).toBe('Firebrand-stab');
    const healingFirst = await optimizeSquad({
      ...input,
      preferences: { weights: { HEALING: 20 } },
    });
    expect(healingFirst.assignments[0]?.buildId).toBe('Druid-heal');
  });

  it('uses option priority only to break ties', async () => {
    const plan = await optimizeSquad({
      gameMode: 'ROAMING',
      size: 1,
      requirements: [
        {
          capability: 'STABILITY',
          scope: 'SQUAD',
          minSources: 1,
          weight: 1,
          label: 'stability source',
        },
      ],
      pool: {
        kind: 'ROSTER',
        players: [
          player('a', build('Herald-a', ['DAMAGE'], 9), build('Firebrand-a', ['STABILITY'])),
          player('b', build('Herald-b', ['STABILITY']), build('Firebrand-b', ['STABILITY'], 2)),
        ],
      },
    });
    expect(plan.assignments.map((a) => a.buildId)).toEqual(['Firebrand-b']);
  });

  it('reports progress: model built, greedy incumbent first, proof last', async () => {
    const events: OptimizerProgressEvent[] = [];
    const plan = await optimizeSquad(zergRosterInstance(3), {
      onProgress: (event) => events.push(event),
    });
    expect(events[0]).toMatchObject({ phase: 'INCUMBENT_FOUND', source: 'GREEDY' });
    expect(events.map((e) => e.phase)).toContain('MODEL_BUILT');
    expect(events.at(-1)).toMatchObject({
      phase: 'PROVEN_OPTIMAL',
      objective: plan.objectiveValue,
      gap: 0,
    });
    const incumbents = events.filter((e) => e.phase === 'INCUMBENT_FOUND').map((e) => e.objective);
    expect(incumbents).toEqual([...new Set(incumbents)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const times = events.map((e) => e.elapsedMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is never worse than greedy and reports a valid plan under a tiny time limit', async () => {
    const input = zergRosterInstance(5);
    const plan = await optimizeSquad(input, { timeLimitMs: 1 });
    expectValidPlan(input, plan);
    expect(['OPTIMAL', 'TIME_LIMIT', 'HEURISTIC']).toContain(plan.status);
    expect(plan.objectiveValue).toBeGreaterThanOrEqual(greedySquad(input).objectiveValue);
  });
});

/** A random roster instance with a few valid locks. */
function lockedRosterInstance(seed: number): SquadOptimizationInput {
  const random = seededRandom(seed);
  const zerg = random() < 0.5;
  const size = zerg ? 20 + Math.floor(random() * 31) : 5 + Math.floor(random() * 6);
  const players = randomRoster(
    {
      players: zerg ? 25 + Math.floor(random() * 40) : 6 + Math.floor(random() * 8),
      minOptions: 1,
      maxOptions: 3,
      pool: zerg ? ZERG_META_POOL : RAID_META_POOL,
      dpsShare: 0.5,
    },
    seed,
  );
  const groups = subgroupCount(size);
  const locked: LockedMember[] = players
    .filter(() => random() < 0.08)
    .slice(0, 4)
    .map((p) => ({
      playerId: p.id,
      optionBuildId: p.options[0]?.buildId,
      subgroup: 1 + Math.floor(random() * groups),
    }));
  return {
    gameMode: zerg ? 'ZERG' : 'RAID',
    size,
    requirements: zerg ? ZERG_REQUIREMENTS : ZERG_REQUIREMENTS.slice(0, 2),
    pool: { kind: 'ROSTER', players },
    locked,
    preferences: random() < 0.3 ? { maxPerSpecialization: { Scrapper: 2 } } : {},
  };
}

describe('plan invariants on random rosters', () => {
  it('fits subgroups, places each player once, keeps locks, beats greedy, and is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const input = lockedRosterInstance(seed);
        const plan = await optimizeSquad(input, { timeLimitMs: 30_000 });
        expectValidPlan(input, plan);
        expect(plan.status).toBe('OPTIMAL');
        expect(plan.objectiveValue).toBeGreaterThanOrEqual(greedySquad(input).objectiveValue);
        const players = input.pool.kind === 'ROSTER' ? input.pool.players.length : 0;
        if (!input.preferences?.maxPerSpecialization) {
          expect(plan.assignments).toHaveLength(Math.min(input.size, players));
        }
        const again = await optimizeSquad(input, { timeLimitMs: 30_000 });
        expect(withoutTiming(again)).toEqual(withoutTiming(plan));
      }),
      { numRuns: 15, seed: 3 },
    );
  });
});

describe('relativeGap', () => {
  it('is unknown (null) when HiGHS stopped before proving a finite bound', () => {
    // A time limit hit before any bound reports Infinity, which GraphQL's Float cannot carry.
    expect(relativeGap(100, Number.POSITIVE_INFINITY)).toBeNull();
    expect(relativeGap(100, Number.NaN)).toBeNull();
    expect(relativeGap(100, null)).toBeNull();
  });

  it('is the distance to the bound relative to the objective', () => {
    expect(relativeGap(100, 110)).toBeCloseTo(0.1);
    expect(relativeGap(100, 100)).toBe(0);
  });
});
