import type { SquadPlan as GameSquadPlan } from '@gw2/game/optimizer';
import { toExplanation } from './plan-explanation.mapper.js';
import { PlanStatus, type PlanAssignment, type SquadPlan } from './optimizer.types.js';
import type { OptionDetails } from './squad-pools.js';

/**
 * The optimizer core's plan as the API returns it: each assignment gets back the build or
 * chat code its option came from (`details`, keyed by option id).
 */
export function toSquadPlan(
  plan: GameSquadPlan,
  details: ReadonlyMap<string, OptionDetails>,
  metaSnapshotVersion: number | null,
  coverage: SquadPlan['coverage'],
): SquadPlan {
  const assignments = new Map<number, PlanAssignment>(
    plan.assignments.map((assignment) => {
      const detail = details.get(assignment.buildId);
      return [
        assignment.slot,
        {
          playerName: assignment.playerName,
          slot: assignment.slot,
          subgroup: assignment.subgroup,
          buildId: detail?.buildId ?? null,
          chatCode: detail?.chatCode ?? null,
          specialization: assignment.specialization,
          profession: detail?.profession ?? '',
          roleKey: assignment.roleKey,
          roleLabel: detail?.roleLabel ?? assignment.label,
          provides: [...assignment.provides],
          locked: assignment.locked,
        },
      ];
    }),
  );
  return {
    gameMode: plan.gameMode,
    size: plan.size,
    status: PlanStatus[plan.status],
    objectiveValue: plan.objectiveValue,
    mipGap: plan.mipGap,
    solveTimeMs: plan.solveTimeMs,
    score: { ...plan.score },
    assignments: [...assignments.values()],
    subgroups: plan.subgroups.map((subgroup) => ({
      number: subgroup.subgroup,
      members: subgroup.members.flatMap((member) => assignments.get(member.slot) ?? []),
      provides: [...subgroup.provides],
    })),
    coverage,
    gaps: plan.gaps.map((gap) => ({
      subgroup: gap.subgroup,
      capability: gap.capability,
      scope: gap.scope,
      required: gap.required,
      present: gap.present,
      label: gap.label,
      message: gap.message,
    })),
    explanation: toExplanation(plan.explanation),
    metaSnapshotVersion,
  };
}
