import type {
  Boon as BoonId,
  Capability as CapabilityId,
  GameMode as GameModeId,
  RequirementScope as RequirementScopeId,
  SynergyPickBasis as SynergyPickBasisId,
} from '@gw2/game';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleInference, RoleSource } from '../roles/role-inference.types.js';
import { Build, PageInfo } from '../builds/build.types.js';
import { Boon, Capability, GameMode, RoleOption } from '../catalog/catalog.types.js';
import { TeamShareAccess, TeamVisibility } from './team.entity.js';
import type { TeamReadScope } from './team.loaders.js';

registerEnumType(TeamVisibility, {
  name: 'TeamVisibility',
  description:
    'PRIVATE: the owner and the users it is shared with. UNLISTED: anyone with the id. PUBLIC: listed for everyone',
});
registerEnumType(TeamShareAccess, {
  name: 'TeamShareAccess',
  description: 'VIEW reads the team; EDIT also changes it and its members (not delete or share)',
});

export enum TeamAccess {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
  READER = 'READER',
}
registerEnumType(TeamAccess, {
  name: 'TeamAccess',
  description: 'What the viewer may do with a team',
});

export enum TeamScope {
  VISIBLE = 'VISIBLE',
  MINE = 'MINE',
  SHARED_WITH_ME = 'SHARED_WITH_ME',
  PUBLIC = 'PUBLIC',
}
registerEnumType(TeamScope, {
  name: 'TeamScope',
  description:
    'VISIBLE: public teams, mine and those shared with me. MINE, SHARED_WITH_ME, PUBLIC: only those. Unlisted teams of others are never listed',
});

export enum RequirementScope {
  SUBGROUP = 'SUBGROUP',
  SQUAD = 'SQUAD',
}
registerEnumType(RequirementScope, {
  name: 'RequirementScope',
  description: 'Whether every subgroup or the squad as a whole must meet a requirement',
});

export enum SynergyPickBasis {
  ROLE = 'ROLE',
  PROFESSION_UNION = 'PROFESSION_UNION',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(SynergyPickBasis, {
  name: 'SynergyPickBasis',
  description:
    "ROLE: the elite's best role. PROFESSION_UNION: a profession alone, credited with every role of its elites. UNKNOWN: no source says",
});

@ObjectType({ description: 'The public face of a user (never the e-mail)' })
export class UserProfile {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;
}

@ObjectType({ description: 'A member who provides a capability' })
export class CoverageProvider {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: 'Player name, or the build name' })
  label!: string;
}

@ObjectType({ description: 'Who provides one capability, against the requirement if there is one' })
export class CapabilityCoverage {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => [CoverageProvider])
  providers!: CoverageProvider[];

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'Providers needed; null when not required' })
  minSources!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'min(1, providers / minSources); null when not required',
  })
  score!: number | null;
}

@ObjectType()
export class SquadCapabilityCoverage extends CapabilityCoverage {
  @Field(() => Int, { description: 'Providers in the whole squad' })
  count!: number;
}

/**
 * Where a requirement goes unmet: the fields team coverage gaps and optimizer plan gaps
 * share (never referenced itself, so not in the schema).
 */
@ObjectType()
export abstract class RequirementGapFields {
  @Field(() => Int, { nullable: true, description: 'null for a squad-wide requirement' })
  subgroup!: number | null;

  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => RequirementScope)
  scope!: RequirementScopeId;
}

@ObjectType({ description: 'A requirement of the game mode that is not met' })
export class CoverageGap extends RequirementGapFields {
  @Field(() => Int)
  have!: number;

  @Field(() => Int)
  need!: number;

  @Field(() => String, { description: 'e.g. "Subgroup 2 has no alacrity source"' })
  message!: string;
}

@ObjectType()
export class SubgroupCoverage {
  @Field(() => Int, { description: '1-based' })
  subgroup!: number;

  @Field(() => [ID])
  memberIds!: string[];

  @Field(() => [CapabilityCoverage], { description: 'Every capability, in a fixed order' })
  capabilities!: CapabilityCoverage[];

  @Field(() => Float, { description: '0..1, weighted by the requirement weights' })
  score!: number;

  @Field(() => [CoverageGap])
  gaps!: CoverageGap[];
}

@ObjectType({
  description: 'Coverage of a team against its game mode, per subgroup and squad-wide',
})
export class TeamCoverage {
  @Field(() => Float, { description: '0..100' })
  score!: number;

  @Field(() => [SubgroupCoverage], { description: 'Every subgroup the size calls for' })
  subgroups!: SubgroupCoverage[];

  @Field(() => [SquadCapabilityCoverage])
  squad!: SquadCapabilityCoverage[];

