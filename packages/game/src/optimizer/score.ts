/**
 * The objective every search (MIP, greedy, brute force in tests) is measured by, so their
 * results are comparable number for number. It is lexicographic (docs/OPTIMIZER.md):
 *
 *   objective        = Σ covered sources × coefficient(r) + filled slots          (PRIMARY)
 *   balanceObjective = −balanceCoefficient × (Σ_g members_g² + Σ_g covered_g²)
 *                      + Σ members secondary(option)                            (BALANCE)
 *
 * A plan is better when its objective is higher, or equal with a higher balanceObjective.
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

/** Members and covered subgroup sources (of requirements that count) per subgroup. */
export function subgroupShape(
  problem: PreparedProblem,
  placements: readonly Placement[],
): { sizes: number[]; covered: number[] } {
  const sizes = new Array<number>(problem.subgroupCount).fill(0);
  for (const placement of placements)
    sizes[placement.subgroup] = (sizes[placement.subgroup] ?? 0) + 1;
  const covered = new Array<number>(problem.subgroupCount).fill(0);
  for (const requirement of problem.requirements) {
    if (requirement.scope !== 'SUBGROUP' || requirement.coefficient === 0) continue;
    sourceCounts(problem, requirement, placements).forEach((count, g) => {
      covered[g] = (covered[g] ?? 0) + Math.min(count, requirement.minSources);
    });
  }
  return { sizes, covered };
}

/** Σ members² + Σ covered sources² over the subgroups in use: lower is more even. */
export function balancePenaltyOf(
  problem: PreparedProblem,
  placements: readonly Placement[],
): number {
  const { sizes, covered } = subgroupShape(problem, placements);
  const square = (sum: number, value: number) => sum + value * value;
  return sizes.reduce(square, 0) + covered.reduce(square, 0);
}

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
  objective += placements.length * problem.fillValue;
  let secondary = 0;
  for (const placement of placements) {
    secondary += problem.options[placement.option]?.secondary ?? 0;
  }
  const balancePenalty = balancePenaltyOf(problem, placements);
  return {
    objective,
    balanceObjective: secondary - problem.balanceCoefficient * balancePenalty,
    coveredSources,
    requiredSources,
    filledSlots: placements.length,
    balancePenalty,
    secondary,
  };
}

/** Positive when `a` is the better plan: higher objective, then higher balanceObjective. */
export function compareScores(a: PlanScore, b: PlanScore): number {
  return a.objective - b.objective || a.balanceObjective - b.balanceObjective;
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
