/**
 * MIP formulations of the squad problem in CPLEX LP text, with the mappings between a plan
 * (list of placements) and the model's column values. PATTERN, the production formulation,
 * lives in pattern-model.ts and reuses the pieces exported here.
 *
 * Every formulation selects options with x[o] (binary per roster option, integer count per meta
 * option) and scores covered sources with integer c[r,g] ≤ min(providers, minSources).
 *
 * BUNDLE (fallback when there are too many patterns): n[b,g] counts members of capability
 * bundle b in subgroup g, where a bundle is the set of SUBGROUP-scope capabilities an option
 * brings. Members with the same bundle are interchangeable inside subgroups, so which player
 * sits where is decided after the solve. Members whose bundle is empty (pure DPS for these
 * requirements) get no per-subgroup variable: they always fit in the room left. Subgroup
 * permutations are left to HiGHS's own symmetry detection: explicit ordering rows (tried, see
 * docs/PERFORMANCE.md) hid the symmetry from it and made solves up to 20× slower.
 *
 * NAIVE (benchmark baseline): y[o,g] per option and subgroup, no aggregation, no symmetry breaking.
 */
import { SUBGROUP_SIZE } from '../model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

export type { MipFormulation as Formulation } from './types.js';
import type { MipFormulation } from './types.js';

export interface MipModel {
  readonly formulation: MipFormulation;
  readonly lp: string;
  /** Turns column values (looked up by name) into placements. */
  decode(value: (column: string) => number): Placement[];
  /** Column values describing `placements`, for a warm start. */
  encode(placements: readonly Placement[]): Map<string, number>;
}

export type Term = readonly [coefficient: number, column: string];

export class LpWriter {
  private readonly objective: Term[] = [];
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly integers: string[] = [];
  private readonly binaries: string[] = [];

  addObjective(coefficient: number, column: string): void {
    if (coefficient !== 0) this.objective.push([coefficient, column]);
  }

  addRow(name: string, terms: readonly Term[], sense: '<=' | '>=' | '=', rhs: number): void {
    const active = terms.filter(([coefficient]) => coefficient !== 0);
    if (active.length === 0) return;
    this.rows.push(` ${name}: ${formatTerms(active)} ${sense} ${rhs}`);
  }

  binary(column: string): void {
    this.binaries.push(column);
  }

  integer(column: string, lower: number, upper: number): void {
    this.bounds.push(` ${lower} <= ${column} <= ${upper}`);
    this.integers.push(column);
  }

  toString(): string {
    const objective = this.objective.length > 0 ? formatTerms(this.objective) : '0';
    return [
      'Maximize',
      ` obj: ${objective}`,
      'Subject To',
      ...this.rows,
      'Bounds',
      ...this.bounds,
      ...(this.integers.length > 0 ? ['Generals', ` ${this.integers.join(' ')}`] : []),
      ...(this.binaries.length > 0 ? ['Binaries', ` ${this.binaries.join(' ')}`] : []),
      'End',
      '',
    ].join('\n');
  }
}

function formatTerms(terms: readonly Term[]): string {
  return terms
    .map(([coefficient, column], index) => {
      const sign = coefficient < 0 ? '- ' : index === 0 ? '' : '+ ';
      const magnitude = Math.abs(coefficient);
      return `${sign}${magnitude === 1 ? '' : `${magnitude} `}${column}`;
    })
    .join(' ');
}

/** Constraints and objective terms that both formulations share. */
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
      lp.addObjective(problem.fillValue + option.secondary, column);
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
    lp.addObjective(requirement.coefficient, covered);
    const providers = all((o) => problem.options[o]?.provides.has(requirement.capability) ?? false);
    lp.addRow(`squad${r}`, [[1, covered], ...providers.map(([, c]): Term => [-1, c])], '<=', 0);
  });
}

