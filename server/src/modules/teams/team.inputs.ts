import type { GameMode as GameModeId } from '@gw2/game';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GameMode } from '../catalog/catalog.types.js';
import { TeamVisibility } from './team.entity.js';
import { TeamScope } from './team.types.js';

@InputType()
export class CreateTeamInput {
  @Field(() => String, { description: '1 to 100 characters' })
  name!: string;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Int, {
    description:
      'Planned size: FRACTALS 5, RAID 10, STRIKES 10, HAVOC 15, ROAMING 5, ZERG 50 at most',
  })
  size!: number;

  @Field(() => TeamVisibility, { nullable: true, defaultValue: TeamVisibility.PRIVATE })
  visibility?: TeamVisibility | null;
}

@InputType({ description: 'Omitted fields stay as they are' })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => GameMode, { nullable: true })
  gameMode?: GameModeId | null;

  @Field(() => Int, { nullable: true })
  size?: number | null;

  @Field(() => TeamVisibility, { nullable: true, description: 'Owner only' })
  visibility?: TeamVisibility | null;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID, { description: "A build visible to the team's owner" })
  buildId!: string;

  @Field(() => String, { nullable: true, description: 'At most 64 characters' })
  playerName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A role option key of the build's elite in the mode; omitted: its default role",
  })
  roleKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Omitted: the emptiest subgroup' })
  subgroup?: number | null;

  @Field(() => Int, { nullable: true, description: 'Omitted: the first free position' })
  position?: number | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears playerName or roleKey' })
export class UpdateTeamMemberInput {
  @Field(() => ID, { nullable: true })
  buildId?: string | null;

  @Field(() => String, { nullable: true })
  playerName?: string | null;

  @Field(() => String, { nullable: true })
  roleKey?: string | null;
}

@InputType()
export class TeamFilter {
  @Field(() => TeamScope, { nullable: true, defaultValue: TeamScope.VISIBLE })
  scope?: TeamScope | null;

  @Field(() => GameMode, { nullable: true })
  gameMode?: GameModeId | null;
}

@InputType({
  description: 'An elite specialization, or a profession standing for any of its elites',
})
export class SynergyEntryInput {
  @Field(() => String, { nullable: true, description: 'Elite specialization name or id' })
  specialization?: string | null;

  @Field(() => String, { nullable: true })
  profession?: string | null;
}

@InputType()
export class AnalyzeSynergyInput {
  @Field(() => [SynergyEntryInput], { description: '2 to 5 entries, scored as one subgroup' })
  entries!: SynergyEntryInput[];

  @Field(() => GameMode)
  gameMode!: GameModeId;
}
