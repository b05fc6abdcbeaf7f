import type {
  Boon as BoonId,
  GameMode as GameModeId,
  RoleContext as RoleContextId,
} from '@gw2/game';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Boon,
  GameMode,
  RoleContext,
  RoleOption,
  Specialization,
} from '../catalog/catalog.types.js';
import { ModeRequirementFields } from '../teams/team.types.js';

@ObjectType({ description: 'A requirement of the game mode the build can serve' })
export class ServedRequirement extends ModeRequirementFields {
  @Field(() => [String], { description: 'Keys of the role options that provide it' })
  roleKeys!: string[];

  @Field(() => Boolean, { description: 'Whether the build’s selected traits share the boon' })
  byTraits!: boolean;
}

@ObjectType({ description: 'A major trait that would add a boon the mode needs' })
export class TraitSuggestion {
  @Field(() => Int)
  specializationId!: number;

  @Field(() => String)
  specialization!: string;

  @Field(() => Int, { description: '1 adept, 2 master, 3 grandmaster' })
  tier!: number;

  @Field(() => String, { description: 'adept, master or grandmaster' })
  tierName!: string;

  @Field(() => Int, { description: 'The trait choice to select (1-3, top to bottom)' })
  choice!: number;

  @Field(() => Int, { description: 'The build’s current choice in that tier (0 for none)' })
  currentChoice!: number;

  @Field(() => Int)
  traitId!: number;

  @Field(() => String)
  traitName!: string;

  @Field(() => [Boon])
  boons!: BoonId[];
}

@ObjectType()
export class StatPrefixRecommendation {
  @Field(() => String, { description: 'e.g. `pve-dps-power`, `wvw-heal`' })
  key!: string;

  @Field(() => [String], { description: 'Item stat names, e.g. "Berserker\'s"' })
  prefixes!: string[];
}

@ObjectType({ description: 'Recommended stat prefixes for one role' })
export class RoleStatPrefixes {
  @Field(() => String)
  roleKey!: string;

  @Field(() => String)
  roleLabel!: string;

  @Field(() => [StatPrefixRecommendation])
  recommendations!: StatPrefixRecommendation[];

  @Field(() => [String], { description: 'Every recommended prefix, without repeats' })
  prefixes!: string[];
}

@ObjectType({ description: 'What one build can do for a squad in a game mode, and how to do more' })
export class BuildAdvice {
  @Field(() => ID)
  buildId!: string;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => RoleContext)
  context!: RoleContextId;

  @Field(() => Specialization, { nullable: true })
  eliteSpecialization!: Specialization | null;

  @Field(() => [RoleOption], {
    nullable: true,
    description: 'Roles the build can fill here; null when unknown or for a core build',
  })
  roles!: RoleOption[] | null;

  @Field(() => [Boon], { description: 'Boons the build’s traits share with allies' })
  traitBoons!: BoonId[];

  @Field(() => [ServedRequirement])
  servedRequirements!: ServedRequirement[];

  @Field(() => [TraitSuggestion])
  traitSuggestions!: TraitSuggestion[];

  @Field(() => [RoleStatPrefixes])
  statPrefixes!: RoleStatPrefixes[];

  @Field(() => [String], { description: 'Plain-text caveats' })
  notes!: string[];
}
