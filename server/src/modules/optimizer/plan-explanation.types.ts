import type { Capability as CapabilityId } from '@gw2/game';
import type {
  ContributionStatus as ContributionStatusId,
  MoveReason as MoveReasonId,
  ObjectiveTier as ObjectiveTierId,
} from '@gw2/game/optimizer';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Capability } from '../catalog/catalog.types.js';
import { RequirementScope } from '../teams/team.types.js';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ObjectiveTier = enumOf<ObjectiveTierId>([
  'COVERAGE',
  'FILL',
  'BALANCE',
  'PREFERENCES',
]);
registerEnumType(ObjectiveTier, {
  name: 'ObjectiveTier',
  description: "The optimizer's objective, most important tier first",
});
export const ContributionStatus = enumOf<ContributionStatusId>(['SOLE', 'COUNTED', 'EXTRA']);
registerEnumType(ContributionStatus, {
  name: 'ContributionStatus',
  description:
    'SOLE: the only provider of a requirement; COUNTED: one of the providers it counts; EXTRA: beyond what it counts',
});
export const MoveReason = enumOf<MoveReasonId>([
  'COVERS',
  'BALANCE',
  'LOCKED',
  'TOGETHER',
  'ADDED',
  'BENCHED',
]);
registerEnumType(MoveReason, { name: 'MoveReason', description: 'Why a player moved' });
export const GapSuggestionKind = enumOf<'BENCH' | 'ROLE'>(['BENCH', 'ROLE']);
registerEnumType(GapSuggestionKind, {
  name: 'GapSuggestionKind',
  description: 'BENCH: a roster player the plan left out; ROLE: a role of the mode',
});

@ObjectType({ description: 'A requirement a member helps meet' })
export class Contribution {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => RequirementScope)
  scope!: RequirementScope;

  @Field(() => String, { description: 'e.g. "a stability source"' })
  requirement!: string;

  @Field(() => ContributionStatus)
  status!: ContributionStatusId;
}

@ObjectType({ description: 'A member of a plan and what it brings' })
export class MemberExplanation {
  @Field(() => String, { nullable: true })
  playerName!: string | null;

  @Field(() => Int)
  slot!: number;

  @Field(() => String)
  specialization!: string;

  @Field(() => String)
  roleKey!: string;

  @Field(() => Boolean)
  locked!: boolean;

  @Field(() => [Contribution], { description: 'Empty for a member who only fills a slot' })
  brings!: Contribution[];
}

@ObjectType({ description: 'One subgroup of a plan, explained' })
export class SubgroupExplanation {
  @Field(() => Int)
  subgroup!: number;

  @Field(() => Boolean, { description: 'false beyond "fill only N subgroups"' })
  inUse!: boolean;

  @Field(() => Int)
  size!: number;

  @Field(() => [MemberExplanation])
  members!: MemberExplanation[];

  @Field(() => [String], { description: 'Requirements met' })
  covered!: string[];

  @Field(() => [String], { description: 'Gap messages' })
  missing!: string[];
}

@ObjectType({ description: 'A player the plan moves, adds or leaves out, and why' })
export class MoveExplanation {
  @Field(() => String)
  playerName!: string;

  @Field(() => Int, { nullable: true, description: 'null when the player was not placed' })
  from!: number | null;

  @Field(() => Int, { nullable: true, description: 'null when the plan leaves the player out' })
  to!: number | null;

  @Field(() => MoveReason)
  reason!: MoveReasonId;

  @Field(() => [String], { description: 'Requirements it covers where it goes' })
  requirements!: string[];

  @Field(() => String)
  text!: string;
}

@ObjectType({ description: 'Who would cover an uncovered requirement' })
export class GapSuggestion {
  @Field(() => GapSuggestionKind)
  kind!: 'BENCH' | 'ROLE';

  @Field(() => String, { nullable: true })
  playerName!: string | null;

  @Field(() => String)
  specialization!: string;

  @Field(() => String)
  roleKey!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType({ description: 'A requirement the plan cannot cover, and what would' })
export class UncoveredRequirement {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => RequirementScope)
  scope!: RequirementScope;

  @Field(() => Int, { nullable: true })
  subgroup!: number | null;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  message!: string;

  @Field(() => [GapSuggestion])
  suggestions!: GapSuggestion[];

  @Field(() => String)
  text!: string;
}

@ObjectType({
  description:
    'Why the plan is what it is: what each member brings, why each move, what stays uncovered. Plain data the app shows and the assistant narrates',
})
export class PlanExplanation {
  @Field(() => [ObjectiveTier])
  objectiveOrder!: ObjectiveTierId[];

  @Field(() => Int)
  coveredSources!: number;

  @Field(() => Int)
  requiredSources!: number;

  @Field(() => [Int], { description: 'Members per subgroup in use' })
  sizes!: number[];

  @Field(() => [Int], {
    nullable: true,
    description: 'Members per subgroup before the plan; null when the roster gave no positions',
  })
  sizesBefore!: number[] | null;

  @Field(() => [SubgroupExplanation])
  subgroups!: SubgroupExplanation[];

  @Field(() => [MoveExplanation])
  moves!: MoveExplanation[];

  @Field(() => [UncoveredRequirement])
  uncovered!: UncoveredRequirement[];

  @Field(() => [String])
  summary!: string[];
}
