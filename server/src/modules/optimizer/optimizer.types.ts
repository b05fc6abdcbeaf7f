import type { Capability as CapabilityId, GameMode as GameModeId } from '@gw2/game';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Capability, GameMode } from '../catalog/catalog.types.js';
import { RequirementGapFields, TeamCoverage } from '../teams/team.types.js';
import { PlanExplanation } from './plan-explanation.types.js';

export enum PlanStatus {
  /** The plan is proven best. */
  OPTIMAL = 'OPTIMAL',
  /** The best plan found before the time limit; see `mipGap`. */
  TIME_LIMIT = 'TIME_LIMIT',
  /** The solver produced nothing usable; this is the greedy plan. */
  HEURISTIC = 'HEURISTIC',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'How good the plan is known to be',
});

@ObjectType({
  description: 'One squad member of a plan: who plays which build, where, in which role',
})
export class PlanAssignment {
  @Field(() => String, {
    nullable: true,
    description: 'ROSTER plans: the player; META plans: null',
  })
  playerName!: string | null;

  @Field(() => Int, { description: '1-based slot across the squad, in subgroup order' })
  slot!: number;

  @Field(() => Int, { description: '1-based' })
  subgroup!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The saved build, when the option came from one',
  })
  buildId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The build’s chat code (null for META slots)',
  })
  chatCode!: string | null;

  @Field(() => String, { description: 'Elite specialization, or the profession for a core build' })
  specialization!: string;

  @Field(() => String, { description: 'Profession id ("Guardian")' })
  profession!: string;

  @Field(() => String)
  roleKey!: string;

  @Field(() => String)
  roleLabel!: string;

  @Field(() => [Capability], { description: 'What the member brings: the role and the traits' })
  provides!: CapabilityId[];

  @Field(() => Boolean, { description: 'Placed by a lock of the request' })
  locked!: boolean;
}

@ObjectType()
export class PlanSubgroup {
  @Field(() => Int)
  number!: number;

  @Field(() => [PlanAssignment])
  members!: PlanAssignment[];

  @Field(() => [Capability], { description: 'Union of what the members provide' })
  provides!: CapabilityId[];
}

@ObjectType({ description: 'A requirement the plan leaves unmet, in plain words' })
export class PlanGap extends RequirementGapFields {
  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  present!: number;

  @Field(() => String, { description: 'The requirement, e.g. "a stability source"' })
  label!: string;

  @Field(() => String, { description: 'e.g. "Subgroup 3 has no stability source"' })
  message!: string;
}

@ObjectType({ description: 'The parts of the optimised objective' })
export class PlanScore {
  @Field(() => Float, { description: 'First tier: required coverage, then fill' })
  objective!: number;

  @Field(() => Int)
  coveredSources!: number;

  @Field(() => Int)
  requiredSources!: number;

  @Field(() => Int)
  filledSlots!: number;

  @Field(() => Float, {
    description: 'Second tier, compared between plans of equal objective: balance, then priorities',
  })
  balanceObjective!: number;

  @Field(() => Int, {
    description: 'Σ members² + Σ covered sources² over the subgroups in use (lower is more even)',
  })
  balancePenalty!: number;

  @Field(() => Float, { description: 'Option priorities and breadth' })
  secondary!: number;
}

@ObjectType({ description: 'An optimised squad' })
export class SquadPlan {
  @Field(() => ID, {
    nullable: true,
    description:
      'Plans proposed to signed-in players are recorded (null for anonymous callers): pass the ' +
      'id to applySquadPlan or discardSquadPlan, and rate it with submitFeedback (SQUAD_PLAN)',
  })
  id?: string | null;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Int)
  size!: number;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => Float)
  objectiveValue!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Relative gap to the best proven bound: 0 when optimal, null when unknown',
  })
  mipGap!: number | null;

  @Field(() => Float)
  solveTimeMs!: number;

  @Field(() => PlanScore)
  score!: PlanScore;

  @Field(() => [PlanAssignment])
  assignments!: PlanAssignment[];

  @Field(() => [PlanSubgroup])
  subgroups!: PlanSubgroup[];

  @Field(() => TeamCoverage, {
    description:
      'Coverage as teams show it; member ids are player names (ROSTER) or `slot-N` (META)',
  })
  coverage!: TeamCoverage;

  @Field(() => [PlanGap], { description: 'Requirements the pool could not cover' })
  gaps!: PlanGap[];

  @Field(() => PlanExplanation)
  explanation!: PlanExplanation;

  @Field(() => Int, {
    nullable: true,
    description:
      'The meta snapshot whose preference weights ranked equally good plans (metaSnapshot); ' +
      'null before the learning pipeline’s first snapshot',
  })
  metaSnapshotVersion!: number | null;
}
