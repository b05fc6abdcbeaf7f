import { describe, expect, it } from 'vitest';
import {
  MetaAggregator,
  MAX_PREFERENCE_WEIGHT,
  preferenceWeights,
  publicMeta,
  weightLookup,
} from './index.js';
import type { Capability } from '../model.js';
import type { EliteRoleShare, OwnerFacts, TeamMemberFact } from './types.js';

const HEAL_QUICKNESS: Capability[] = [
  'HEALING',
  'QUICKNESS',
  'MIGHT',
  'FURY',
  'REGENERATION',
  'PROTECTION',
  'SWIFTNESS',
];
const fb = { specialization: 'Firebrand', roleKey: 'heal-quickness' };
const weaver = { specialization: 'Weaver', roleKey: 'dps' };
const tempest = { specialization: 'Tempest', roleKey: 'alacrity-dps' };
const member = (
  pair: { specialization: string; roleKey: string },
  subgroup: number,
  provides: Capability[],
): TeamMemberFact => ({ ...pair, subgroup, provides });

/** Three players; the expected numbers below are worked out by hand in the comments. */
const players: OwnerFacts[] = [
  {
    builds: [{ modes: [{ gameMode: 'RAID', ...fb }] }],
    teams: [
      {
        gameMode: 'RAID',
        size: 10,
        members: [
          member(fb, 1, HEAL_QUICKNESS),
          member(tempest, 1, ['ALACRITY', 'DAMAGE']),
          member(weaver, 1, ['DAMAGE']),
          member(weaver, 2, ['DAMAGE']),
        ],
      },
      // Empty teams say nothing of what is played.
      { gameMode: 'RAID', size: 10, members: [] },
    ],
    plans: [],
    aiJobs: [],
  },
  {
    builds: [
      { modes: [{ gameMode: 'RAID', ...fb }] },
      {
        modes: [
          { gameMode: 'RAID', ...weaver },
          { gameMode: 'FRACTALS', ...weaver },
        ],
      },
      { modes: [] },
    ],
    teams: [
      {
        gameMode: 'RAID',
        size: 5,
        members: [member(fb, 1, HEAL_QUICKNESS), member(weaver, 1, ['DAMAGE'])],
      },
    ],
    plans: [
      {
        gameMode: 'RAID',
        source: 'OPTIMIZER',
        outcome: 'APPLIED',
        rating: 1,
        members: [fb, weaver, weaver],
      },
    ],
    aiJobs: [],
  },
  {
    builds: [{ modes: [{ gameMode: 'RAID', ...tempest }] }],
    teams: [],
    plans: [
      {
        gameMode: 'RAID',
        source: 'ASSISTANT',
        outcome: 'DISCARDED',
        rating: -1,
        members: [tempest],
      },
    ],
    aiJobs: [{ kind: 'COMPOSE_SQUAD', source: 'LLM', status: 'SUCCEEDED', rating: 1 }],
  },
];

function aggregate(facts: readonly OwnerFacts[], minSample = 2) {
  const aggregator = new MetaAggregator();
  for (const owner of facts) aggregator.addOwner(owner);
  return aggregator.finish({ minSample });
}