  @Field(() => [CoverageGap], { description: 'Subgroup gaps in subgroup order, then squad gaps' })
  gaps!: CoverageGap[];

  @Field(() => String, { description: 'Version of the requirements data used' })
  requirementsVersion!: string;
}

@ObjectType({ description: 'A build in a slot of a team' })
export class TeamMember {
  @Field(() => ID)
  id!: string;

  @Field(() => Build, {
    nullable: true,
    description:
      "null when its owner made the build private (the team shows what the team's owner can see)",
  })
  build!: Build | null;

  @Field(() => String, { nullable: true })
  playerName!: string | null;

  @Field(() => String, { nullable: true, description: 'The role key chosen for the member' })
  roleKey!: string | null;

  @Field(() => RoleOption, {
    nullable: true,
    description:
      "The role played: the chosen one, else the build's first declared role in this mode, else the role inferred from the build's chat code; null when none is known",
  })
  role!: RoleOption | null;

  @Field(() => RoleSource, { nullable: true, description: 'Where `role` comes from' })
  roleSource!: RoleSource | null;

  @Field(() => RoleInference, {
    nullable: true,
    description:
      "What the build's chat code shows it plays in this mode (the default and the options a player picks from); null when the build is hidden",
  })
  roleInference!: RoleInference | null;

  @Field(() => [Capability], { description: 'What the member brings to its subgroup' })
  provides!: CapabilityId[];

  @Field(() => Int, { description: '1..ceil(size / 5)' })
  subgroup!: number;

  @Field(() => Int, { description: '1..5 within the subgroup' })
  position!: number;

  @Field(() => String, { description: 'Player name, or the build name' })
  label!: string;
}

@ObjectType()
export class TeamShare {
  @Field(() => UserProfile)
  user!: UserProfile;

  @Field(() => TeamShareAccess)
  access!: TeamShareAccess;
}

@ObjectType({ description: 'A planned squad' })
export class Team {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Int)
  size!: number;

  @Field(() => TeamVisibility)
  visibility!: TeamVisibility;

  @Field(() => Int, { description: 'Bumped by every change; send it back as expectedVersion' })
  version!: number;

  @Field(() => GraphQLDateTimeISO)
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO)
  updatedAt!: Date;

  /** Not fields: owner, viewerAccess, members, coverage and shares resolve through the scope. */
  scope!: TeamReadScope;
  ownerId!: string;
}

@ObjectType()
export class TeamEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Team)
  node!: Team;
}

@ObjectType({ description: 'A page of teams, newest first' })
export class TeamConnection {
  @Field(() => [TeamEdge])
  edges!: TeamEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/**
 * A game-mode requirement: the fields synergy requirement status and build advice share
 * (never referenced itself, so not in the schema).
 */
@ObjectType()
export abstract class ModeRequirementFields {
  @Field(() => Capability)
  capability!: CapabilityId;

  @Field(() => RequirementScope)
  scope!: RequirementScopeId;

  @Field(() => Int)
  minSources!: number;

  @Field(() => Float)
  weight!: number;

  @Field(() => String, { description: 'e.g. "a stability source"' })
  label!: string;
}

@ObjectType()
export class RequirementStatus extends ModeRequirementFields {
  @Field(() => Int, { description: 'Entries providing it' })
  have!: number;
}

@ObjectType()
export class SynergyEntryResult {
  @Field(() => String, { description: 'Specialization or profession name as the data spells it' })
  name!: string;

  @Field(() => String)
  profession!: string;

  @Field(() => Int, { nullable: true })
  specializationId!: number | null;

  @Field(() => SynergyPickBasis)
  basis!: SynergyPickBasisId;

  @Field(() => RoleOption, {
    nullable: true,
    description: 'The role picked; null unless basis is ROLE',
  })
  role!: RoleOption | null;

  @Field(() => [Capability])
  provides!: CapabilityId[];

  @Field(() => String)
  note!: string;
}

@ObjectType({
  description: 'How well a few specializations or professions work together as one subgroup',
})
export class SynergyResult {
  @Field(() => GameMode)
  gameMode!: GameModeId;

  @Field(() => Float, { description: '0..100' })
  score!: number;

  @Field(() => [SynergyEntryResult])
  entries!: SynergyEntryResult[];

  @Field(() => [Capability], { description: 'Brought by two or more entries' })
  sharedCapabilities!: CapabilityId[];

  @Field(() => [Boon])
  sharedBoons!: BoonId[];

  @Field(() => [RequirementStatus])
  coveredRequirements!: RequirementStatus[];

  @Field(() => [RequirementStatus])
  missingRequirements!: RequirementStatus[];

  @Field(() => String)
  summary!: string;
}
