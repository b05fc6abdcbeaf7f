import type { GameMode as GameModeId } from '@gw2/game';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GameMode } from '../catalog/catalog.types.js';
import { OptimizeSquadInput } from '../optimizer/optimizer.inputs.js';
import { SynergyEntryInput } from '../teams/team.inputs.js';

export const MAX_REQUEST_LENGTH = 500;

@InputType({
  description:
    'Either a free-text `request` ("Thursday raid, 10, two condi, I play quickness firebrand"; ' +
    'needs the language model), or the structured `squad` (the optimizer’s input), or a ' +
    '`teamId` whose members are the roster (with `squad` for mode, size, locks and ' +
    'preferences, or with `request`)',
})
export class ComposeSquadInput {
  @Field(() => String, { nullable: true, description: `At most ${MAX_REQUEST_LENGTH} characters` })
  request?: string | null;

  @Field(() => OptimizeSquadInput, { nullable: true })
  squad?: OptimizeSquadInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A team the caller may see: its members (saved builds) are the roster',
  })
  teamId?: string | null;
}

@InputType({ description: 'A saved build and a mode, like the runbook’s optimize-build' })
export class ReviewBuildInput {
  @Field(() => ID)
  buildId!: string;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => String, { nullable: true, description: 'The role the player means to play' })
  roleKey?: string | null;
}

@InputType({
  description:
    'Two to five specializations or professions (like the runbook’s analyze-synergy), or one ' +
    'subgroup of a team the caller may see',
})
export class ExplainSynergyInput {
  @Field(() => GameMode, { nullable: true, description: 'Required with `entries`' })
  gameMode?: GameModeId | null;

  @Field(() => [SynergyEntryInput], { nullable: true })
  entries?: SynergyEntryInput[] | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => Int, { nullable: true, description: '1-based; with `teamId`' })
  subgroup?: number | null;
}