function lockCounts(problem: PreparedProblem): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lock of problem.locks) {
    const key = `${lock.option}_${lock.subgroup}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function optionUpperBound(problem: PreparedProblem, option: number): number {
  return problem.options[option]?.owner === null
    ? Math.min(problem.size, problem.subgroupCount * SUBGROUP_SIZE)
    : 1;
}

/** The subgroup coverage variables (`c{requirement}_{subgroup}`) a set of placements implies. */
function subgroupCoverageValues(
  problem: PreparedProblem,
  placements: readonly Placement[],
  values: Map<string, number>,
) {
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
    for (let g = 0; g < problem.subgroupCount; g += 1) {
      const present = placements.filter(
        (p) => p.subgroup === g && problem.options[p.option]?.provides.has(requirement.capability),
      ).length;
      values.set(`c${r}_${g}`, Math.min(present, requirement.minSources));
    }
  });
}

export function squadCoverageValues(
  problem: PreparedProblem,
  placements: readonly Placement[],
  values: Map<string, number>,
) {
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SQUAD' || requirement.coefficient === 0) return;
    const present = placements.filter((p) =>
      problem.options[p.option]?.provides.has(requirement.capability),
    ).length;
    values.set(`C${r}`, Math.min(present, requirement.minSources));
  });
}

export function buildBundleModel(problem: PreparedProblem): MipModel {
  const lp = new LpWriter();
  const groups = problem.subgroupCount;
  const x = (option: number) => `x${option}`;
  const n = (bundle: number, subgroup: number) => `n${bundle}_${subgroup}`;
  const c = (requirement: number, subgroup: number) => `c${requirement}_${subgroup}`;
  const bundleIds = problem.bundles
    .map((_, b) => b)
    .filter((b) => (problem.bundles[b]?.length ?? 0) > 0);
  const lockedPerOption = new Map<number, number>();
  for (const lock of problem.locks)
    lockedPerOption.set(lock.option, (lockedPerOption.get(lock.option) ?? 0) + 1);
  const lockedIn = (bundle: number | null, subgroup: number): number =>
    problem.locks.filter(
      (lock) =>
        lock.subgroup === subgroup &&
        (bundle === null
          ? (problem.bundles[problem.options[lock.option]?.bundle ?? -1]?.length ?? 0) === 0
          : problem.options[lock.option]?.bundle === bundle),
    ).length;

  for (const option of problem.options) {
    const locked = lockedPerOption.get(option.index) ?? 0;
    const upper = optionUpperBound(problem, option.index);
    if (option.owner !== null && locked === 0) lp.binary(x(option.index));
    else lp.integer(x(option.index), locked, upper);
  }
  addSelectionRules(problem, lp, (option) => [x(option)]);

  for (const b of bundleIds) {
    const members = problem.options
      .filter((o) => o.bundle === b)
      .map((o): [number, string] => [-1, x(o.index)]);
    const counts: [number, string][] = [];
    for (let g = 0; g < groups; g += 1) {
      lp.integer(n(b, g), lockedIn(b, g), SUBGROUP_SIZE);
      counts.push([1, n(b, g)]);
    }
    lp.addRow(`bundle${b}`, [...counts, ...members], '=', 0);
  }
  for (let g = 0; g < groups; g += 1) {
    const capacity = SUBGROUP_SIZE - lockedIn(null, g);
    lp.addRow(
      `room${g}`,
      bundleIds.map((b): Term => [1, n(b, g)]),
      '<=',
      capacity,
    );
  }
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
    const providing = bundleIds.filter((b) => problem.bundles[b]?.includes(requirement.capability));
    for (let g = 0; g < groups; g += 1) {
      lp.integer(c(r, g), 0, requirement.minSources);
      lp.addObjective(requirement.coefficient, c(r, g));
      lp.addRow(
        `cover${r}_${g}`,
        [[1, c(r, g)], ...providing.map((b): Term => [-1, n(b, g)])],
        '<=',
        0,
      );
    }
  });

  return {
    formulation: 'BUNDLE',
    lp: lp.toString(),

    decode(value) {
      const placements: Placement[] = [];
      const room = new Array<number>(groups).fill(SUBGROUP_SIZE);
      for (const lock of problem.locks) {
        placements.push({ option: lock.option, subgroup: lock.subgroup, locked: true });
        room[lock.subgroup] = (room[lock.subgroup] ?? 0) - 1;
      }
      const quota = new Map<string, number>();
      for (const b of bundleIds) {
        for (let g = 0; g < groups; g += 1)
          quota.set(n(b, g), Math.round(value(n(b, g))) - lockedIn(b, g));
      }
      const unplaced: number[] = [];
      for (const option of problem.options) {
        const count = Math.round(value(x(option.index))) - (lockedPerOption.get(option.index) ?? 0);
        for (let copy = 0; copy < count; copy += 1) {
          const bundle = option.bundle;
          const g = bundleIds.includes(bundle)
            ? Array.from({ length: groups }, (_, i) => i).find(
                (i) => (quota.get(n(bundle, i)) ?? 0) > 0 && (room[i] ?? 0) > 0,
              )
            : undefined;
          if (g === undefined) {
            unplaced.push(option.index);
            continue;
          }
          quota.set(n(bundle, g), (quota.get(n(bundle, g)) ?? 0) - 1);
          room[g] = (room[g] ?? 0) - 1;
          placements.push({ option: option.index, subgroup: g, locked: false });
        }
      }
      // Bundle-less members (and any rounding leftovers) take the first subgroup with room.
      for (const option of unplaced) {
        const g = room.findIndex((r) => r > 0);
        if (g < 0) break;
        room[g] = (room[g] ?? 0) - 1;
        placements.push({ option, subgroup: g, locked: false });
      }
      return placements;
    },

    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options) values.set(x(option.index), 0);
      for (const b of bundleIds) for (let g = 0; g < groups; g += 1) values.set(n(b, g), 0);
      for (const p of placements) {
        values.set(x(p.option), (values.get(x(p.option)) ?? 0) + 1);
        const bundle = problem.options[p.option]?.bundle ?? -1;
        if (bundleIds.includes(bundle))
          values.set(n(bundle, p.subgroup), (values.get(n(bundle, p.subgroup)) ?? 0) + 1);
      }
      subgroupCoverageValues(problem, placements, values);
      squadCoverageValues(problem, placements, values);
      return values;
    },
  };
}

export function buildNaiveModel(problem: PreparedProblem): MipModel {
  const lp = new LpWriter();
  const groups = problem.subgroupCount;
  const y = (option: number, subgroup: number) => `y${option}_${subgroup}`;
  const c = (requirement: number, subgroup: number) => `c${requirement}_${subgroup}`;
  const locks = lockCounts(problem);
  const range = Array.from({ length: groups }, (_, g) => g);

  for (const option of problem.options) {
    for (const g of range) {
      const locked = locks.get(`${option.index}_${g}`) ?? 0;
      if (option.owner !== null && locked === 0) lp.binary(y(option.index, g));
      else lp.integer(y(option.index, g), locked, option.owner === null ? SUBGROUP_SIZE : 1);
    }
  }
  addSelectionRules(problem, lp, (option) => range.map((g) => y(option, g)));
  for (const g of range) {
    lp.addRow(
      `room${g}`,
      problem.options.map((o): Term => [1, y(o.index, g)]),
      '<=',
      SUBGROUP_SIZE,
    );
  }
  problem.requirements.forEach((requirement, r) => {
    if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) return;
    const providers = problem.options.filter((o) => o.provides.has(requirement.capability));
    for (const g of range) {
      lp.integer(c(r, g), 0, requirement.minSources);
      lp.addObjective(requirement.coefficient, c(r, g));
      lp.addRow(
        `cover${r}_${g}`,
        [[1, c(r, g)], ...providers.map((o): Term => [-1, y(o.index, g)])],
        '<=',
        0,
      );
    }
  });

  return {
    formulation: 'NAIVE',
    lp: lp.toString(),
    decode(value) {
      const placements: Placement[] = [];
      const lockedLeft = new Map(locks);
      for (const option of problem.options) {
        for (const g of range) {
          const count = Math.round(value(y(option.index, g)));
          for (let copy = 0; copy < count; copy += 1) {
            const key = `${option.index}_${g}`;
            const locked = (lockedLeft.get(key) ?? 0) > 0;
            if (locked) lockedLeft.set(key, (lockedLeft.get(key) ?? 0) - 1);
            placements.push({ option: option.index, subgroup: g, locked });
          }
        }
      }
      return placements;
    },
    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options)
        for (const g of range) values.set(y(option.index, g), 0);
      for (const p of placements)
        values.set(y(p.option, p.subgroup), (values.get(y(p.option, p.subgroup)) ?? 0) + 1);
      subgroupCoverageValues(problem, placements, values);
      squadCoverageValues(problem, placements, values);
      return values;
    },
  };
}
