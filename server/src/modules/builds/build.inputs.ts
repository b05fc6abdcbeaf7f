import type { GameMode as GameModeId } from '@gw2/game';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GameMode } from '../catalog/catalog.types.js';
import { BuildVisibility } from './build.entity.js';
import { BuildOwnerFilter } from './build.types.js';

@InputType()
export class BuildSpecializationInput {
  @Field(() => Int, { description: 'Specialization id; 0 for an empty line' })
  id!: number;

  @Field(() => [Int], { description: 'Adept, master, grandmaster: 0 none, 1-3 top to bottom' })
  traitChoices!: number[];
}

@InputType()
export class SkillBarInput {
  @Field(() => Int)
  heal!: number;

  @Field(() => [Int])
  utilities!: number[];

  @Field(() => Int)
  elite!: number;
}

@InputType()
export class BuildSkillsInput {
  @Field(() => SkillBarInput, { nullable: true })
  land?: SkillBarInput | null;

  @Field(() => SkillBarInput, { nullable: true })
  water?: SkillBarInput | null;
}

/** Fields shared by create and update (never referenced itself, so not in the schema). */
@InputType()
abstract class BuildFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'A build chat code ([&DQ...]); the template fields are derived from it',
  })
  chatCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Profession id or name; with specializations, skills and weapons instead of a chat code',
  })
  profession?: string | null;

  @Field(() => [BuildSpecializationInput], {
    nullable: true,
    description: 'Up to three lines; an elite only in the third',
  })
  specializations?: BuildSpecializationInput[] | null;

  @Field(() => BuildSkillsInput, { nullable: true })
  skills?: BuildSkillsInput | null;

  @Field(() => [Int], { nullable: true })
  weapons?: number[] | null;

  @Field(() => [GameMode], { nullable: true })
  gameModes?: GameModeId[] | null;

  @Field(() => [String], { nullable: true, description: "Role keys of the elite's role options" })
  roles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Item stat name, e.g. "Berserker"' })
  statPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown, at most 10 kB' })
  notes?: string | null;

  @Field(() => BuildVisibility, { nullable: true })
  visibility?: BuildVisibility | null;
}

@InputType({ description: 'Either `chatCode` or `profession` (with the other template fields)' })
export class CreateBuildInput extends BuildFieldsInput {
  @Field(() => String)
  name!: string;
}

@InputType({
  description:
    'Only the given fields change. A chat code replaces the template; template fields change it in place',
})
export class UpdateBuildInput extends BuildFieldsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class BuildFilter {
  @Field(() => BuildOwnerFilter, { nullable: true, defaultValue: BuildOwnerFilter.ANY })
  owner?: BuildOwnerFilter | null;

  @Field(() => ID, { nullable: true })
  profession?: string | null;

  @Field(() => Int, { nullable: true, description: 'Builds with this specialization in a line' })
  specialization?: number | null;

  @Field(() => GameMode, { nullable: true })
  gameMode?: GameModeId | null;

  @Field(() => String, { nullable: true, description: 'A declared role key' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, ignoring case' })
  search?: string | null;
}
