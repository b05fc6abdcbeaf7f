import type { Boon as BoonId, GameMode as GameModeId } from '@gw2/game';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Boon,
  GameMode,
  Profession,
  RoleOption,
  Specialization,
  Trait,
} from '../catalog/catalog.types.js';
import { RoleInference } from '../roles/role-inference.types.js';
import { BuildVisibility } from './build.entity.js';

registerEnumType(BuildVisibility, {
  name: 'BuildVisibility',
  description: 'PRIVATE: owner only. UNLISTED: anyone with the id. PUBLIC: listed for everyone',
});

export enum BuildOwnerFilter {
  ME = 'ME',
  ANY = 'ANY',
}
registerEnumType(BuildOwnerFilter, {
  name: 'BuildOwnerFilter',
  description: 'ME: all my builds (sign-in needed). ANY: public builds plus my own',
});

@ObjectType({ description: 'The public face of a build owner (never the e-mail)' })
export class BuildOwner {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;
}

@ObjectType({ description: 'One trait line of a build' })
export class BuildSpecialization {
  @Field(() => Specialization)
  specialization!: Specialization;

  @Field(() => [Int], { description: 'Adept, master, grandmaster: 0 none, 1-3 top to bottom' })
  traitChoices!: number[];

  @Field(() => [Trait], { description: 'The selected major traits, in tier order' })
  majorTraits!: Trait[];
}

@ObjectType({ description: 'Build-template palette ids (not skill ids); 0 for an empty slot' })
export class SkillBar {
  @Field(() => Int)
  heal!: number;

  @Field(() => [Int])
  utilities!: number[];

  @Field(() => Int)
  elite!: number;
}

@ObjectType()
export class BuildSkills {
  @Field(() => SkillBar)
  land!: SkillBar;

  @Field(() => SkillBar)
  water!: SkillBar;
}

/** What a chat code describes, without anything saved: the preview of `decodeBuildCode`. */
@ObjectType()
export class BuildTemplateView {
  @Field(() => Profession)
  profession!: Profession;

  @Field(() => [BuildSpecialization])
  specializations!: BuildSpecialization[];

  @Field(() => BuildSkills)
  skills!: BuildSkills;

  @Field(() => [Int], { description: 'Weapon ids (codes of the current format only)' })
  weapons!: number[];

  @Field(() => String, { description: 'The canonical chat code' })
  chatCode!: string;

  @Field(() => [Boon], {
    description:
      'Boons the selected traits share with allies, plus those of the roles it plays: the declared roles and, in each context of its game modes (both when none) where it declares none, the inferred role',
  })
  providedBoons!: BoonId[];

  @Field(() => [RoleOption], {
    description:
      "The elite's role options for the build's game modes (both role tables when it names none)",
  })
  suggestedRoles!: RoleOption[];

  @Field(() => [RoleInference], {
    description:
      'The role the chat code shows the build plays, per role context (PvE, WvW), with evidence and alternatives',
  })
  inferredRoles!: RoleInference[];
}

@ObjectType({ description: 'A saved build' })
export class Build extends BuildTemplateView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [GameMode])
  gameModes!: GameModeId[];

  @Field(() => [String], { description: "Declared role keys of the elite's role options" })
  roles!: string[];

  @Field(() => String, { nullable: true, description: 'Stat prefix (item stat name)' })
  statPrefix!: string | null;

  @Field(() => String, { description: 'Markdown, at most 10 kB' })
  notes!: string;

  @Field(() => BuildVisibility)
  visibility!: BuildVisibility;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO)
  updatedAt!: Date;

  /** Not a field: `owner` is resolved from it through the per-request loader. */
  ownerId!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class BuildEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Build)
  node!: Build;
}

@ObjectType({ description: 'A page of builds, newest first' })
export class BuildConnection {
  @Field(() => [BuildEdge])
  edges!: BuildEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counted only when asked for (see BuildConnectionResolver). */
  count!: () => Promise<number>;
}

@ObjectType({ description: 'Why one code of an import was not saved' })
export class ImportBuildError {
  @Field(() => String)
  message!: string;

  @Field(() => String, { description: 'Always BAD_USER_INPUT' })
  code!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  field!: string | null;
}

@ObjectType({ description: 'The outcome for one code: a build, or an error' })
export class ImportBuildResult {
  @Field(() => Int, { description: 'Position in the input list' })
  index!: number;

  @Field(() => String)
  chatCode!: string;

  @Field(() => Build, { nullable: true })
  build!: Build | null;

  @Field(() => ImportBuildError, { nullable: true })
  error!: ImportBuildError | null;
}

@ObjectType()
export class ImportBuildsPayload {
  @Field(() => [ImportBuildResult])
  results!: ImportBuildResult[];

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  failed!: number;
}
