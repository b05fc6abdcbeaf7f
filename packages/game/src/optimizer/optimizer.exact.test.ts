/**
 * Exactness: on instances small enough to enumerate, the MIP's plan scores exactly the
 * brute-force optimum of the same lexicographic objective (scorePlan: coverage and fill, then
 * balance and priorities), for every formulation, with every option (locks, specialization limits,
 * players kept together, fill only N subgroups, balance weights).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBGROUP_SIZE } from '../model.js';
import type { Capability, GameMode } from '../model.js';
import { seededRandom } from './fixtures.js';
import { greedyPlacements } from './greedy.js';
import { optimizeSquad, solveMip } from './optimizer.js';
import { prepareProblem } from './problem.js';
import type { PreparedProblem } from './problem.js';
import { compareScores, scorePlan } from './score.js';
import type { Placement } from './score.js';
import type { PlanScore } from './types.js';
import type {
  CandidateOption,
  LockedMember,
  OptimizerRequirement,
  SquadOptimizationInput,
} from './types.js';

const UNIVERSE: readonly Capability[] = [
  'STABILITY',
  'HEALING',
  'QUICKNESS',
  'ALACRITY',
  'MIGHT',
  'DAMAGE',
];
const SPECS = ['Firebrand', 'Scrapper', 'Herald', 'Tempest'];

/** Best score over every feasible plan, by depth-first enumeration of player choices. */
function bruteForceOptimum(problem: PreparedProblem): PlanScore {
  const placements: Placement[] = [];
  const room = new Array<number>(problem.subgroupCount).fill(SUBGROUP_SIZE);
  const perSpec = new Map<string, number>();
  let best: PlanScore | null = null;
  const consider = () => {
    const score = scorePlan(problem, placements);
    if (best === null || compareScores(score, best) > 0) best = score;
  };
  const groupOf = (player: number) => problem.together.find((group) => group.includes(player));
  /** Players kept together share a subgroup: the first placed one decides it. */
  const togetherAllows = (option: number, subgroup: number) => {
    const owner = problem.options[option]?.owner;
    const group = owner === null || owner === undefined ? undefined : groupOf(owner);
    if (!group) return true;
    return placements.every((p) => {
      const other = problem.options[p.option]?.owner ?? -1;
      return !group.includes(other) || p.subgroup === subgroup;
    });
  };
  const fits = (option: number, subgroup: number) => {
    const spec = problem.options[option]?.source.specialization ?? '';
    return (
      (room[subgroup] ?? 0) > 0 &&
      placements.length < problem.size &&
      togetherAllows(option, subgroup) &&
      (perSpec.get(spec) ?? 0) < (problem.specializationCaps.get(spec) ?? Infinity)
    );
  };
  const push = (option: number, subgroup: number, locked: boolean) => {
    const spec = problem.options[option]?.source.specialization ?? '';
    placements.push({ option, subgroup, locked });
    room[subgroup] = (room[subgroup] ?? 0) - 1;
    perSpec.set(spec, (perSpec.get(spec) ?? 0) + 1);
  };
  const pop = () => {
    const last = placements.pop();
    if (last === undefined) return;
    const spec = problem.options[last.option]?.source.specialization ?? '';
    room[last.subgroup] = (room[last.subgroup] ?? 0) + 1;
    perSpec.set(spec, (perSpec.get(spec) ?? 0) - 1);
  };
  for (const lock of problem.locks) push(lock.option, lock.subgroup, true);
  const lockedOptions = new Set(problem.locks.map((lock) => lock.option));

  // Roster: each player sits out or takes one (option, subgroup).
  const rosterSearch = (player: number): void => {
    if (player === problem.optionsByPlayer.length) {
      consider();
      return;
    }
    const options = problem.optionsByPlayer[player] ?? [];
    if (options.some((o) => lockedOptions.has(o))) return rosterSearch(player + 1);
    rosterSearch(player + 1);
    for (const option of options) {
      for (let g = 0; g < problem.subgroupCount; g += 1) {
        if (!fits(option, g)) continue;
        push(option, g, false);
        rosterSearch(player + 1);
        pop();
      }
    }
  };
  // Meta: per subgroup, a multiset of options (non-decreasing option index).
  const metaSearch = (subgroup: number, from: number): void => {
    consider();
    for (let g = subgroup; g < problem.subgroupCount; g += 1) {
      for (let option = g === subgroup ? from : 0; option < problem.options.length; option += 1) {
        if (!fits(option, g)) continue;
        push(option, g, false);
        metaSearch(g, option);
        pop();
      }
    }
  };
  if (problem.kind === 'ROSTER') rosterSearch(0);
  else metaSearch(0, 0);
  if (best === null) throw new Error('no plan enumerated');
  return best;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function randomOption(random: () => number, id: string): CandidateOption {
  const provides = UNIVERSE.filter(() => random() < 0.3);
  return {
    buildId: id,
    label: id,
    specialization: pick(random, SPECS),
    roleKey: pick(random, ['dps', 'support', 'heal']),
    provides,
    priority: Math.floor(random() * 3),
  };
}

/** Small random instance: the enumeration stays under ~100k leaves. */
function smallInstance(seed: number): SquadOptimizationInput {
  const random = seededRandom(seed);
  const twoGroups = random() < 0.5;
  const gameMode: GameMode = twoGroups ? 'RAID' : 'FRACTALS';
  const size = twoGroups ? 6 + Math.floor(random() * 5) : 3 + Math.floor(random() * 3);
  const requirements: OptimizerRequirement[] = UNIVERSE.filter(() => random() < 0.6).map(
    (capability) => {
      const scope = random() < 0.75 ? 'SUBGROUP' : 'SQUAD';
      return {
        capability,
        scope,
        minSources: 1 + Math.floor(random() * 3),
        weight: pick(random, [1, 2, 5, 10, 0.5]),
        label: `${capability.toLowerCase()} source`,
      };
    },
  );
  const caps: Record<string, number> = {};
  if (random() < 0.4) caps[pick(random, SPECS)] = Math.floor(random() * 3);
  const balanceWeight = pick(random, [1, 1, 0.5, 0.01, 0]);
  const maxSubgroups = twoGroups && random() < 0.2 ? 1 : undefined;
  const preferences = {
    maxPerSpecialization: caps,
    balanceWeight,
    ...(maxSubgroups ? { maxSubgroups } : {}),
  };
  if (random() < 0.25) {
    const options = Array.from({ length: 2 + Math.floor(random() * 2) }, (_, o) =>
      randomOption(random, `m${o}`),
    );
    return {
      gameMode,
      size: twoGroups ? 6 + Math.floor(random() * 3) : size,
      requirements,
      pool: { kind: 'META', options },
      preferences,
    };
  }
  const players = twoGroups ? 4 + Math.floor(random() * 4) : 5 + Math.floor(random() * 6);
  const maxOptions = players > 6 ? 2 : 3;
  const groups = maxSubgroups ?? (twoGroups ? 2 : 1);
  const roster = Array.from({ length: players }, (_, p) => ({
    id: `p${p}`,
    name: `Player ${p}`,
    options: Array.from({ length: 1 + Math.floor(random() * maxOptions) }, (_, o) =>
      randomOption(random, `p${p}o${o}`),
    ),
    currentSubgroup: random() < 0.5 ? 1 + Math.floor(random() * groups) : null,
  }));
  const locked: LockedMember[] = [];
  const first = roster[0]?.options[0];
  // Lock the first player unless a specialization limit would forbid it.
  if (random() < 0.3 && first !== undefined && !(first.specialization in caps)) {
    locked.push({ playerId: 'p0', optionBuildId: first.buildId, subgroup: groups });
  }
  const keepTogether = twoGroups && random() < 0.4 ? [['p0', 'p1']] : [];
  return {
    gameMode,
    size,
    requirements,
    pool: { kind: 'ROSTER', players: roster },
    locked,
    preferences: { ...preferences, keepTogether },
  };
}

describe('exactness against brute force', () => {
  it('the plan scores exactly the enumerated optimum, and reports that score', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const input = smallInstance(seed);
        const problem = prepareProblem(input);
        const optimum = bruteForceOptimum(problem);
        const plan = await optimizeSquad(input, { timeLimitMs: 60_000 });
        expect(plan.status).toBe('OPTIMAL');
        expect(plan.score).toMatchObject({
          objective: optimum.objective,
          balanceObjective: optimum.balanceObjective,
        });
        expect(
          compareScores(scorePlan(problem, greedyPlacements(problem)), optimum),
        ).toBeLessThanOrEqual(0);
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 60_000);

  it('the pattern, bundle and naive formulations reach the same optimum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const problem = prepareProblem(smallInstance(seed));
        const optimum = bruteForceOptimum(problem);
        for (const formulation of ['PATTERN', 'BUNDLE', 'NAIVE'] as const) {
          const outcome = await solveMip(problem, {
            formulation,
            warmStart: null,
            timeLimitMs: 60_000,
            startedAt: performance.now(),
            onProgress: undefined,
          });
          expect(outcome.status, formulation).toBe('OPTIMAL');
          const score = scorePlan(problem, outcome.placements ?? []);
          expect(compareScores(score, optimum), formulation).toBe(0);
        }
      }),
      { numRuns: 20, seed: 11 },
    );
  }, 60_000);
});
