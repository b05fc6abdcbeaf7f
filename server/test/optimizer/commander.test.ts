/**
 * optimizeSquad as a commander uses it: real chat codes whose roles come from the codes, the
 * players' current subgroups, the Optimize panel's options, and the explanation of the plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { realCode } from './plan.documents.js';

const EXPLAINED = /* GraphQL */ `
  query Explained($input: OptimizeSquadInput!) {
    optimizeSquad(input: $input) {
      status
      score {
        objective
        balanceObjective
        balancePenalty
      }
      assignments {
        playerName
        subgroup
        roleKey
      }
      explanation {
        objectiveOrder
        sizes
        sizesBefore
        summary
        subgroups {
          subgroup
          inUse
          size
          covered
          missing
          members {
            playerName
            brings {
              capability
              scope
              requirement
              status
            }
          }
        }
        moves {
          playerName
          from
          to
          reason
          requirements
          text
        }
        uncovered {
          capability
          subgroup
          message
          text
          suggestions {
            kind
            specialization
            roleKey
            text
          }
        }
      }
    }
  }
`;

interface Explained {
  optimizeSquad: {
    status: string;
    score: { objective: number; balanceObjective: number; balancePenalty: number };
    assignments: Array<{ playerName: string; subgroup: number; roleKey: string }>;
    explanation: {
      objectiveOrder: string[];
      sizes: number[];
      sizesBefore: number[] | null;
      summary: string[];
      subgroups: Array<{
        subgroup: number;
        inUse: boolean;
        size: number;
        covered: string[];
        missing: string[];
        members: Array<{
          playerName: string;
          brings: Array<{ capability: string; scope: string; requirement: string; status: string }>;
        }>;
      }>;
      moves: Array<{
        playerName: string;
        from: number | null;
        to: number | null;
        reason: string;
        requirements: string[];
        text: string;
      }>;
      uncovered: Array<{
        capability: string;
        subgroup: number | null;
        message: string;
        text: string;
        suggestions: Array<{ kind: string; specialization: string; roleKey: string; text: string }>;
      }>;
    };
  };
}

/** The team: six real builds in a zerg of 15, five of them in subgroup 1. */
const ROSTER = [
  { playerName: 'Fira', chatCodes: [realCode('Heal Firebrand')], currentSubgroup: 1 },
  {
    playerName: 'Spell',
    chatCodes: [realCode('Power Spellbreaker (Snow Crows)')],
    currentSubgroup: 1,
  },
  {
    playerName: 'Scour',
    chatCodes: [realCode('Condition Scourge (Snow Crows)')],
    currentSubgroup: 1,
  },
  { playerName: 'Reap', chatCodes: [realCode('Power Reaper (Snow Crows)')], currentSubgroup: 1 },
  { playerName: 'Bers', chatCodes: [realCode('Power Berserker (Snow Crows)')], currentSubgroup: 1 },
  {
    playerName: 'Harb',
    chatCodes: [realCode('Power Quickness Harbinger (Snow Crows)')],
    currentSubgroup: 2,
  },
];
const SUPPORTS = ['Fira', 'Spell', 'Scour'];

