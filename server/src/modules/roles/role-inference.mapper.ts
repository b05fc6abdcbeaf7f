import {
  eliteRolesFor,
  type RoleEvidence as GameEvidence,
  type RoleInference as GameInference,
  type RoleOption as GameRoleOption,
} from '@gw2/game';
import { toRoleOption } from '../catalog/catalog.mappers.js';
import type { RoleOption } from '../catalog/catalog.types.js';
import { EvidenceKind, type RoleEvidence, type RoleInference } from './role-inference.types.js';

function toEvidence(evidence: GameEvidence): RoleEvidence {
  return {
    kind: EvidenceKind[evidence.kind],
    label: evidence.label,
    weight: evidence.weight,
    heal: evidence.heal,
    sources: [...evidence.sources],
  };
}

/** A role option of the inference's elite, as the API shows role options. */
function roleView(inference: GameInference, option: GameRoleOption): RoleOption {
  const elite = eliteRolesFor(inference.elite ?? '');
  return toRoleOption({
    elite: elite.name,
    specializationId: elite.specializationId,
    profession: elite.profession,
    context: inference.context,
    option,
  });
}

export function toRoleInference(inference: GameInference): RoleInference {
  return {
    context: inference.context,
    elite: inference.elite,
    role: inference.role ? roleView(inference, inference.role) : null,
    confidence: inference.confidence,
    evidence: inference.evidence.map(toEvidence),
    alternatives: inference.alternatives.map((candidate) => ({
      role: roleView(inference, candidate.option),
      score: candidate.score,
      qualifies: candidate.qualifies,
      evidence: candidate.evidence.map(toEvidence),
      missing: candidate.missing,
    })),
    summary: inference.summary,
  };
}
