/**
 * Greedy baseline: place locked members, then repeatedly add the (candidate, subgroup) pair
 * with the largest marginal objective until the squad is full or nobody fits.
 * Fast (microseconds per member) and the MIP's warm start; not optimal.
 */
import { SUBGROUP_SIZE } from '../model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

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
  const usedPlayers = new Set<number>();
  const perSpecialization = new Map<string, number>();
  const placements: Placement[] = [];

  const place = (option: number, subgroup: number, locked: boolean): void => {
    const prepared = options[option];
    if (prepared === undefined) return;
    placements.push({ option, subgroup, locked });
    members[subgroup] = (members[subgroup] ?? 0) + 1;
    if (prepared.owner !== null) usedPlayers.add(prepared.owner);
    const specialization = prepared.source.specialization;
    perSpecialization.set(specialization, (perSpecialization.get(specialization) ?? 0) + 1);
    for (const index of relevant[option] ?? []) {
      const counts = sources[index];
      const unit = requirements[index]?.scope === 'SUBGROUP' ? subgroup : 0;
      if (counts !== undefined) counts[unit] = (counts[unit] ?? 0) + 1;
    }
  };

  for (const lock of problem.locks) place(lock.option, lock.subgroup, true);

  while (placements.length < problem.size) {
    let best: { option: number; subgroup: number; gain: number } | null = null;
    // Empty subgroups are interchangeable: evaluating the first one is enough.
    const candidateGroups: number[] = [];
    let emptySeen = false;
    for (let g = 0; g < groups; g += 1) {
      const occupied = members[g] ?? SUBGROUP_SIZE;
      if (occupied >= SUBGROUP_SIZE || (occupied === 0 && emptySeen)) continue;
      if (occupied === 0) emptySeen = true;
      candidateGroups.push(g);
    }
    for (const option of options) {
      if (option.owner !== null && usedPlayers.has(option.owner)) continue;
      const specialization = option.source.specialization;
      const cap = problem.specializationCaps.get(specialization) ?? Infinity;
      if ((perSpecialization.get(specialization) ?? 0) >= cap) continue;
      const needs = relevant[option.index] ?? [];
      for (const subgroup of candidateGroups) {
        let gain = problem.fillValue + option.secondary;
        for (const index of needs) {
          const requirement = requirements[index];
          if (requirement === undefined) continue;
          const present = sources[index]?.[requirement.scope === 'SUBGROUP' ? subgroup : 0] ?? 0;
          if (present < requirement.minSources) gain += requirement.coefficient;
        }
        // Ties go to the emptier subgroup, keeping room where later supports may be needed.
        const better =
          best === null ||
          gain > best.gain ||
          (gain === best.gain && (members[subgroup] ?? 0) < (members[best.subgroup] ?? 0));
        if (better) best = { option: option.index, subgroup, gain };
      }
    }
    if (best === null) break;
    place(best.option, best.subgroup, false);
  }
  return placements;
}
