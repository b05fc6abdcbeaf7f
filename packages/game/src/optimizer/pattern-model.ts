/**
 * PATTERN formulation (production). Subgroups without locks are interchangeable, so instead of
 * deciding who goes into subgroup 1, 2, ... the model decides how many subgroups take each
 * *pattern* at each size: w[p,t] counts free subgroups whose coverage-earning members form the
 * minimal bundle multiset p (every member of p adds coverage; anyone else is filler) and which
 * hold t members in all. The empty pattern covers subgroups of filler only. This removes the
 * subgroup symmetry and keeps the LP relaxation tight; the balance of a free subgroup (t² and its
 * covered sources²) is a constant of its (p, t), so balance costs no extra rows. Subgroups holding
 * locked members keep per-subgroup bundle counts n[b,g] and a size s[g].
 *
 * Exactness: any plan's free subgroup can drop redundant members down to a minimal pattern with
 * the same capped coverage (and the same covered sources), keeping its size, so the model's
 * optimum is the best plan's objective in both tiers. Players kept together are not modelled
 * here: the optimizer uses the BUNDLE formulation for them.
 */
import { SUBGROUP_SIZE } from '../model.js';
import { LpWriter, type Term } from './lp.js';
import {
  addOptionColumns,
  addSelectionRules,
  addSubgroupBalance,
  addSubgroupCoverage,
  lockedIn,
  lockedPerOption,
  shapeValues,
  supportBundles,
  x,
  type MipModel,
} from './mip-model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';
import { currentOf, seatMembers, selectedCopies } from './seat.js';

/** Beyond this many patterns the LP grows faster than it tightens: use the BUNDLE model. */
export const MAX_PATTERNS = 1500;

export interface SubgroupPattern {
  /** Members per bundle index. */
  readonly counts: readonly number[];
  /** PRIMARY value one subgroup earns with this pattern. */
  readonly value: number;
}

function subgroupCoverage(problem: PreparedProblem, counts: readonly number[]) {
  let value = 0;
  let covered = 0;
  for (const requirement of problem.requirements) {
    if (requirement.scope !== 'SUBGROUP') continue;
    let present = 0;
    counts.forEach((count, bundle) => {
      if (count > 0 && problem.bundles[bundle]?.includes(requirement.capability)) present += count;
    });
    const sources = Math.min(present, requirement.minSources);
    value += sources * requirement.coefficient;
    if (requirement.coefficient > 0) covered += sources;
  }
  return { value, covered };
}

const subgroupCoverageValue = (problem: PreparedProblem, counts: readonly number[]) =>
  subgroupCoverage(problem, counts).value;

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

interface PatternUnit {
  readonly pattern: number;
  readonly size: number;
}

/**
 * Gives each free subgroup one of the chosen (pattern, size) units, preferring the subgroup where
 * most of the unit's members sit now; the rest in unit order (largest first).
 */
function assignUnits(
  problem: PreparedProblem,
  units: readonly PatternUnit[],
  patterns: readonly SubgroupPattern[],
  free: readonly number[],
  selected: readonly number[],
): Map<number, PatternUnit> {
  const here = (g: number, bundle: number | null) =>
    selected.filter(
      (option) =>
        currentOf(problem, option) === g &&
        (bundle === null || problem.options[option]?.bundle === bundle),
    ).length;
  const score = (unit: PatternUnit, g: number) => {
    const counts = patterns[unit.pattern]?.counts ?? [];
    const seats = counts.reduce((sum, count, b) => sum + Math.min(count, here(g, b)), 0);
    const members = counts.reduce((sum, count) => sum + count, 0);
    return seats + Math.max(0, Math.min(unit.size - members, here(g, null) - seats));
  };
  const pairs = units.flatMap((unit, u) => free.map((g) => ({ u, g, score: score(unit, g) })));
  pairs.sort((a, b) => b.score - a.score || a.u - b.u || a.g - b.g);
  const result = new Map<number, PatternUnit>();
  const usedUnits = new Set<number>();
  for (const { u, g } of pairs) {
    const unit = units[u];
    if (unit === undefined || usedUnits.has(u) || result.has(g)) continue;
    usedUnits.add(u);
    result.set(g, unit);
  }
  return result;
}

