/**
 * MIP formulations of the squad problem in CPLEX LP text, with the mappings between a plan
 * (list of placements) and the model's column values. PATTERN, the production formulation, lives
 * in pattern-model.ts, NAIVE (benchmark and test baseline) in naive-model.ts; both reuse the
 * pieces exported here.
 *
 * Every formulation selects options with x[o] (binary per roster option, integer count per meta
 * option), scores covered sources with integer c[r,g] ≤ min(providers, minSources) in the PRIMARY
 * tier, and prices balance in the BALANCE tier: the square of every subgroup's size and of its
 * covered sources, each linearised by `LpWriter.addSquarePenalty`.
 *
 * BUNDLE (fallback when there are too many patterns, and the model for players kept together):
 * n[b,g] counts members of capability bundle b in subgroup g, where a bundle is the set of
 * SUBGROUP-scope capabilities an option brings. Members with the same bundle are interchangeable
 * inside subgroups, so which player sits where is decided after the solve. Members whose bundle is
 * empty are counted per subgroup by f[g]. Players kept together get y[o,g] and z[k,g] columns.
 * Subgroup permutations are left to HiGHS's own symmetry detection (see docs/PERFORMANCE.md).
 */
import { SUBGROUP_SIZE } from '../model.js';
import { LpWriter, squareUnitValues, type Term } from './lp.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';
import { seatMembers, selectedCopies } from './seat.js';

export type { MipFormulation as Formulation } from './types.js';
import type { MipFormulation } from './types.js';

export interface MipModel {
  readonly formulation: MipFormulation;
  readonly lp: LpWriter;
  /** Turns column values (looked up by name) into placements. */
  decode(value: (column: string) => number): Placement[];
  /** Column values describing `placements`, for a warm start. */
  encode(placements: readonly Placement[]): Map<string, number>;
}

export const x = (option: number) => `x${option}`;

/** Bundles with at least one capability (the empty bundle is pure filler). */
export function supportBundles(problem: PreparedProblem): number[] {
  return problem.bundles.map((_, b) => b).filter((b) => (problem.bundles[b]?.length ?? 0) > 0);
}

/** How many locked members of bundle b (null: of an empty bundle) sit in subgroup g. */
export function lockedIn(
  problem: PreparedProblem,
  bundle: number | null,
  subgroup: number,
  include: (option: number) => boolean = () => true,
): number {
  return problem.locks.filter((lock) => {
    if (lock.subgroup !== subgroup || !include(lock.option)) return false;
    const b = problem.options[lock.option]?.bundle ?? -1;
    return bundle === null ? (problem.bundles[b]?.length ?? 0) === 0 : b === bundle;
  }).length;
}

export function lockedPerOption(problem: PreparedProblem): Map<number, number> {
  const counts = new Map<number, number>();
  for (const lock of problem.locks) counts.set(lock.option, (counts.get(lock.option) ?? 0) + 1);
  return counts;
}

export function optionUpperBound(problem: PreparedProblem, option: number): number {
  return problem.options[option]?.owner === null
    ? Math.min(problem.size, problem.subgroupCount * SUBGROUP_SIZE)
    : 1;
}

/** x columns: binary per free roster option, integer (at least its locks) otherwise. */
export function addOptionColumns(problem: PreparedProblem, lp: LpWriter): void {
  const locked = lockedPerOption(problem);
  for (const option of problem.options) {
    const count = locked.get(option.index) ?? 0;
    if (option.owner !== null && count === 0) lp.binary(x(option.index));
    else lp.integer(x(option.index), count, optionUpperBound(problem, option.index));
  }
}

