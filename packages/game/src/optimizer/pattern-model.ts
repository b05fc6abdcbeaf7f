/**
 * PATTERN formulation (production). Subgroups without locks are interchangeable, so instead of
 * deciding who goes into subgroup 1, 2, ... the model decides how many subgroups take each
 * *pattern*: a minimal multiset of capability bundles that earns some coverage (every member
 * of a pattern adds coverage; anyone else is filler and fits in the room left). This removes
 * the subgroup symmetry entirely and gives a much tighter LP relaxation than per-subgroup
 * variables. Subgroups holding locked members keep per-subgroup bundle counts n[b,g].
 *
 * Exactness: any plan's free subgroup can drop redundant members down to a minimal pattern with
 * the same capped coverage, so the model's optimum equals the best plan's objective.
 */
import { SUBGROUP_SIZE } from '../model.js';
import { LpWriter, addSelectionRules, optionUpperBound, squadCoverageValues } from './mip-model.js';
import type { MipModel, Term } from './mip-model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

/** Beyond this many patterns the LP grows faster than it tightens: use the BUNDLE model. */
export const MAX_PATTERNS = 1500;

export interface SubgroupPattern {
  /** Members per bundle index. */
  readonly counts: readonly number[];
  /** Coverage objective one subgroup earns with this pattern. */
  readonly value: number;
}

function subgroupCoverageValue(problem: PreparedProblem, counts: readonly number[]): number {
  let value = 0;
  for (const requirement of problem.requirements) {
    if (requirement.scope !== 'SUBGROUP') continue;
    let present = 0;
    counts.forEach((count, bundle) => {
      if (count > 0 && problem.bundles[bundle]?.includes(requirement.capability)) present += count;
    });
    value += Math.min(present, requirement.minSources) * requirement.coefficient;
  }
  return value;
}

/**
 * All minimal patterns, or null when there are more than `limit`. Capped coverage is
 * submodular, so every member of a minimal pattern also adds value when the pattern is built
 * in bundle order: a depth-first search that only extends with value-adding bundles finds them all.
 */
export function enumeratePatterns(
  problem: PreparedProblem,
  limit = MAX_PATTERNS,
): SubgroupPattern[] | null {
  const bundleCount = problem.bundles.length;
  const patterns: SubgroupPattern[] = [];
  const counts = new Array<number>(bundleCount).fill(0);
  const isMinimal = (value: number): boolean =>
    counts.every((count, bundle) => {
      if (count === 0) return true;
      counts[bundle] = count - 1;
      const without = subgroupCoverageValue(problem, counts);
      counts[bundle] = count;
      return without < value;
    });
  const search = (from: number, members: number, value: number): boolean => {
    if (members > 0 && isMinimal(value)) {
      patterns.push({ counts: [...counts], value });
      if (patterns.length > limit) return false;
    }
    if (members === SUBGROUP_SIZE) return true;
    for (let bundle = from; bundle < bundleCount; bundle += 1) {
      counts[bundle] = (counts[bundle] ?? 0) + 1;
      const extended = subgroupCoverageValue(problem, counts);
      const ok = extended > value ? search(bundle, members + 1, extended) : true;
      counts[bundle] = (counts[bundle] ?? 0) - 1;
      if (!ok) return false;
    }
    return true;
  };
  return search(0, 0, 0) ? patterns : null;
}

/** Drops members that add nothing, in a fixed order, leaving the subgroup's minimal pattern. */
function minimalCounts(problem: PreparedProblem, counts: number[]): number[] {
  const value = subgroupCoverageValue(problem, counts);
  for (let bundle = 0; bundle < counts.length; bundle += 1) {
    while ((counts[bundle] ?? 0) > 0) {
      counts[bundle] = (counts[bundle] ?? 0) - 1;
      if (subgroupCoverageValue(problem, counts) < value) {
        counts[bundle] = (counts[bundle] ?? 0) + 1;
        break;
      }
    }
  }
  return counts;
}

