/**
 * Plans a commander would run: balanced subgroups, supports spread, the options of the Optimize
 * panel, and the explanation beside the plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import realCodes from '../codec/real-build-codes.json' with { type: 'json' };
import { decodeBuildCode } from '../codec/index.js';
import { capabilitiesFor } from '../coverage/index.js';
import { subgroupCount } from '../model.js';
import { inferRole } from '../roles/index.js';
import { ZERG_META_POOL, ZERG_REQUIREMENTS, randomRoster, seededRandom } from './fixtures.js';
import { modeRequirements, optimizeSquad, planForMode } from './index.js';
import type { CandidateOption, RosterPlayer, SquadOptimizationInput, SquadPlan } from './index.js';

/** A roster player playing a real chat code in WvW, with the role its code shows. */
function wvwPlayer(name: string, codeName: string, currentSubgroup: number | null): RosterPlayer {
  const entry = realCodes.codes.find((c) => c.name === codeName);
  if (!entry) throw new Error(`no real code ${codeName}`);
  const template = decodeBuildCode(entry.code);
  const inference = inferRole(template, 'WVW');
  const elite = inference.elite ?? template.profession.id;
  const traitIds = template.specializations.flatMap((line) =>
    line.majorTraitIds.filter((id): id is number => id !== null),
  );
  const option: CandidateOption = {
    buildId: codeName,
    label: `${name}: ${inference.role?.label ?? 'Traits only'}`,
    specialization: elite,
    roleKey: inference.role?.key ?? 'traits-only',
    provides: capabilitiesFor({
      ...(inference.role ? { eliteSpecialization: elite, roleKey: inference.role.key } : {}),
      traitIds,
      context: 'WVW',
    }),
  };
  return { id: name, name, options: [option], currentSubgroup };
}

/** The scenario: six real builds in a 15-player WvW team, five of them in subgroup 1. */
const SIX = [
  wvwPlayer('Fira', 'Heal Firebrand', 1),
  wvwPlayer('Spell', 'Power Spellbreaker (Snow Crows)', 1),
  wvwPlayer('Scour', 'Condition Scourge (Snow Crows)', 1),
  wvwPlayer('Reap', 'Power Reaper (Snow Crows)', 1),
  wvwPlayer('Bers', 'Power Berserker (Snow Crows)', 1),
  wvwPlayer('Harb', 'Power Quickness Harbinger (Snow Crows)', 2),
];
const SUPPORTS = ['Fira', 'Spell', 'Scour'];

const sizes = (plan: SquadPlan) => plan.subgroups.map((s) => s.members.length);
const subgroupOf = (plan: SquadPlan, player: string) =>
  plan.assignments.find((a) => a.playerId === player)?.subgroup;

