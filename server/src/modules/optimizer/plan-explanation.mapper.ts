import type { PlanExplanation as GamePlanExplanation } from '@gw2/game/optimizer';
import { RequirementScope } from '../teams/team.types.js';
import type { PlanExplanation } from './plan-explanation.types.js';

/** The core's explanation as the API shows it: the same data, ids that matter to players only. */
export function toExplanation(explanation: GamePlanExplanation): PlanExplanation {
  return {
    objectiveOrder: [...explanation.objectiveOrder],
    coveredSources: explanation.coveredSources,
    requiredSources: explanation.requiredSources,
    sizes: [...explanation.sizes],
    sizesBefore: explanation.sizesBefore ? [...explanation.sizesBefore] : null,
    subgroups: explanation.subgroups.map((subgroup) => ({
      subgroup: subgroup.subgroup,
      inUse: subgroup.inUse,
      size: subgroup.size,
      covered: [...subgroup.covered],
      missing: [...subgroup.missing],
      members: subgroup.members.map((member) => ({
        playerName: member.playerName,
        slot: member.slot,
        specialization: member.specialization,
        roleKey: member.roleKey,
        locked: member.locked,
        brings: member.brings.map((contribution) => ({
          ...contribution,
          scope: RequirementScope[contribution.scope],
        })),
      })),
    })),
    moves: explanation.moves.map((move) => ({
      playerName: move.playerName,
      from: move.from,
      to: move.to,
      reason: move.reason,
      requirements: [...move.requirements],
      text: move.text,
    })),
    uncovered: explanation.uncovered.map((gap) => ({
      capability: gap.capability,
      scope: RequirementScope[gap.scope],
      subgroup: gap.subgroup,
      label: gap.label,
      message: gap.message,
      text: gap.text,
      suggestions: gap.suggestions.map((suggestion) => ({
        kind: suggestion.kind,
        playerName: suggestion.playerName,
        specialization: suggestion.specialization,
        roleKey: suggestion.roleKey,
        text: suggestion.text,
      })),
    })),
    summary: [...explanation.summary],
  };
}