/** Constraints and objective terms every formulation shares. */
export function addSelectionRules(
  problem: PreparedProblem,
  lp: LpWriter,
  chosen: (option: number) => readonly string[],
): void {
  const all = (filter: (option: number) => boolean): Term[] =>
    problem.options
      .filter((option) => filter(option.index))
      .flatMap((option) => chosen(option.index).map((column): Term => [1, column]));

  for (const option of problem.options) {
    for (const column of chosen(option.index)) {
      lp.addObjective(problem.fillValue, column, 'PRIMARY');
      lp.addObjective(option.secondary, column, 'BALANCE');
    }
  }
  problem.optionsByPlayer.forEach((indices, player) => {
    const set = new Set(indices);
    const terms = all((o) => set.has(o));
    // A lone binary column needs no row: its bound already says "at most once".
    if (terms.length > 1) lp.addRow(`player${player}`, terms, '<=', 1);
  });
  lp.addRow(
    'size',
    all(() => true),
    '<=',
    problem.size,
  );
  [...problem.specializationCaps].forEach(([specialization, cap], index) => {
    const matches = all((o) => problem.options[o]?.source.specialization === specialization);
    lp.addRow(`spec${index}`, matches, '<=', cap);
  });
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SQUAD' || requirement.coefficient === 0) return;
    const covered = `C${r}`;
    lp.integer(covered, 0, requirement.minSources);
    lp.addObjective(requirement.coefficient, covered, 'PRIMARY');
    const providers = all((o) => problem.options[o]?.provides.has(requirement.capability) ?? false);
    lp.addRow(`squad${r}`, [[1, covered], ...providers.map(([, c]): Term => [-1, c])], '<=', 0);
  });
}

/** Covered subgroup sources c[r,g] ≤ Σ providers, in the PRIMARY tier; returns Σ_r c[r,g]. */
export function addSubgroupCoverage(
  problem: PreparedProblem,
  lp: LpWriter,
  g: number,
  providers: (capability: string) => readonly Term[],
): Term[] {
  const covered: Term[] = [];
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
    const column = `c${r}_${g}`;
    lp.integer(column, 0, requirement.minSources);
    lp.addObjective(requirement.coefficient, column, 'PRIMARY');
    lp.addRow(
      `cover${r}_${g}`,
      [[1, column], ...providers(requirement.capability).map(([k, col]): Term => [-k, col])],
      '<=',
      0,
    );
    covered.push([1, column]);
  });
  return covered;
}

/** Balance of subgroup g: its size² and its covered sources², in the BALANCE tier. */
export function addSubgroupBalance(
  problem: PreparedProblem,
  lp: LpWriter,
  g: number,
  size: readonly Term[],
  sizeConstant: number,
  covered: readonly Term[],
): void {
  lp.addSquarePenalty(`t${g}`, size, sizeConstant, SUBGROUP_SIZE, problem.balanceCoefficient);
  lp.addSquarePenalty(`u${g}`, covered, 0, problem.maxSubgroupSources, problem.balanceCoefficient);
}

/** Column values of coverage, balance units and squad coverage implied by placements. */
export function shapeValues(
  problem: PreparedProblem,
  placements: readonly Placement[],
  values: Map<string, number>,
  groups: readonly number[],
): void {
  for (const g of groups) {
    let covered = 0;
    problem.requirements.forEach((requirement, r) => {
      if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
      const present = placements.filter(
        (p) => p.subgroup === g && problem.options[p.option]?.provides.has(requirement.capability),
      ).length;
      const c = Math.min(present, requirement.minSources);
      values.set(`c${r}_${g}`, c);
      covered += c;
    });
    const size = placements.filter((p) => p.subgroup === g).length;
    squareUnitValues(`t${g}`, size, SUBGROUP_SIZE, values);
    squareUnitValues(`u${g}`, covered, problem.maxSubgroupSources, values);
  }
  squadCoverageValues(problem, placements, values);
}

export function squadCoverageValues(
  problem: PreparedProblem,
  placements: readonly Placement[],
  values: Map<string, number>,
): void {
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SQUAD' || requirement.coefficient === 0) return;
    const present = placements.filter((p) =>
      problem.options[p.option]?.provides.has(requirement.capability),
    ).length;
    values.set(`C${r}`, Math.min(present, requirement.minSources));
  });
}

