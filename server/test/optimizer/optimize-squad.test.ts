import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { OPTIMIZE, REAL_CODES, realCode as code, type PlanResult } from './plan.documents.js';

/** Providers of `capability` in each subgroup's coverage. */
function providersPerSubgroup(plan: PlanResult['optimizeSquad'], capability: string): string[][] {
  return plan.coverage.subgroups.map(
    (subgroup) =>
      subgroup.capabilities
        .find((entry) => entry.capability === capability)
        ?.providers.map((provider) => provider.memberId) ?? [],
  );
}

describe('optimizeSquad', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { RATE_LIMIT_AI_PER_MINUTE: '1000', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  async function optimize(input: Record<string, unknown>, headers?: Record<string, string>) {
    return server.graphql<PlanResult>(OPTIMIZE, { input }, headers);
  }

  async function plan(input: Record<string, unknown>) {
    const result = await optimize(input);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.optimizeSquad;
  }

  it('zerg 50 from the meta pool gives every subgroup a stability source and a healer', async () => {
    const zerg = await plan({ gameMode: 'ZERG', size: 50, pool: 'META', timeLimitMs: 5000 });
    expect(zerg.assignments).toHaveLength(50);
    expect(zerg.subgroups.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(zerg.coverage.subgroups).toHaveLength(10);
    for (const providers of providersPerSubgroup(zerg, 'STABILITY')) {
      expect(providers.length).toBeGreaterThanOrEqual(1);
    }
    for (const providers of providersPerSubgroup(zerg, 'HEALING')) {
      expect(providers.length).toBeGreaterThanOrEqual(1);
    }
    expect(
      zerg.gaps.filter((g) => g.capability === 'STABILITY' || g.capability === 'HEALING'),
    ).toEqual([]);
    // META plans name slots, not players or saved builds.
    for (const assignment of zerg.assignments) {
      expect(assignment).toMatchObject({ playerName: null, buildId: null, chatCode: null });
      expect(assignment.profession).not.toBe('');
    }
    expect(['OPTIMAL', 'TIME_LIMIT', 'HEURISTIC']).toContain(zerg.status);
    expect(zerg.solveTimeMs).toBeGreaterThan(0);
  });

  it('raid 10 from the meta pool gives each subgroup quickness and alacrity', async () => {
    const raid = await plan({ gameMode: 'RAID', size: 10, timeLimitMs: 10_000 });
    expect(raid.status).toBe('OPTIMAL');
    expect(raid.mipGap).toBe(0);
    expect(raid.subgroups).toHaveLength(2);
    for (const subgroup of raid.subgroups) {
      expect(subgroup.members).toHaveLength(5);
      expect(subgroup.provides).toEqual(expect.arrayContaining(['QUICKNESS', 'ALACRITY']));
    }
    expect(raid.gaps.filter((g) => ['QUICKNESS', 'ALACRITY'].includes(g.capability))).toEqual([]);
    expect(raid.score.filledSlots).toBe(10);
  });

  it('a chat-code roster without any stability source gets a plan and named stability gaps', async () => {
    const names = [
      'Power Dragonhunter',
      'Banner Berserker',
      'Power Soulbeast',
      'Power Daredevil',
      'Power Weaver',
      'Power Virtuoso',
    ];
    const zerg = await plan({
      gameMode: 'ZERG',
      size: 10,
      pool: 'ROSTER',
      roster: names.map((name) => ({ playerName: name.split(' ')[1], chatCodes: [code(name)] })),
    });
    expect(zerg.assignments).toHaveLength(6);
    for (const assignment of zerg.assignments) {
      expect(assignment.playerName).not.toBeNull();
      expect(assignment.buildId).toBeNull();
      expect(assignment.chatCode).toMatch(/^\[&DQ/);
      expect(assignment.provides).not.toContain('STABILITY');
    }
    const stabilityGaps = zerg.gaps.filter((gap) => gap.capability === 'STABILITY');
    expect(stabilityGaps.map((gap) => [gap.subgroup, gap.scope, gap.message])).toEqual([
      [1, 'SUBGROUP', 'Subgroup 1 has no stability source'],
      [2, 'SUBGROUP', 'Subgroup 2 has no stability source'],
    ]);
    // The coverage report names the same gaps, with players as member ids.
    expect(zerg.coverage.gaps.filter((gap) => gap.capability === 'STABILITY')).toHaveLength(2);
    expect(zerg.coverage.subgroups.flatMap((s) => s.memberIds).sort()).toEqual(
      names.map((name) => name.split(' ')[1]).sort(),
    );
  });

  it('plays chat codes in the role the squad needs and keeps a locked member where it was put', async () => {
    const roster = [
      { playerName: 'Ber', chatCodes: [code('Banner Berserker')] },
      { playerName: 'Amal', chatCodes: [code('Power (Alac) Amalgam')] },
      { playerName: 'Rene', chatCodes: [code('Power Alac Renegade')] },
      { playerName: 'Ritu', chatCodes: [code('Power (Quick) Ritualist')] },
      { playerName: 'Dh', chatCodes: [code('Power Dragonhunter')] },
      { playerName: 'Weav', chatCodes: [code('Power Weaver')] },
    ];
    const raid = await plan({
      gameMode: 'RAID',
      size: 10,
      pool: 'ROSTER',
      roster,
      locked: [{ playerName: 'ber', roleKey: 'heal-quickness', subgroup: 2 }],
    });
    const berserker = raid.assignments.find((a) => a.playerName === 'Ber');
    expect(berserker).toMatchObject({
      subgroup: 2,
      locked: true,
      roleKey: 'heal-quickness',
      specialization: 'Berserker',
      profession: 'Warrior',
      chatCode: code('Banner Berserker'),
    });
    // Two quickness and two alacrity sources exist, so both subgroups get each.
    for (const subgroup of raid.subgroups) {
      expect(subgroup.provides).toEqual(expect.arrayContaining(['QUICKNESS', 'ALACRITY']));
    }
    expect(raid.assignments.filter((a) => !a.locked)).toHaveLength(5);
  });

  it('plans a player whose 10 builds offer 12 roles, dropping roles another of them beats', async () => {
    const names = [
      'Power Dragonhunter',
      'Banner Berserker',
      'Power (Alac) Amalgam',
      'Power Soulbeast',
      'Ranger with weapons and skill variants',
      'Soulbeast (46-byte copy)',
      'Power Daredevil',
      'Power Weaver',
      'Weaver (46-byte copy)',
      'Power Virtuoso',
    ];
    const raid = await plan({
      gameMode: 'RAID',
      size: 5,
      pool: 'ROSTER',
      roster: [{ playerName: 'Flex', chatCodes: names.map(code) }],
      locked: [{ playerName: 'Flex', roleKey: 'heal-alacrity', subgroup: 1 }],
    });
    expect(raid.assignments).toEqual([
      expect.objectContaining({
        playerName: 'Flex',
        specialization: 'Amalgam',
        roleKey: 'heal-alacrity',
      }),
    ]);
  });

  it('answers preferences: at most one of a specialization in the meta plan', async () => {
    const raid = await plan({
      gameMode: 'RAID',
      size: 10,
      preferences: {
        maxPerSpecialization: [{ specialization: 'Firebrand', max: 0 }],
        weights: [{ capability: 'MIGHT', weight: 0 }],
      },
    });
    expect(raid.assignments.some((a) => a.specialization === 'Firebrand')).toBe(false);
    expect(raid.assignments).toHaveLength(10);
  });

  it('locks a meta role by specialization and role key', async () => {
    const raid = await plan({
      gameMode: 'RAID',
      size: 10,
      locked: [{ specialization: 'berserker', roleKey: 'quickness-dps', subgroup: 1 }],
    });
    expect(raid.assignments.filter((a) => a.locked)).toEqual([
      expect.objectContaining({
        specialization: 'Berserker',
        roleKey: 'quickness-dps',
        subgroup: 1,
      }),
    ]);
  });

  describe('limits answer BAD_USER_INPUT with the field', () => {
    const oneCode = code('Power Weaver');
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        '101 players',
        {
          gameMode: 'ZERG',
          size: 50,
          pool: 'ROSTER',
          roster: Array.from({ length: 101 }, (_, i) => ({
            playerName: `p${i}`,
            chatCodes: [oneCode],
          })),
        },
        'input.roster',
        'TOO_MANY_PLAYERS',
      ],
      [
        '11 builds for one player',
        {
          gameMode: 'ZERG',
          size: 10,
          pool: 'ROSTER',
          roster: [
            { playerName: 'ok', chatCodes: [oneCode] },
            {
              playerName: 'greedy',
              chatCodes: REAL_CODES.slice(0, 11).map((entry) => entry.code),
            },
          ],
        },
        'input.roster[1]',
        'TOO_MANY_OPTIONS',
      ],
      ['size 60 for ZERG', { gameMode: 'ZERG', size: 60 }, 'input.size', 'SIZE_OUT_OF_RANGE'],
      ['size 11 for RAID', { gameMode: 'RAID', size: 11 }, 'input.size', 'SIZE_OUT_OF_RANGE'],
      ['size 0', { gameMode: 'RAID', size: 0 }, 'input.size', 'SIZE_OUT_OF_RANGE'],
      [
        'a time limit of 20 s',
        { gameMode: 'RAID', size: 10, timeLimitMs: 20_000 },
        'input.timeLimitMs',
        'TIME_LIMIT_OUT_OF_RANGE',
      ],
      [
        'a player without builds',
        { gameMode: 'RAID', size: 10, pool: 'ROSTER', roster: [{ playerName: 'idle' }] },
        'input.roster[0]',
        'PLAYER_WITHOUT_OPTIONS',
      ],
      [
        'the same player twice',
        {
          gameMode: 'RAID',
          size: 10,
          pool: 'ROSTER',
          roster: [
            { playerName: 'Twin', chatCodes: [oneCode] },
            { playerName: 'twin ', chatCodes: [oneCode] },
          ],
        },
        'input.roster[1].playerName',
        'DUPLICATE_PLAYER',
      ],
      [
        'an undecodable chat code',
        {
          gameMode: 'RAID',
          size: 10,
          pool: 'ROSTER',
          roster: [{ playerName: 'a', chatCodes: [oneCode, '[&not-a-build]'] }],
        },
        'input.roster[0].chatCodes[1]',
        'NOT_BASE64',
      ],
      [
        'a lock outside the squad',
        { gameMode: 'RAID', size: 10, locked: [{ specialization: 'Firebrand', subgroup: 3 }] },
        'input.locked[0].subgroup',
        'LOCK_SUBGROUP_OUT_OF_RANGE',
      ],
      [
        'a lock on a player not in the roster',
        {
          gameMode: 'RAID',
          size: 10,
          pool: 'ROSTER',
          roster: [{ playerName: 'a', chatCodes: [oneCode] }],
          locked: [{ playerName: 'b', subgroup: 1 }],
        },
        'input.locked[0].playerName',
        'LOCK_UNKNOWN_PLAYER',
      ],
      [
        'an ambiguous meta lock',
        { gameMode: 'RAID', size: 10, locked: [{ specialization: 'Berserker', subgroup: 1 }] },
        'input.locked[0]',
        'LOCK_AMBIGUOUS_OPTION',
      ],
      [
        'an unknown specialization limit',
        {
          gameMode: 'RAID',
          size: 10,
          preferences: { maxPerSpecialization: [{ specialization: 'Chronomancerr', max: 1 }] },
        },
        'input.preferences.maxPerSpecialization[0].specialization',
        'UNKNOWN_SPECIALIZATION',
      ],
      [
        'a weight above 100',
        {
          gameMode: 'RAID',
          size: 10,
          preferences: { weights: [{ capability: 'MIGHT', weight: 101 }] },
        },
        'input.preferences.weights[0].weight',
        'INVALID_PREFERENCE',
      ],
      [
        'a roster given with the META pool',
        {
          gameMode: 'RAID',
          size: 10,
          pool: 'META',
          roster: [{ playerName: 'a', chatCodes: [oneCode] }],
        },
        'input.roster',
        'ROSTER_WITH_META_POOL',
      ],
    ];
    it.each(cases)('%s', async (_name, input, field, reason) => {
      const result = await optimize(input);
      expect(result.body.data).toBeNull();
      expect(result.body.errors).toHaveLength(1);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        reason,
      });
    });
  });

  it('asks anonymous callers to sign in before planning with saved builds', async () => {
    const result = await optimize({
      gameMode: 'RAID',
      size: 10,
      pool: 'ROSTER',
      roster: [{ playerName: 'a', buildIds: ['6f1c4a52-8a53-4f39-9d43-35a3b1c1c0de'] }],
    });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
