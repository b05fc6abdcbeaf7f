/**
 * From a solved model's counts to players in subgroups. Members of one bundle are
 * interchangeable for the objective, so the choice of who sits where is free: players stay in
 * the subgroup they sit in now when they can (fewer moves for the commander), then go in roster
 * order, so the same input always gives the same plan.
 */
import { SUBGROUP_SIZE } from '../model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

/** What each subgroup must receive beyond the members already seated. */
export interface SeatDemand {
  /** [subgroup][bundle]: members of the bundle to seat (non-empty bundles only). */
  readonly bundles: readonly (readonly number[])[];
  /** [subgroup]: further members of any bundle (filler). */
  readonly filler: readonly number[];
}

export function currentOf(problem: PreparedProblem, option: number): number | null {
  const owner = problem.options[option]?.owner;
  return owner === null || owner === undefined ? null : (problem.currentSubgroups[owner] ?? null);
}

/**
 * Seats `selected` (option indices, one entry per copy, in option order) after `seated`, meeting
 * `demand`; whatever is left (rounding, a time-limited solve) takes the first subgroup with room.
 */
export function seatMembers(
  problem: PreparedProblem,
  seated: readonly Placement[],
  selected: readonly number[],
  demand: SeatDemand,
): Placement[] {
  const placements = [...seated];
  const room = new Array<number>(problem.subgroupCount).fill(SUBGROUP_SIZE);
  for (const placement of seated) room[placement.subgroup] = (room[placement.subgroup] ?? 0) - 1;
  const bundleNeed = demand.bundles.map((row) => [...row]);
  const fillerNeed = [...demand.filler];
  const pool = [...selected];
  const put = (poolIndex: number, subgroup: number) => {
    const option = pool[poolIndex];
    if (option === undefined) return;
    placements.push({ option, subgroup, locked: false });
    room[subgroup] = (room[subgroup] ?? 0) - 1;
    pool.splice(poolIndex, 1);
  };
  const bundleOf = (option: number) => problem.options[option]?.bundle ?? -1;
  const hasNeed = (g: number, b: number) => (bundleNeed[g]?.[b] ?? 0) > 0;
  const take = (g: number, b: number) => {
    const row = bundleNeed[g];
    if (row) row[b] = (row[b] ?? 0) - 1;
  };
  // 1. Bundle seats, players who sit in that subgroup now first.
  for (const stayFirst of [true, false]) {
    for (let g = 0; g < problem.subgroupCount; g += 1) {
      for (let i = 0; i < pool.length;) {
        const option = pool[i] ?? -1;
        const b = bundleOf(option);
        const fits = hasNeed(g, b) && (!stayFirst || currentOf(problem, option) === g);
        if (fits && (room[g] ?? 0) > 0) {
          take(g, b);
          put(i, g);
        } else i += 1;
      }
    }
  }
  // 2. Filler seats, the same way.
  for (const stayFirst of [true, false]) {
    for (let g = 0; g < problem.subgroupCount; g += 1) {
      for (let i = 0; i < pool.length && (fillerNeed[g] ?? 0) > 0;) {
        const option = pool[i] ?? -1;
        if ((!stayFirst || currentOf(problem, option) === g) && (room[g] ?? 0) > 0) {
          fillerNeed[g] = (fillerNeed[g] ?? 0) - 1;
          put(i, g);
        } else i += 1;
      }
    }
  }
  // 3. Leftovers (none at an optimum).
  while (pool.length > 0) {
    const g = room.findIndex((r) => r > 0);
    if (g < 0) break;
    put(0, g);
  }
  return placements;
}

/** Option indices with one entry per selected copy, locked copies excluded. */
export function selectedCopies(
  problem: PreparedProblem,
  value: (column: string) => number,
  column: (option: number) => string,
  exclude: ReadonlyMap<number, number>,
): number[] {
  return problem.options.flatMap((option) => {
    const count = Math.round(value(column(option.index))) - (exclude.get(option.index) ?? 0);
    return Array.from({ length: Math.max(0, count) }, () => option.index);
  });
}