describe('the commander’s scenario: six real builds, WvW zerg of 15', () => {
  it('reads the supports from the codes', () => {
    expect(SIX.map((p) => p.options[0]?.roleKey)).toEqual([
      'stability-core',
      'dps-strip',
      'dps-strip',
      'dps',
      'dps',
      'dps',
    ]);
  });

  it('yields 2/2/2 with one support in each subgroup, and says why', async () => {
    const { plan } = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
    });
    expect(plan.status).toBe('OPTIMAL');
    expect(sizes(plan)).toEqual([2, 2, 2]);
    expect(new Set(SUPPORTS.map((p) => subgroupOf(plan, p))).size).toBe(3);

    const { explanation } = plan;
    expect(explanation.objectiveOrder).toEqual(['COVERAGE', 'FILL', 'BALANCE', 'PREFERENCES']);
    expect(explanation.sizesBefore).toEqual([5, 1, 0]);
    expect(explanation.sizes).toEqual([2, 2, 2]);
    // Players already where the plan wants them stay; the others moved for a reason.
    for (const move of explanation.moves) {
      expect(['COVERS', 'BALANCE']).toContain(move.reason);
      expect(move.from).not.toBe(move.to);
    }
    const supportMoves = explanation.moves.filter((m) => SUPPORTS.includes(m.playerId));
    for (const move of supportMoves) {
      expect(move.reason).toBe('COVERS');
      expect(move.text).toMatch(
        /^\w+ moves from subgroup 1 to [23]: brings .+ to subgroup [23]\.$/,
      );
    }
    expect(explanation.moves.length).toBeLessThanOrEqual(4);
    // What each member brings to its subgroup.
    const fira = explanation.subgroups.flatMap((s) => s.members).find((m) => m.playerId === 'Fira');
    expect(fira?.brings.map((b) => [b.capability, b.status])).toEqual(
      expect.arrayContaining([['STABILITY', 'SOLE']]),
    );
    // Nobody heals: every subgroup's healing gap names who would cover it.
    const healing = explanation.uncovered.filter((u) => u.capability === 'HEALING');
    expect(healing.map((u) => u.subgroup)).toEqual([1, 2, 3]);
    expect(healing[0]?.suggestions.map((s) => s.specialization)).toEqual(
      expect.arrayContaining(['Scrapper']),
    );
    expect(healing[0]?.text).toMatch(/^Subgroup 1 has no healer: a .+ would cover it\.$/);
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });

  it('keeps listed players together and leaves the rest balanced', async () => {
    const { plan } = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
      preferences: { keepTogether: [['Fira', 'Spell']] },
    });
    expect(subgroupOf(plan, 'Fira')).toBe(subgroupOf(plan, 'Spell'));
    expect([...sizes(plan)].sort()).toEqual([2, 2, 2]);
  });

  it('fills only the subgroups it is told to', async () => {
    const { plan } = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
      preferences: { maxSubgroups: 2 },
    });
    expect(sizes(plan)).toEqual([3, 3, 0]);
    expect(plan.explanation.subgroups[2]).toMatchObject({ inUse: false, size: 0, covered: [] });
    expect(plan.gaps.every((gap) => gap.subgroup !== 3)).toBe(true);
  });

  it('balances nothing with a balance weight of 0, keeping coverage and fill', async () => {
    const balanced = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
    });
    const unbalanced = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
      preferences: { balanceWeight: 0 },
    });
    expect(unbalanced.plan.score.objective).toBe(balanced.plan.score.objective);
    expect(unbalanced.plan.score.balanceObjective).toBe(unbalanced.plan.score.secondary);
  });

  it('keeps a locked player where it was locked', async () => {
    const { plan } = await planForMode({
      gameMode: 'ZERG',
      size: 15,
      pool: { kind: 'ROSTER', players: SIX },
      locked: [{ playerId: 'Reap', subgroup: 3 }],
    });
    expect(subgroupOf(plan, 'Reap')).toBe(3);
    expect(sizes(plan)).toEqual([2, 2, 2]);
    expect(plan.explanation.moves.find((m) => m.playerId === 'Reap')?.reason).toBe('LOCKED');
  });
});

/** A roster smaller than the squad, so balance has room to matter. */
function smallRoster(seed: number): SquadOptimizationInput {
  const random = seededRandom(seed);
  const size = [10, 15, 20, 25, 30, 50][Math.floor(random() * 6)] ?? 15;
  const players = 2 + Math.floor(random() * (size - 2));
  return {
    gameMode: 'ZERG',
    size,
    requirements: random() < 0.5 ? ZERG_REQUIREMENTS : modeRequirements('ZERG'),
    pool: {
      kind: 'ROSTER',
      players: randomRoster(
        { players, minOptions: 1, maxOptions: 2, pool: ZERG_META_POOL, dpsShare: 0.5 },
        seed,
      ),
    },
  };
}

describe('balance invariants on random rosters', () => {
  it('never leaves a subgroup empty while another holds more than its share, and spreads supports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const input = smallRoster(seed);
        const plan = await optimizeSquad(input, { timeLimitMs: 10_000 });
        expect(plan.status).toBe('OPTIMAL');
        const counts = sizes(plan);
        const groups = subgroupCount(input.size);
        const share = Math.ceil(plan.assignments.length / groups);
        if (counts.includes(0)) expect(Math.max(...counts)).toBeLessThanOrEqual(share);
        // Supports spread: no member that adds nothing to its subgroup could cover a gap of another.
        for (const subgroup of plan.explanation.subgroups) {
          for (const member of subgroup.members) {
            const idle = member.brings.every((b) => b.scope === 'SQUAD' || b.status === 'EXTRA');
            if (!idle || subgroup.size === 0) continue;
            const provides = plan.assignments.find((a) => a.slot === member.slot)?.provides ?? [];
            const coverable = plan.gaps.filter(
              (gap) =>
                gap.scope === 'SUBGROUP' &&
                gap.subgroup !== subgroup.subgroup &&
                provides.includes(gap.capability) &&
                (plan.subgroups[(gap.subgroup ?? 1) - 1]?.members.length ?? 5) < 5,
            );
            expect(coverable, `${member.label} idles in subgroup ${subgroup.subgroup}`).toEqual([]);
          }
        }
      }),
      { numRuns: 25, seed: 3 },
    );
  }, 120_000);
});