export function buildPatternModel(
  problem: PreparedProblem,
  patterns: readonly SubgroupPattern[],
): MipModel {
  const lp = new LpWriter();
  const groups = problem.subgroupCount;
  const bundleIds = supportBundles(problem);
  const lockedGroups = [...new Set(problem.locks.map((lock) => lock.subgroup))].sort(
    (a, b) => a - b,
  );
  const free = Array.from({ length: groups }, (_, g) => g).filter((g) => !lockedGroups.includes(g));
  const empty: SubgroupPattern = { counts: problem.bundles.map(() => 0), value: 0 };
  const all = free.length > 0 ? [...patterns, empty] : [];
  const memberCount = (p: number) => (all[p]?.counts ?? []).reduce((sum, c) => sum + c, 0);
  const w = (p: number, t: number) => `w${p}_${t}`;
  const n = (bundle: number, g: number) => `n${bundle}_${g}`;
  const s = (g: number) => `s${g}`;
  const columns = all.flatMap((_, p) =>
    Array.from({ length: SUBGROUP_SIZE - memberCount(p) + 1 }, (_, k) => ({
      p,
      t: memberCount(p) + k,
    })),
  );
  const patternKey = (counts: readonly number[]) => counts.join(',');
  const patternIndex = new Map(all.map((pattern, p) => [patternKey(pattern.counts), p]));
  const bundleOf = (option: number) => problem.options[option]?.bundle ?? -1;

  addOptionColumns(problem, lp);
  addSelectionRules(problem, lp, (option) => [x(option)]);

  // Free subgroups: how many take each pattern at each size.
  for (const { p, t } of columns) {
    const { value, covered } = subgroupCoverage(problem, all[p]?.counts ?? []);
    lp.integer(w(p, t), 0, free.length);
    lp.addObjective(value, w(p, t), 'PRIMARY');
    lp.addObjective(-problem.balanceCoefficient * (t * t + covered * covered), w(p, t), 'BALANCE');
  }
  lp.addRow(
    'subgroups',
    columns.map(({ p, t }): Term => [1, w(p, t)]),
    '=',
    free.length,
  );

  // Locked subgroups: per-subgroup bundle counts, size and coverage, as in the BUNDLE model.
  for (const g of lockedGroups) {
    for (const b of bundleIds) lp.integer(n(b, g), lockedIn(problem, b, g), SUBGROUP_SIZE);
    const lockedCount = problem.locks.filter((lock) => lock.subgroup === g).length;
    lp.integer(s(g), lockedCount, SUBGROUP_SIZE);
    lp.addRow(
      `seated${g}`,
      [[1, s(g)], ...bundleIds.map((b): Term => [-1, n(b, g)])],
      '>=',
      lockedIn(problem, null, g),
    );
    const providing = (capability: string) =>
      bundleIds
        .filter((b) => problem.bundles[b]?.includes(capability as never))
        .map((b): Term => [1, n(b, g)]);
    const covered = addSubgroupCoverage(problem, lp, g, providing);
    addSubgroupBalance(problem, lp, g, [[1, s(g)]], 0, covered);
  }

  // Members counted in patterns and locked subgroups must be selected (the rest is filler) ...
  for (const b of bundleIds) {
    const counted: Term[] = [
      ...columns.map(({ p, t }): Term => [all[p]?.counts[b] ?? 0, w(p, t)]),
      ...lockedGroups.map((g): Term => [1, n(b, g)]),
    ];
    const selected = problem.options
      .filter((o) => o.bundle === b)
      .map((o): Term => [-1, x(o.index)]);
    lp.addRow(`bundle${b}`, [...counted, ...selected], '<=', 0);
  }
  // ... and every selected member has a seat.
  lp.addRow(
    'seats',
    [
      ...problem.options.map((o): Term => [1, x(o.index)]),
      ...columns.map(({ p, t }): Term => [-t, w(p, t)]),
      ...lockedGroups.map((g): Term => [-1, s(g)]),
    ],
    '=',
    0,
  );

  return {
    formulation: 'PATTERN',
    lp,
    decode(value) {
      const seated: Placement[] = problem.locks.map((lock) => ({ ...lock, locked: true }));
      const selected = selectedCopies(problem, value, x, lockedPerOption(problem));
      const units: PatternUnit[] = columns
        .flatMap(({ p, t }) =>
          Array.from({ length: Math.round(value(w(p, t))) }, () => ({ pattern: p, size: t })),
        )
        .sort((a, b) => b.size - a.size || a.pattern - b.pattern);
      const chosen = assignUnits(problem, units, all, free, selected);
      const bundles = Array.from({ length: groups }, () => problem.bundles.map(() => 0));
      const filler = new Array<number>(groups).fill(0);
      for (const [g, unit] of chosen) {
        const counts = all[unit.pattern]?.counts ?? [];
        bundles[g] = [...counts];
        filler[g] = unit.size - memberCount(unit.pattern);
      }
      for (const g of lockedGroups) {
        const row = problem.bundles.map((_, b) =>
          bundleIds.includes(b) ? Math.round(value(n(b, g))) - lockedIn(problem, b, g) : 0,
        );
        bundles[g] = row;
        const counted = bundleIds.reduce((sum, b) => sum + Math.round(value(n(b, g))), 0);
        filler[g] = Math.round(value(s(g))) - counted - lockedIn(problem, null, g);
      }
      return seatMembers(problem, seated, selected, { bundles, filler });
    },
    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options) values.set(x(option.index), 0);
      for (const p of placements) values.set(x(p.option), (values.get(x(p.option)) ?? 0) + 1);
      for (const { p, t } of columns) values.set(w(p, t), 0);
      const countsIn = (g: number) => {
        const counts = new Array<number>(problem.bundles.length).fill(0);
        for (const p of placements) {
          const bundle = bundleOf(p.option);
          if (p.subgroup === g && bundleIds.includes(bundle))
            counts[bundle] = (counts[bundle] ?? 0) + 1;
        }
        return counts;
      };
      const sizeOf = (g: number) => placements.filter((p) => p.subgroup === g).length;
      for (const g of free) {
        const p = patternIndex.get(patternKey(minimalCounts(problem, countsIn(g))));
        if (p !== undefined) values.set(w(p, sizeOf(g)), (values.get(w(p, sizeOf(g))) ?? 0) + 1);
      }
      for (const g of lockedGroups) {
        const counts = countsIn(g);
        for (const b of bundleIds) values.set(n(b, g), counts[b] ?? 0);
        values.set(s(g), sizeOf(g));
      }
      shapeValues(problem, placements, values, lockedGroups);
      return values;
    },
  };
}