describe('optimizeSquad for a commander', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_GLOBAL_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await server.close();
  });

  async function optimize(input: Record<string, unknown>) {
    return server.graphql<Explained>(EXPLAINED, { input });
  }
  async function plan(input: Record<string, unknown>) {
    const result = await optimize(input);
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.optimizeSquad;
  }
  const zerg = (extra: Record<string, unknown> = {}) => ({
    gameMode: 'ZERG',
    size: 15,
    pool: 'ROSTER',
    roster: ROSTER,
    ...extra,
  });
  const subgroupOf = (result: Explained['optimizeSquad'], name: string) =>
    result.assignments.find((a) => a.playerName === name)?.subgroup;

  it('balances six real builds 2/2/2 with the supports split, and explains every move', async () => {
    const result = await plan(zerg());
    expect(result.status).toBe('OPTIMAL');
    expect(result.assignments.map((a) => a.roleKey).sort()).toEqual(
      ['dps', 'dps', 'dps', 'dps-strip', 'dps-strip', 'stability-core'].sort(),
    );
    const { explanation } = result;
    expect(explanation.objectiveOrder).toEqual(['COVERAGE', 'FILL', 'BALANCE', 'PREFERENCES']);
    expect(explanation.sizesBefore).toEqual([5, 1, 0]);
    expect(explanation.sizes).toEqual([2, 2, 2]);
    expect(new Set(SUPPORTS.map((name) => subgroupOf(result, name))).size).toBe(3);
    for (const move of explanation.moves) {
      expect(move.text).toMatch(
        new RegExp(`^${move.playerName} moves from subgroup ${move.from} to ${move.to}: `),
      );
    }
    const firebrand = explanation.subgroups
      .flatMap((s) => s.members)
      .find((m) => m.playerName === 'Fira');
    expect(firebrand?.brings).toContainEqual({
      capability: 'STABILITY',
      scope: 'SUBGROUP',
      requirement: 'a stability source',
      status: 'SOLE',
    });
    const healing = explanation.uncovered.find((u) => u.capability === 'HEALING');
    expect(healing?.suggestions.map((s) => s.specialization)).toContain('Scrapper');
    expect(healing?.text).toMatch(/would cover it\.$/);
    expect(explanation.summary[1]).toBe('6 members in 3 subgroups of 2/2/2 (before: 5/1/0).');
  });

  it('keeps listed players together, fills only N subgroups, and takes a balance weight', async () => {
    const together = await plan(zerg({ preferences: { keepTogether: [['fira', 'Spell']] } }));
    expect(subgroupOf(together, 'Fira')).toBe(subgroupOf(together, 'Spell'));
    const two = await plan(zerg({ preferences: { maxSubgroups: 2 } }));
    expect(two.explanation.sizes).toEqual([3, 3]);
    expect(two.explanation.subgroups[2]).toMatchObject({ inUse: false, size: 0 });
    const unbalanced = await plan(zerg({ preferences: { balanceWeight: 0 } }));
    expect(unbalanced.score.objective).toBe(together.score.objective);
  });

  it('lets a player choose the role a build plays', async () => {
    const result = await plan({
      gameMode: 'RAID',
      size: 10,
      pool: 'ROSTER',
      roster: [
        {
          playerName: 'Amal',
          chatCodes: [realCode('Power (Alac) Amalgam')],
          roleKey: 'heal-alacrity',
        },
        { playerName: 'Rene', chatCodes: [realCode('Power Alac Renegade')] },
      ],
    });
    expect(result.assignments.find((a) => a.playerName === 'Amal')?.roleKey).toBe('heal-alacrity');
    expect(result.assignments.find((a) => a.playerName === 'Rene')?.roleKey).toBe('alacrity-dps');
  });

  it('refuses options out of range with the field to blame', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        zerg({ preferences: { balanceWeight: 2 } }),
        'input.preferences.balanceWeight',
        'INVALID_PREFERENCE',
      ],
      [
        zerg({ preferences: { maxSubgroups: 4 } }),
        'input.preferences.maxSubgroups',
        'INVALID_PREFERENCE',
      ],
      [
        zerg({ preferences: { keepTogether: [['Fira', 'Nobody']] } }),
        'input.preferences.keepTogether[0][1]',
        'INVALID_TOGETHER',
      ],
      [
        zerg({ roster: [{ ...ROSTER[0], currentSubgroup: 9 }] }),
        'input.roster',
        'INVALID_CURRENT_SUBGROUP',
      ],
      [
        zerg({
          preferences: { keepTogether: [['Fira', 'Spell']] },
          locked: [
            { playerName: 'Fira', subgroup: 1 },
            { playerName: 'Spell', subgroup: 2 },
          ],
        }),
        'input.locked',
        'LOCKS_SPLIT_TOGETHER',
      ],
    ];
    for (const [input, field, reason] of cases) {
      const result = await optimize(input);
      expect(result.body.errors?.[0]?.extensions, reason).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        reason,
      });
    }
  });
});
