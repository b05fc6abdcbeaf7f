import { GAME_MODE_CONTEXT, eliteRolesFor, type ResolvedRole, type SquadCoverage } from '@gw2/game';
import { toRoleOption } from '../catalog/catalog.mappers.js';
import type { RoleOption } from '../catalog/catalog.types.js';
import { toBuild, type BuildRecord } from '../builds/build.mapper.js';
import {
  buildFacts,
  memberCapabilities,
  memberLabel,
  memberRole,
  type MemberFacts,
} from './team.coverage.js';
import { toRoleInference } from '../roles/role-inference.mapper.js';
import { RoleSource } from '../roles/role-inference.types.js';
import type { Build as BuildEntity } from '../builds/build.entity.js';
import type { Team as TeamEntity, TeamMember as TeamMemberEntity } from './team.entity.js';
import type { TeamReadScope } from './team.loaders.js';
import { buildVisibleTo } from './team.rules.js';
import type {
  CapabilityCoverage,
  Team,
  TeamCoverage,
  TeamMember,
  UserProfile,
} from './team.types.js';

/** What the API shows of a stored team: the entity, or a row read without one. */
export type TeamRecord = Pick<
  TeamEntity,
  'id' | 'name' | 'gameMode' | 'size' | 'visibility' | 'version' | 'createdAt' | 'updatedAt'
> & { readonly owner: { readonly id: string } };

/** What the API shows of a team member, with its build. */
export type MemberRecord = Pick<
  TeamMemberEntity,
  'id' | 'subgroup' | 'position' | 'playerName' | 'roleKey'
> & { readonly build: BuildRecord & Pick<BuildEntity, 'specializations'> };

/** The public face of a user. */
export interface UserRecord {
  readonly id: string;
  readonly username: string;
}

/** The stored team as the API shows it; its other fields resolve through `scope`. */
export function toTeam(entity: TeamRecord, scope: TeamReadScope): Team {
  return {
    id: entity.id,
    name: entity.name,
    gameMode: entity.gameMode,
    size: entity.size,
    visibility: entity.visibility,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    ownerId: entity.owner.id,
    scope,
  };
}

export function toUserProfile(user: UserRecord): UserProfile {
  return { id: user.id, username: user.username };
}

/** A member as coverage sees it; its build is hidden once its owner made it private. */
export function memberFacts(member: MemberRecord, teamOwnerId: string): MemberFacts {
  const { build } = member;
  const visible = buildVisibleTo(
    { ownerId: build.owner.id, visibility: build.visibility },
    teamOwnerId,
  );
  return {
    id: member.id,
    subgroup: member.subgroup,
    playerName: member.playerName,
    roleKey: member.roleKey,
    build: visible ? buildFacts(build) : null,
  };
}

function roleView(resolved: ResolvedRole, team: Team): RoleOption | null {
  const { role, inference } = resolved;
  if (!role || inference.elite === null) return null;
  const roles = eliteRolesFor(inference.elite);
  return toRoleOption({
    elite: roles.name,
    specializationId: roles.specializationId,
    profession: roles.profession,
    context: GAME_MODE_CONTEXT[team.gameMode],
    option: role,
  });
}

export function toTeamMember(member: MemberRecord, team: Team): TeamMember {
  const facts = memberFacts(member, team.ownerId);
  const resolved = facts.build ? memberRole(facts.build, facts.roleKey, team.gameMode) : null;
  return {
    id: member.id,
    build: facts.build ? toBuild(member.build) : null,
    playerName: member.playerName,
    roleKey: member.roleKey,
    role: resolved ? roleView(resolved, team) : null,
    roleSource: resolved?.source ? RoleSource[resolved.source] : null,
    roleInference: resolved ? toRoleInference(resolved.inference) : null,
    provides: memberCapabilities(facts, team.gameMode),
    subgroup: member.subgroup,
    position: member.position,
    label: memberLabel(facts),
  };
}

export function toTeamCoverage(
  coverage: SquadCoverage,
  labels: ReadonlyMap<string, string>,
): TeamCoverage {
  const capability = (
    c: SquadCoverage['squad'][number] | SquadCoverage['subgroups'][number]['capabilities'][number],
  ): CapabilityCoverage => ({
    capability: c.capability,
    providers: c.providers.map((memberId) => ({ memberId, label: labels.get(memberId) ?? '' })),
    required: c.required,
    minSources: c.minSources,
    score: c.score,
  });
  const gap = (g: SquadCoverage['gaps'][number]) => ({ ...g });
  return {
    score: coverage.score,
    requirementsVersion: coverage.requirementsVersion,
    subgroups: coverage.subgroups.map((s) => ({
      subgroup: s.subgroup,
      memberIds: [...s.memberIds],
      capabilities: s.capabilities.map(capability),
      score: s.score,
      gaps: s.gaps.map(gap),
    })),
    squad: coverage.squad.map((c) => ({ ...capability(c), count: c.count })),
    gaps: coverage.gaps.map(gap),
  };
}