/** Options of the roster players kept together, with their group index. */
export function togetherOptions(problem: PreparedProblem): { option: number; group: number }[] {
  return problem.together.flatMap((players, group) =>
    players.flatMap((player) =>
      (problem.optionsByPlayer[player] ?? []).map((option) => ({ option, group })),
    ),
  );
}

/**
 * y[o,g]/z[k,g] for players kept together: each selected option of such a player sits in one
 * subgroup, the subgroup its group chose. Returns the y column name.
 */
export function addTogetherColumns(
  problem: PreparedProblem,
  lp: LpWriter,
): (option: number, g: number) => string {
  const y = (option: number, g: number) => `y${option}_${g}`;
  const z = (group: number, g: number) => `z${group}_${g}`;
  const groups = Array.from({ length: problem.subgroupCount }, (_, g) => g);
  const lockAt = new Map(problem.locks.map((lock) => [lock.option, lock.subgroup]));
  problem.together.forEach((_, k) => {
    for (const g of groups) lp.binary(z(k, g));
    lp.addRow(
      `zone${k}`,
      groups.map((g): Term => [1, z(k, g)]),
      '<=',
      1,
    );
  });
  for (const { option, group } of togetherOptions(problem)) {
    for (const g of groups) {
      const locked = lockAt.get(option) === g ? 1 : 0;
      lp.integer(y(option, g), locked, 1);
      lp.addRow(
        `yz${option}_${g}`,
        [
          [1, y(option, g)],
          [-1, z(group, g)],
        ],
        '<=',
        0,
      );
    }
    lp.addRow(
      `yx${option}`,
      [...groups.map((g): Term => [1, y(option, g)]), [-1, x(option)]],
      '=',
      0,
    );
  }
  return y;
}

export function togetherValues(
  problem: PreparedProblem,
  placements: readonly Placement[],
  values: Map<string, number>,
): void {
  const groupOf = new Map(togetherOptions(problem).map((entry) => [entry.option, entry.group]));
  for (const { option, group } of togetherOptions(problem)) {
    for (let g = 0; g < problem.subgroupCount; g += 1) {
      values.set(`y${option}_${g}`, 0);
      values.set(`z${group}_${g}`, values.get(`z${group}_${g}`) ?? 0);
    }
  }
  for (const placement of placements) {
    const group = groupOf.get(placement.option);
    if (group === undefined) continue;
    values.set(`y${placement.option}_${placement.subgroup}`, 1);
    values.set(`z${group}_${placement.subgroup}`, 1);
  }
}

