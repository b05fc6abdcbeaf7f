/**
 * Greedy baseline: place locked members, then repeatedly add the (candidate, subgroup) pair with
 * the largest gain, compared as the objective is: PRIMARY gain (coverage, fill) first, then the
 * BALANCE gain (balance penalty, priorities), then the emptier subgroup. Players kept together
 * follow the first of them placed. Fast (microseconds per member) and the MIP's warm start; not
 * optimal.
 */
import { SUBGROUP_SIZE } from '../model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

interface Gain {
  readonly option: number;
  readonly subgroup: number;
  readonly primary: number;
  readonly balance: number;
}

function better(a: Gain, b: Gain | null, members: readonly number[]): boolean {
  if (b === null) return true;
  if (a.primary !== b.primary) return a.primary > b.primary;
  if (a.balance !== b.balance) return a.balance > b.balance;
  // Ties go to the emptier subgroup, keeping room where later supports may be needed.
  return (members[a.subgroup] ?? 0) < (members[b.subgroup] ?? 0);
}

export function greedyPlacements(problem: PreparedProblem): Placement[] {
  const { requirements, options, subgroupCount: groups } = problem;
  // sources[r][unit]: current providers of requirement r in a subgroup (or the squad, unit 0).
  const sources = requirements.map((r) =>
    new Array<number>(r.scope === 'SUBGROUP' ? groups : 1).fill(0),
  );
  // Per option, the requirements it can help with: the only ones its gain depends on.
  const relevant = options.map((option) =>
    requirements.flatMap((r, index) =>
      r.coefficient > 0 && option.provides.has(r.capability) ? [index] : [],
    ),
  );
  const members = new Array<number>(groups).fill(0);
  const covered = new Array<number>(groups).fill(0);
  const usedPlayers = new Set<number>();
  const perSpecialization = new Map<string, number>();
  const groupOfPlayer = new Map<number, number>();
  for (const [index, group] of problem.together.entries()) {
    for (const player of group) groupOfPlayer.set(player, index);
  }
  const togetherAt = new Map<number, number>();
  const placements: Placement[] = [];

  const place = (option: number, subgroup: number, locked: boolean): void => {
    const prepared = options[option];
    if (prepared === undefined) return;
    placements.push({ option, subgroup, locked });
    members[subgroup] = (members[subgroup] ?? 0) + 1;
    if (prepared.owner !== null) {
      usedPlayers.add(prepared.owner);
      const group = groupOfPlayer.get(prepared.owner);
      if (group !== undefined) togetherAt.set(group, subgroup);
    }
    const specialization = prepared.source.specialization;
    perSpecialization.set(specialization, (perSpecialization.get(specialization) ?? 0) + 1);
    for (const index of relevant[option] ?? []) {
      const requirement = requirements[index];
      const counts = sources[index];
      if (requirement === undefined || counts === undefined) continue;
      const unit = requirement.scope === 'SUBGROUP' ? subgroup : 0;
      const before = counts[unit] ?? 0;
      counts[unit] = before + 1;
      if (requirement.scope === 'SUBGROUP' && before < requirement.minSources) {
        covered[subgroup] = (covered[subgroup] ?? 0) + 1;
      }
    }
  };

  for (const lock of problem.locks) place(lock.option, lock.subgroup, true);

  while (placements.length < problem.size) {
    let best: Gain | null = null;
    // Empty subgroups are interchangeable: evaluating the first one is enough.
    const openGroups: number[] = [];
    let emptySeen = false;
    for (let g = 0; g < groups; g += 1) {
      const occupied = members[g] ?? SUBGROUP_SIZE;
      if (occupied >= SUBGROUP_SIZE || (occupied === 0 && emptySeen)) continue;
      if (occupied === 0) emptySeen = true;
      openGroups.push(g);
    }
    for (const option of options) {
      if (option.owner !== null && usedPlayers.has(option.owner)) continue;
      const specialization = option.source.specialization;
      const cap = problem.specializationCaps.get(specialization) ?? Infinity;
      if ((perSpecialization.get(specialization) ?? 0) >= cap) continue;
      const group = option.owner === null ? undefined : groupOfPlayer.get(option.owner);
      const pinned = group === undefined ? undefined : togetherAt.get(group);
      const candidates =
        pinned === undefined ? openGroups : (members[pinned] ?? 0) < SUBGROUP_SIZE ? [pinned] : [];
      for (const subgroup of candidates) {
        let primary = problem.fillValue;
        let newlyCovered = 0;
        for (const index of relevant[option.index] ?? []) {
          const requirement = requirements[index];
          if (requirement === undefined) continue;
          const present = sources[index]?.[requirement.scope === 'SUBGROUP' ? subgroup : 0] ?? 0;
          if (present < requirement.minSources) {
            primary += requirement.coefficient;
            if (requirement.scope === 'SUBGROUP') newlyCovered += 1;
          }
        }
        // Growth of Σ members² and Σ covered² in this subgroup.
        const size = members[subgroup] ?? 0;
        const sources2 = covered[subgroup] ?? 0;
        const penalty = 2 * size + 1 + (2 * sources2 + newlyCovered) * newlyCovered;
        const balance = option.secondary - problem.balanceCoefficient * penalty;
        const gain: Gain = { option: option.index, subgroup, primary, balance };
        if (better(gain, best, members)) best = gain;
      }
    }
    if (best === null) break;
    place(best.option, best.subgroup, false);
  }
  return placements;
}