describe('MetaAggregator on a fixed dataset', () => {
  const result = aggregate(players);
  const raid = result.modes.find((m) => m.gameMode === 'RAID')!;

  it('counts players, builds without a mode, and the modes in GAME_MODES order', () => {
    expect(result.owners).toBe(3);
    expect(result.buildsWithoutMode).toBe(1);
    expect(result.skippedTeams).toBe(0);
    expect(result.modes.map((m) => m.gameMode)).toEqual(['FRACTALS', 'RAID']);
    expect(raid).toMatchObject({ builds: 4, teams: 2, members: 6, owners: 3 });
  });

  it('shares elite/role pairs over saved builds and team slots, with their players and verdicts', () => {
    // Firebrand: 2 builds + 2 slots, Weaver: 1 + 3, Tempest: 1 + 1 → 4, 4, 2 of 10.
    expect(raid.eliteRoles).toEqual([
      { ...fb, builds: 2, teamSlots: 2, owners: 2, share: 0.4, positive: 1, negative: 0 },
      { ...weaver, builds: 1, teamSlots: 3, owners: 2, share: 0.4, positive: 1, negative: 0 },
      { ...tempest, builds: 1, teamSlots: 1, owners: 2, share: 0.2, positive: 0, negative: 1 },
    ]);
  });

  it('fills subgroups from the coverage core: members, roles and requirements per subgroup', () => {
    expect(raid.subgroups).toEqual([
      {
        subgroup: 1,
        teams: 2,
        members: 5,
        owners: 2,
        fillRate: 0.5,
        roles: [
          { roleKey: 'dps', members: 2, owners: 2, share: 0.4 },
          { roleKey: 'heal-quickness', members: 2, owners: 2, share: 0.4 },
          { roleKey: 'alacrity-dps', members: 1, owners: 1, share: 0.2 },
        ],
        requirements: [
          { capability: 'ALACRITY', covered: 1, owners: 2, rate: 0.5 },
          { capability: 'FURY', covered: 2, owners: 2, rate: 1 },
          { capability: 'MIGHT', covered: 2, owners: 2, rate: 1 },
          { capability: 'QUICKNESS', covered: 2, owners: 2, rate: 1 },
          { capability: 'HEALING', covered: 2, owners: 2, rate: 1 },
        ],
      },
      {
        subgroup: 2,
        teams: 1,
        members: 1,
        owners: 1,
        fillRate: 0.2,
        roles: [{ roleKey: 'dps', members: 1, owners: 1, share: 1 }],
        requirements: ['ALACRITY', 'FURY', 'MIGHT', 'QUICKNESS', 'HEALING'].map((capability) => ({
          capability,
          covered: 0,
          owners: 1,
          rate: 0,
        })),
      },
    ]);
  });

  it('ranks the requirements real teams leave uncovered', () => {
    expect(raid.missing).toEqual([
      { capability: 'ALACRITY', scope: 'SUBGROUP', teams: 2, gaps: 2, owners: 2, rate: 1 },
      ...['FURY', 'MIGHT', 'QUICKNESS', 'HEALING'].map((capability) => ({
        capability,
        scope: 'SUBGROUP',
        teams: 1,
        gaps: 1,
        owners: 1,
        rate: 0.5,
      })),
    ]);
  });

  it('rates plans by source, and counts the assistant jobs and their thumbs', () => {
    expect(raid.acceptance).toEqual([
      {
        source: 'OPTIMIZER',
        proposed: 1,
        applied: 1,
        discarded: 0,
        thumbsUp: 1,
        thumbsDown: 0,
        owners: 1,
        rate: 1,
      },
      {
        source: 'ASSISTANT',
        proposed: 1,
        applied: 0,
        discarded: 1,
        thumbsUp: 0,
        thumbsDown: 1,
        owners: 1,
        rate: 0,
      },
    ]);
    expect(result.assistant).toEqual([
      {
        kind: 'COMPOSE_SQUAD',
        source: 'LLM',
        jobs: 1,
        succeeded: 1,
        thumbsUp: 1,
        thumbsDown: 0,
        owners: 1,
      },
    ]);
  });

  it('derives capped weights: popularity × 2 × approval, times 5, rounded', () => {
    // Firebrand, Weaver: 5 × 1 × 2 × 2/3 = 6.7 → capped at 5. Tempest: 5 × 0.5 × 2 × 1/3 = 1.7 → 2.
    expect(raid.weights).toEqual([
      { ...fb, weight: 5, popularity: 1, approval: 2 / 3 },
      { ...weaver, weight: 5, popularity: 1, approval: 2 / 3 },
      { ...tempest, weight: 2, popularity: 0.5, approval: 1 / 3 },
    ]);
    // One player's Weaver in fractals is below the privacy threshold of 2: no weight.
    expect(result.modes[0]!.weights).toEqual([]);
  });

  it('does not depend on the order players are read in', () => {
    expect(aggregate([...players].reverse())).toEqual(result);
    expect(aggregate([players[1]!, players[2]!, players[0]!])).toEqual(result);
  });

  it('skips a team the coverage core refuses instead of failing the run', () => {
    const broken = aggregate([
      {
        builds: [],
        teams: [{ gameMode: 'RAID', size: 5, members: [member(fb, 3, HEAL_QUICKNESS)] }],
        plans: [],
        aiJobs: [],
      },
    ]);
    expect(broken.skippedTeams).toBe(1);
    expect(broken.modes).toEqual([]);
  });
});

