import type { InferenceConfidence as ConfidenceId, RoleContext as RoleContextId } from '@gw2/game';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleContext, RoleOption } from '../catalog/catalog.types.js';

export enum InferenceConfidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(InferenceConfidence, {
  name: 'InferenceConfidence',
  description:
    'HIGH: a clear marker, or the only role listed. MEDIUM: a support role with a close rival, ' +
    'or DPS with no support marker at all. LOW: DPS while a support role has some evidence',
});

export enum RoleSource {
  CHOSEN = 'CHOSEN',
  DECLARED = 'DECLARED',
  INFERRED = 'INFERRED',
}
registerEnumType(RoleSource, {
  name: 'RoleSource',
  description:
    "Where a member's role comes from: the member's chosen role, the build's declared role, or inference from the chat code",
});

export enum EvidenceKind {
  TRAIT = 'TRAIT',
  TRAIT_LINE = 'TRAIT_LINE',
  LEGEND = 'LEGEND',
  PET = 'PET',
  WEAPON = 'WEAPON',
  SKILL = 'SKILL',
  TRAIT_BOON = 'TRAIT_BOON',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description:
    'What in the chat code marks a role; TRAIT_BOON: a selected trait whose API facts share a key boon with allies',
});

@ObjectType({ description: 'Something in a build that marks a role' })
export class RoleEvidence {
  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field(() => String, { description: 'e.g. "Righteous Rebel (trait)"' })
  label!: string;

  @Field(() => Int, { description: '3 marks the role on its own; 1-2 support it' })
  weight!: number;

  @Field(() => Boolean, { description: 'Marks a healer' })
  heal!: boolean;

  @Field(() => [String], { description: 'Ids of the roles data sources (see rolesData)' })
  sources!: string[];
}

@ObjectType({ description: 'A role the build could play, and how much of it the build shows' })
export class RoleCandidate {
  @Field(() => RoleOption)
  role!: RoleOption;

  @Field(() => Int)
  score!: number;

  @Field(() => Boolean, { description: 'Whether the evidence is enough to infer it' })
  qualifies!: boolean;

  @Field(() => [RoleEvidence])
  evidence!: RoleEvidence[];

  @Field(() => String, { nullable: true, description: 'What the build lacks for it' })
  missing!: string | null;
}

@ObjectType({
  description: 'The role a build most likely plays in a role context, read from its chat code',
})
export class RoleInference {
  @Field(() => RoleContext)
  context!: RoleContextId;

  @Field(() => String, {
    nullable: true,
    description: 'Elite specialization; null for a core build',
  })
  elite!: string | null;

  @Field(() => RoleOption, { nullable: true, description: 'null when unknown: never guessed' })
  role!: RoleOption | null;

  @Field(() => InferenceConfidence, { nullable: true })
  confidence!: ConfidenceId | null;

  @Field(() => [RoleEvidence])
  evidence!: RoleEvidence[];

  @Field(() => [RoleCandidate], {
    description: "The elite's other roles in the context, best first",
  })
  alternatives!: RoleCandidate[];

  @Field(() => String, { description: 'One sentence: the role, its confidence and why' })
  summary!: string;
}
