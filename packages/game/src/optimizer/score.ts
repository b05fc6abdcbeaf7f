/**
 * The objective every search (MIP, greedy, brute force in tests) is measured by, so their
 * results are comparable number for number.
 */
import { gapMessage } from '../coverage/messages.js';
import type { PreparedProblem, PreparedRequirement } from './problem.js';
import type { PlanGap, PlanScore } from './types.js';

/** One member of a plan in indexed form. */
export interface Placement {
  readonly option: number;
  /** 0-based. */
  readonly subgroup: number;
  readonly locked: boolean;
}

/** Sources of each requirement per unit: one entry per subgroup, or a single squad entry. */
function sourceCounts(
  problem: PreparedProblem,
  requirement: PreparedRequirement,
  placements: readonly Placement[],
): number[] {
  const units = requirement.scope === 'SUBGROUP' ? problem.subgroupCount : 1;
  const counts = new Array<number>(units).fill(0);
  for (const placement of placements) {
    const option = problem.options[placement.option];
    if (option?.provides.has(requirement.capability)) {
      const unit = requirement.scope === 'SUBGROUP' ? placement.subgroup : 0;
      counts[unit] = (counts[unit] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Objective = Σ covered sources × requirement coefficient (a source beyond minSources earns
 * nothing) + filled slots × fillValue + Σ member secondary value. The tiers are scaled so
 * coverage strictly outranks fill, which strictly outranks the secondary value.
 */
export function scorePlan(problem: PreparedProblem, placements: readonly Placement[]): PlanScore {
  let objective = 0;
  let coveredSources = 0;
  let requiredSources = 0;
  for (const requirement of problem.requirements) {
    for (const count of sourceCounts(problem, requirement, placements)) {
      const covered = Math.min(count, requirement.minSources);
      coveredSources += covered;
      requiredSources += requirement.minSources;
      objective += covered * requirement.coefficient;
    }
  }
  let secondary = 0;
  for (const placement of placements)
    secondary += problem.options[placement.option]?.secondary ?? 0;
  objective += placements.length * problem.fillValue + secondary;
  return { objective, coveredSources, requiredSources, filledSlots: placements.length, secondary };
}

/** Unmet requirements in plain words, subgroup gaps first in subgroup order, then squad gaps. */
export function findGaps(problem: PreparedProblem, placements: readonly Placement[]): PlanGap[] {
  const gaps: PlanGap[] = [];
  const squadGaps: PlanGap[] = [];
  const perSubgroup: PlanGap[][] = Array.from({ length: problem.subgroupCount }, () => []);
  for (const requirement of problem.requirements) {
    sourceCounts(problem, requirement, placements).forEach((present, unit) => {
      if (present >= requirement.minSources) return;
      const subgroup = requirement.scope === 'SUBGROUP' ? unit + 1 : null;
      const gap: PlanGap = {
        capability: requirement.capability,
        scope: requirement.scope,
        subgroup,
        required: requirement.minSources,
        present,
        label: requirement.label,
        message: gapMessage(subgroup, requirement.capability, present, requirement.minSources),
      };
      (subgroup === null ? squadGaps : (perSubgroup[unit] ?? squadGaps)).push(gap);
    });
  }
  for (const list of perSubgroup) gaps.push(...list);
  gaps.push(...squadGaps);
  return gaps;
}
