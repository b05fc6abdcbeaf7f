import type { Capability as CapabilityId, GameMode as GameModeId } from '@gw2/game';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Capability, GameMode } from '../catalog/catalog.types.js';

export enum SquadPool {
  /** Every role option of the mode's meta, usable any number of times: the plan names slots. */
  META = 'META',
  /** The given players, each placed at most once with one of their builds. */
  ROSTER = 'ROSTER',
}
registerEnumType(SquadPool, {
  name: 'SquadPool',
  description: 'Who can fill the squad: the meta role options or a roster of players',
});

@InputType({ description: 'A player and the 1-10 builds they can play' })
export class RosterPlayerInput {
  @Field(() => String, { description: 'Unique in the roster (ignoring case), 1-64 characters' })
  playerName!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Saved builds; needs sign-in, each must be visible to the caller',
  })
  buildIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Build chat codes ([&DQ...])' })
  chatCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The role the player plays (a role key, e.g. `heal-alacrity`), for builds whose elite has it; otherwise each build plays its declared or inferred role',
  })
  roleKey?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Where the player sits now (1-based): plans move as few players as the objective allows, and the explanation says why each one moves',
  })
  currentSubgroup?: number | null;
}

@InputType({
  description:
    'A member the plan must contain in a subgroup. ROSTER: `playerName`, plus build or role when ' +
    'the player has several options. META: `specialization` and `roleKey`',
})
export class LockedMemberInput {
  @Field(() => String, { nullable: true })
  playerName?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the player’s saved builds' })
  buildId?: string | null;

  @Field(() => String, { nullable: true, description: 'One of the player’s chat codes' })
  chatCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Elite specialization name (or profession name for a core build)',
  })
  specialization?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A role key of the elite, e.g. `heal-alacrity`',
  })
  roleKey?: string | null;

  @Field(() => Int, { description: '1-based' })
  subgroup!: number;
}

@InputType()
export class CapabilityWeightInput {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => Float, { description: 'Replaces the mode’s weight for this capability, 0-100' })
  weight!: number;
}

@InputType()
export class SpecializationLimitInput {
  @Field(() => String, {
    description: 'Elite specialization name, or profession name for core builds',
  })
  specialization!: string;

  @Field(() => Int)
  max!: number;
}

@InputType()
export class SquadPreferencesInput {
  @Field(() => [CapabilityWeightInput], { nullable: true })
  weights?: CapabilityWeightInput[] | null;

  @Field(() => [SpecializationLimitInput], {
    nullable: true,
    description: 'At most this many members of a specialization in the squad',
  })
  maxPerSpecialization?: SpecializationLimitInput[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How much balance counts against option priorities, 0-1 (default 1: balance before every priority; 0: no balancing). Coverage and fill always come first',
  })
  balanceWeight?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Fill only subgroups 1..N (default: every subgroup the size calls for)',
  })
  maxSubgroups?: number | null;

  @Field(() => [[String]], {
    nullable: true,
    description: 'ROSTER only: groups of player names that share a subgroup whenever placed',
  })
  keepTogether?: string[][] | null;
}

@InputType()
export class OptimizeSquadInput {
  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Int, { description: '1 up to the mode’s maximum (5, 10, 15 or 50)' })
  size!: number;

  @Field(() => SquadPool, { defaultValue: SquadPool.META })
  pool!: SquadPool;

  @Field(() => [RosterPlayerInput], {
    nullable: true,
    description: 'ROSTER only: at most 100 players',
  })
  roster?: RosterPlayerInput[] | null;

  @Field(() => [LockedMemberInput], { nullable: true })
  locked?: LockedMemberInput[] | null;

  @Field(() => SquadPreferencesInput, { nullable: true })
  preferences?: SquadPreferencesInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 2000, description: '100-10000' })
  timeLimitMs?: number | null;
}

@InputType({ description: 'One member of a plan to write into a team' })
export class PlanAssignmentInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The saved build; assignments from chat codes alone cannot be applied',
  })
  buildId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only to name a chat-code assignment' })
  chatCode?: string | null;

  @Field(() => String, { nullable: true })
  playerName?: string | null;

  @Field(() => Int, { description: '1-based' })
  subgroup!: number;

  @Field(() => String, { nullable: true })
  roleKey?: string | null;
}

@InputType({
  description:
    'Replaces a team’s members with a plan’s (teamId), or creates a team from it (name). ' +
    'The team takes the plan’s game mode and size',
})
export class ApplySquadPlanInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The recorded plan (SquadPlan.id) being applied; it counts as accepted',
  })
  planId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A team the caller may edit' })
  teamId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required for a new team; renames otherwise',
  })
  name?: string | null;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Int)
  size!: number;

  @Field(() => [PlanAssignmentInput])
  assignments!: PlanAssignmentInput[];

  @Field(() => Int, { nullable: true, description: 'CONFLICT when the team is at another version' })
  expectedVersion?: number | null;
}