export function buildPatternModel(
  problem: PreparedProblem,
  patterns: readonly SubgroupPattern[],
): MipModel {
  const lp = new LpWriter();
  const groups = problem.subgroupCount;
  const bundleIds = problem.bundles
    .map((_, b) => b)
    .filter((b) => (problem.bundles[b]?.length ?? 0) > 0);
  const lockedGroups = [...new Set(problem.locks.map((lock) => lock.subgroup))].sort(
    (a, b) => a - b,
  );
  const free = Array.from({ length: groups }, (_, g) => g).filter((g) => !lockedGroups.includes(g));
  const x = (option: number) => `x${option}`;
  const z = (pattern: number) => `z${pattern}`;
  const n = (bundle: number, subgroup: number) => `n${bundle}_${subgroup}`;
  const c = (requirement: number, subgroup: number) => `c${requirement}_${subgroup}`;
  const patternKey = (counts: readonly number[]) => counts.join(',');
  const patternIndex = new Map(patterns.map((pattern, p) => [patternKey(pattern.counts), p]));

  const lockedPerOption = new Map<number, number>();
  for (const lock of problem.locks)
    lockedPerOption.set(lock.option, (lockedPerOption.get(lock.option) ?? 0) + 1);
  const bundleOf = (option: number) => problem.options[option]?.bundle ?? -1;
  const hasBundle = (bundle: number) => bundleIds.includes(bundle);
  const lockedIn = (bundle: number | null, subgroup: number): number =>
    problem.locks.filter(
      (lock) =>
        lock.subgroup === subgroup &&
        (bundle === null ? !hasBundle(bundleOf(lock.option)) : bundleOf(lock.option) === bundle),
    ).length;

  for (const option of problem.options) {
    const locked = lockedPerOption.get(option.index) ?? 0;
    if (option.owner !== null && locked === 0) lp.binary(x(option.index));
    else lp.integer(x(option.index), locked, optionUpperBound(problem, option.index));
  }
  addSelectionRules(problem, lp, (option) => [x(option)]);

  // Free subgroups: how many take each pattern.
  const usedPatterns = free.length > 0 ? patterns.map((_, p) => p) : [];
  for (const p of usedPatterns) {
    lp.integer(z(p), 0, free.length);
    lp.addObjective(patterns[p]?.value ?? 0, z(p));
  }
  lp.addRow(
    'subgroups',
    usedPatterns.map((p): Term => [1, z(p)]),
    '<=',
    free.length,
  );

  // Locked subgroups: per-subgroup bundle counts and coverage, as in the BUNDLE model.
  for (const g of lockedGroups) {
    for (const b of bundleIds) lp.integer(n(b, g), lockedIn(b, g), SUBGROUP_SIZE);
    lp.addRow(
      `room${g}`,
      bundleIds.map((b): Term => [1, n(b, g)]),
      '<=',
      SUBGROUP_SIZE - lockedIn(null, g),
    );
    problem.requirements.forEach((requirement, r) => {
      if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
      const providing = bundleIds.filter((b) =>
        problem.bundles[b]?.includes(requirement.capability),
      );
      lp.integer(c(r, g), 0, requirement.minSources);
      lp.addObjective(requirement.coefficient, c(r, g));
      lp.addRow(
        `cover${r}_${g}`,
        [[1, c(r, g)], ...providing.map((b): Term => [-1, n(b, g)])],
        '<=',
        0,
      );
    });
  }

  // Members counted in patterns and locked subgroups must be selected (the rest is filler).
  for (const b of bundleIds) {
    const counted: Term[] = [
      ...usedPatterns.map((p): Term => [patterns[p]?.counts[b] ?? 0, z(p)]),
      ...lockedGroups.map((g): Term => [1, n(b, g)]),
    ];
    const selected = problem.options
      .filter((o) => o.bundle === b)
      .map((o): Term => [-1, x(o.index)]);
    lp.addRow(`bundle${b}`, [...counted, ...selected], '<=', 0);
  }

  return {
    formulation: 'PATTERN',
    lp: lp.toString(),

    decode(value) {
      const placements: Placement[] = [];
      const room = new Array<number>(groups).fill(SUBGROUP_SIZE);
      const put = (option: number, subgroup: number, locked: boolean) => {
        placements.push({ option, subgroup, locked });
        room[subgroup] = (room[subgroup] ?? 0) - 1;
      };
      for (const lock of problem.locks) put(lock.option, lock.subgroup, true);
      // Selected, not locked members, queued per bundle in option order.
      const queues = new Map<number, number[]>();
      const filler: number[] = [];
      for (const option of problem.options) {
        const count = Math.round(value(x(option.index))) - (lockedPerOption.get(option.index) ?? 0);
        for (let copy = 0; copy < count; copy += 1) {
          if (hasBundle(option.bundle)) {
            const queue = queues.get(option.bundle) ?? [];
            queue.push(option.index);
            queues.set(option.bundle, queue);
          } else filler.push(option.index);
        }
      }
      const take = (bundle: number, subgroup: number) => {
        const option = queues.get(bundle)?.shift();
        if (option !== undefined && (room[subgroup] ?? 0) > 0) put(option, subgroup, false);
        else if (option !== undefined) filler.push(option);
      };
      for (const g of lockedGroups) {
        for (const b of bundleIds) {
          const extra = Math.round(value(n(b, g))) - lockedIn(b, g);
          for (let k = 0; k < extra; k += 1) take(b, g);
        }
      }
      let next = 0;
      for (const p of usedPatterns) {
        const copies = Math.round(value(z(p)));
        for (let k = 0; k < copies && next < free.length; k += 1, next += 1) {
          const g = free[next] ?? 0;
          patterns[p]?.counts.forEach((count, b) => {
            for (let m = 0; m < count; m += 1) take(b, g);
          });
        }
      }
      for (const queue of queues.values()) filler.push(...queue);
      filler.sort((a, b) => a - b);
      for (const option of filler) {
        const g = room.findIndex((r) => r > 0);
        if (g < 0) break;
        put(option, g, false);
      }
      return placements;
    },

    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options) values.set(x(option.index), 0);
      for (const p of placements) values.set(x(p.option), (values.get(x(p.option)) ?? 0) + 1);
      for (const p of usedPatterns) values.set(z(p), 0);
      const countsIn = (g: number) => {
        const counts = new Array<number>(problem.bundles.length).fill(0);
        for (const p of placements) {
          const bundle = bundleOf(p.option);
          if (p.subgroup === g && hasBundle(bundle)) counts[bundle] = (counts[bundle] ?? 0) + 1;
        }
        return counts;
      };
      for (const g of free) {
        const key = patternKey(minimalCounts(problem, countsIn(g)));
        const p = patternIndex.get(key);
        if (p !== undefined) values.set(z(p), (values.get(z(p)) ?? 0) + 1);
      }
      for (const g of lockedGroups) {
        const counts = countsIn(g);
        for (const b of bundleIds) values.set(n(b, g), counts[b] ?? 0);
        problem.requirements.forEach((requirement, r) => {
          if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
          const present = bundleIds
            .filter((b) => problem.bundles[b]?.includes(requirement.capability))
            .reduce((sum, b) => sum + (counts[b] ?? 0), 0);
          values.set(c(r, g), Math.min(present, requirement.minSources));
        });
      }
      squadCoverageValues(problem, placements, values);
      return values;
    },
  };
}