export function buildBundleModel(problem: PreparedProblem): MipModel {
  const lp = new LpWriter();
  const groups = Array.from({ length: problem.subgroupCount }, (_, g) => g);
  const n = (bundle: number, g: number) => `n${bundle}_${g}`;
  const f = (g: number) => `f${g}`;
  const bundleIds = supportBundles(problem);
  const isSupport = (option: number) => bundleIds.includes(problem.options[option]?.bundle ?? -1);

  addOptionColumns(problem, lp);
  addSelectionRules(problem, lp, (option) => [x(option)]);
  for (const b of bundleIds) {
    for (const g of groups) lp.integer(n(b, g), lockedIn(problem, b, g), SUBGROUP_SIZE);
    const members = problem.options
      .filter((o) => o.bundle === b)
      .map((o): Term => [-1, x(o.index)]);
    lp.addRow(`bundle${b}`, [...groups.map((g): Term => [1, n(b, g)]), ...members], '=', 0);
  }
  // Members of an empty bundle: f[g] of them sit in g besides the locked ones.
  const lockedFiller = groups.reduce((sum, g) => sum + lockedIn(problem, null, g), 0);
  for (const g of groups) lp.integer(f(g), 0, SUBGROUP_SIZE);
  lp.addRow(
    'filler',
    [
      ...groups.map((g): Term => [1, f(g)]),
      ...problem.options.filter((o) => !isSupport(o.index)).map((o): Term => [-1, x(o.index)]),
    ],
    '=',
    -lockedFiller,
  );
  for (const g of groups) {
    const size: Term[] = [...bundleIds.map((b): Term => [1, n(b, g)]), [1, f(g)]];
    lp.addRow(`room${g}`, size, '<=', SUBGROUP_SIZE - lockedIn(problem, null, g));
    const providing = (capability: string) =>
      bundleIds
        .filter((b) => problem.bundles[b]?.includes(capability as never))
        .map((b): Term => [1, n(b, g)]);
    const covered = addSubgroupCoverage(problem, lp, g, providing);
    addSubgroupBalance(problem, lp, g, size, lockedIn(problem, null, g), covered);
  }
  const y = addTogetherColumns(problem, lp);
  const together = new Set(togetherOptions(problem).map(({ option }) => option));
  for (const g of groups) {
    for (const b of [...bundleIds, null]) {
      const members = togetherOptions(problem).filter(({ option }) =>
        b === null ? !isSupport(option) : problem.options[option]?.bundle === b,
      );
      if (members.length === 0) continue;
      // Together members of b in g are among its seats: n[b,g] beside the other locked members,
      // or for an empty bundle f[g] beside the locked ones (which include locked together ones).
      const seats: Term = b === null ? [-1, f(g)] : [-1, n(b, g)];
      const rhs =
        b === null
          ? lockedIn(problem, null, g, (o) => together.has(o))
          : -lockedIn(problem, b, g, (o) => !together.has(o));
      lp.addRow(
        `tb${b ?? 'f'}_${g}`,
        [...members.map(({ option }): Term => [1, y(option, g)]), seats],
        '<=',
        rhs,
      );
    }
  }

  return {
    formulation: 'BUNDLE',
    lp,
    decode(value) {
      const seated: Placement[] = problem.locks.map((lock) => ({ ...lock, locked: true }));
      const exclude = lockedPerOption(problem);
      const need = groups.map((g) =>
        problem.bundles.map((_, b) =>
          bundleIds.includes(b) ? Math.round(value(n(b, g))) - lockedIn(problem, b, g) : 0,
        ),
      );
      const filler = groups.map((g) => Math.round(value(f(g))));
      // Players kept together first, in the subgroup their group chose.
      for (const { option } of togetherOptions(problem)) {
        if ((exclude.get(option) ?? 0) > 0) continue;
        const g = groups.find((group) => value(y(option, group)) > 0.5);
        if (g === undefined) continue;
        seated.push({ option, subgroup: g, locked: false });
        exclude.set(option, 1);
        const b = problem.options[option]?.bundle ?? -1;
        const row = need[g];
        if (bundleIds.includes(b) && row) row[b] = (row[b] ?? 0) - 1;
        else filler[g] = (filler[g] ?? 0) - 1;
      }
      const selected = selectedCopies(problem, value, x, exclude);
      return seatMembers(problem, seated, selected, { bundles: need, filler });
    },
    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options) values.set(x(option.index), 0);
      for (const g of groups) {
        values.set(f(g), 0);
        for (const b of bundleIds) values.set(n(b, g), 0);
      }
      const locked = new Set(problem.locks.map((lock) => `${lock.option}_${lock.subgroup}`));
      const lockUsed = new Set<string>();
      for (const p of placements) {
        values.set(x(p.option), (values.get(x(p.option)) ?? 0) + 1);
        const bundle = problem.options[p.option]?.bundle ?? -1;
        if (bundleIds.includes(bundle)) {
          values.set(n(bundle, p.subgroup), (values.get(n(bundle, p.subgroup)) ?? 0) + 1);
        } else {
          const key = `${p.option}_${p.subgroup}`;
          if (locked.has(key) && !lockUsed.has(key)) lockUsed.add(key);
          else values.set(f(p.subgroup), (values.get(f(p.subgroup)) ?? 0) + 1);
        }
      }
      shapeValues(problem, placements, values, groups);
      togetherValues(problem, placements, values);
      return values;
    },
  };
}