describe('publicMeta (privacy threshold)', () => {
  const result = aggregate(players);

  it('hides every aggregate fewer than minSample players contributed to', () => {
    const raid = publicMeta(
      result.modes.find((m) => m.gameMode === 'RAID')!,
      2,
    );
    expect(raid.enoughData).toBe(true);
    expect(raid.eliteRoles).toHaveLength(3);
    expect(raid.subgroups.map((s) => s.subgroup)).toEqual([1]);
    expect(raid.subgroups[0]!.roles.map((r) => r.roleKey)).toEqual(['dps', 'heal-quickness']);
    expect(raid.missing.map((m) => m.capability)).toEqual(['ALACRITY']);
    expect(raid.acceptance).toEqual([]);
    // Subgroup 2, the alacrity-dps role of subgroup 1, 4 missing requirements, 2 plan sources.
    expect(raid.hidden).toBe(8);
    expect(raid.otherShare).toBe(0);
  });

  it('shows nothing of a mode fewer than minSample players contributed to', () => {
    const fractals = publicMeta(
      result.modes.find((m) => m.gameMode === 'FRACTALS')!,
      2,
    );
    expect(fractals).toMatchObject({ enoughData: false, builds: 0, owners: 0, eliteRoles: [] });
    const raid = publicMeta(
      result.modes.find((m) => m.gameMode === 'RAID')!,
      4,
    );
    expect(raid.enoughData).toBe(false);
  });

  it('reports the share of the hidden pairs as one "other" share', () => {
    const raid = publicMeta(
      aggregate(players, 3).modes.find((m) => m.gameMode === 'RAID')!,
      3,
    );
    expect(raid.eliteRoles).toEqual([]);
    expect(raid.otherShare).toBe(1);
  });
});

describe('preferenceWeights', () => {
  const pair = (over: Partial<EliteRoleShare>): EliteRoleShare => ({
    specialization: 'Firebrand',
    roleKey: 'heal-quickness',
    builds: 0,
    teamSlots: 0,
    owners: 10,
    share: 0,
    positive: 0,
    negative: 0,
    ...over,
  });

  it('never exceeds the cap, however popular or approved', () => {
    const weights = preferenceWeights(
      [
        pair({ builds: 10_000, positive: 10_000 }),
        pair({ specialization: 'Druid', roleKey: 'heal-alacrity', builds: 1 }),
      ],
      5,
    );
    expect(weights.map((w) => w.weight)).toEqual([MAX_PREFERENCE_WEIGHT, 0]);
  });

  it('gives no weight to unknown roles or pairs below the privacy threshold', () => {
    expect(
      preferenceWeights([pair({ roleKey: null, builds: 9 }), pair({ builds: 9, owners: 4 })], 5),
    ).toEqual([]);
  });

  it('looks weights up by specialization and role, 0 when absent', () => {
    const lookup = weightLookup(preferenceWeights([pair({ builds: 3 })], 5));
    expect(lookup('Firebrand', 'heal-quickness')).toBe(5);
    expect(lookup('Firebrand', 'quickness-dps')).toBe(0);
  });
});
