import type { GameMode } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  BadUserInputError,
  NotFoundError,
  type FieldProblem,
} from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { Build } from '../builds/build.entity.js';
import { isUuid } from '../builds/build.cursor.js';
import { TeamChanges } from './team.changes.js';
import { buildFacts, roleOptionsFor } from './team.coverage.js';
import { TeamMember, type Team } from './team.entity.js';
import { invalid, optionalPlayerName, trimmedName } from './team.field-checks.js';
import {
  TEAM_NAME_MAX_LENGTH,
  buildVisibleTo,
  placeMember,
  positionProblem,
  subgroupProblem,
} from './team.rules.js';
import { TeamService } from './team.service.js';

export interface MemberFields {
  readonly buildId?: string;
  /** null clears it; undefined leaves it. */
  readonly playerName?: string | null;
  readonly roleKey?: string | null;
}

export interface NewMemberFields extends MemberFields {
  readonly buildId: string;
  /** Omitted: the emptiest subgroup. */
  readonly subgroup?: number | null;
  /** Omitted: the first free position of the subgroup. */
  readonly position?: number | null;
}

/** A member as written by {@link TeamMemberService.replaceMembers}: its slot already chosen. */
export interface MemberSlot {
  readonly buildId: string;
  readonly playerName: string | null;
  readonly roleKey: string | null;
  readonly subgroup: number;
  readonly position: number;
}

/** What {@link TeamMemberService.replaceMembers} writes: the name is kept when omitted. */
export interface TeamContent {
  readonly name?: string | null;
  readonly gameMode: GameMode;
  readonly size: number;
  readonly members: readonly MemberSlot[];
}

/**
 * A team's members and their slots (subgroup, position), one at a time or all at once, each a
 * team change (see {@link TeamChanges}). A member's build must be visible to the team's owner
 * (the team shows what its owner can see) and its role must exist for the build in the game mode.
 */
export class TeamMemberService {
  private readonly changes: TeamChanges;
  private readonly teams: TeamService;

  constructor(
    pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {
    this.changes = new TeamChanges(pubSub, clock);
    this.teams = new TeamService(pubSub, clock);
  }

  /**
   * A new team with its members, in one transaction. Problems with a member are reported at
   * `${path}[index]`; the slots must already fit the size (the caller reports those by its own
   * fields).
   */
  async createTeamWithMembers(
    em: EntityManager,
    viewer: Viewer,
    content: TeamContent & { readonly name: string },
    path: string,
  ): Promise<Team> {
    const team = await em.transactional(async (tx) => {
      const created = await this.teams.createTeam(tx, viewer, content);
      await this.writeMembers(tx, created, content.members, path);
      return created;
    });
    em.clear();
    return team;
  }

  /**
   * Replaces the team's game mode, size, members and (when given) name in one change, like
   * every other change: CONFLICT on a stale `expectedVersion`, NOT_FOUND for a team the viewer
   * cannot see, FORBIDDEN for one it can only read, TEAM_UPDATED once committed. Problems with
   * a member are reported at `${path}[index]`; the slots must already fit the size.
   */
  async replaceMembers(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    content: TeamContent,
    expectedVersion: number | null | undefined,
    path: string,
  ): Promise<Team> {
    return this.changes.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      if (content.name != null) {
        team.name = trimmedName(content.name, 'input.name', TEAM_NAME_MAX_LENGTH);
      }
      team.gameMode = content.gameMode;
      team.size = content.size;
      await this.writeMembers(tx, team, content.members, path);
    });
  }

  async addMember(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    fields: NewMemberFields,
    expectedVersion?: number | null,
  ): Promise<Team> {
    return this.changes.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      const members = await tx.find(TeamMember, { team });
      if (members.length >= team.size) {
        throw new BadUserInputError(`The team is full (${team.size} members).`, {
          field: 'teamId',
          reason: 'TEAM_FULL',
        });
      }
      const placement = placeMember(team.size, members, fields);
      if (!placement.ok) {
        throw new BadUserInputError(placement.message, {
          field: `input.${placement.field}`,
          reason: placement.reason,
        });
      }
      const build = await this.usableBuild(tx, team, fields.buildId, 'input.buildId');
      tx.create(TeamMember, {
        team,
        build,
        playerName: optionalPlayerName(fields.playerName ?? null),
        roleKey: this.checkedRoleKey(build, team.gameMode, fields.roleKey ?? null),
        ...placement.slot,
        createdAt: this.clock.now(),
      });
    });
  }

  async updateMember(
    em: EntityManager,
    viewer: Viewer,
    memberId: string,
    fields: MemberFields,
    expectedVersion?: number | null,
  ): Promise<Team> {
    const teamId = await this.teamIdOfMember(em, memberId);
    return this.changes.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      const member = await this.memberIn(tx, team, memberId);
      if (fields.buildId !== undefined) {
        member.build = await this.usableBuild(tx, team, fields.buildId, 'input.buildId');
      }
      if (fields.playerName !== undefined)
        member.playerName = optionalPlayerName(fields.playerName);
      if (fields.roleKey !== undefined) {
        member.roleKey = this.checkedRoleKey(member.build, team.gameMode, fields.roleKey);
      } else if (
        member.roleKey !== null &&
        !roleOptionsFor(buildFacts(member.build), team.gameMode).some(
          (o) => o.key === member.roleKey,
        )
      ) {
        member.roleKey = null; // the new build has no such role: fall back to its default
      }
    });
  }

  /** Moving onto a taken slot swaps the two members, so no subgroup ever holds more than 5. */
  async moveMember(
    em: EntityManager,
    viewer: Viewer,
    memberId: string,
    subgroup: number,
    position: number,
    expectedVersion?: number | null,
  ): Promise<Team> {
    const teamId = await this.teamIdOfMember(em, memberId);
    return this.changes.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      invalid(subgroupProblem(team.size, subgroup), 'subgroup', 'SUBGROUP_OUT_OF_RANGE');
      invalid(positionProblem(position), 'position', 'POSITION_OUT_OF_RANGE');
      const members = await tx.find(TeamMember, { team });
      const member = members.find((m) => m.id === memberId);
      if (!member) throw new NotFoundError('Team member');
      const occupant = members.find(
        (m) => m !== member && m.subgroup === subgroup && m.position === position,
      );
      if (occupant) {
        occupant.subgroup = member.subgroup;
        occupant.position = member.position;
      }
      member.subgroup = subgroup;
      member.position = position;
    });
  }

  async removeMember(
    em: EntityManager,
    viewer: Viewer,
    memberId: string,
    expectedVersion?: number | null,
  ): Promise<Team> {
    const teamId = await this.teamIdOfMember(em, memberId);
    return this.changes.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      tx.remove(await this.memberIn(tx, team, memberId));
    });
  }

  /** Replaces the team's members: the old rows go first, so no slot is ever taken twice. */
  private async writeMembers(
    tx: EntityManager,
    team: Team,
    members: readonly MemberSlot[],
    path: string,
  ): Promise<void> {
    const builds = await this.slotBuilds(tx, team, members, path);
    await tx.nativeDelete(TeamMember, { team: team.id });
    const now = this.clock.now();
    members.forEach((member, index) => {
      tx.create(TeamMember, {
        team,
        build: builds[index]!,
        playerName: member.playerName,
        roleKey: member.roleKey,
        subgroup: member.subgroup,
        position: member.position,
        createdAt: now,
      });
    });
    await tx.flush();
  }

  /** The members' builds, each visible to the team's owner; all problems reported together. */
  private async slotBuilds(
    tx: EntityManager,
    team: Team,
    members: readonly MemberSlot[],
    path: string,
  ): Promise<Build[]> {
    const ids = [...new Set(members.map((m) => m.buildId))].filter(isUuid);
    const builds = new Map((await tx.find(Build, { id: { $in: ids } })).map((b) => [b.id, b]));
    const problems: FieldProblem[] = [];
    const resolved = members.map((member, index) => {
      const build = builds.get(member.buildId);
      const at = `${path}[${index}]`;
      if (!build || !visibleToOwner(build, team)) {
        problems.push({
          field: `${at}.buildId`,
          message: "No build with this id is visible to the team's owner.",
        });
        return null;
      }
      if (
        member.roleKey !== null &&
        !roleOptionsFor(buildFacts(build), team.gameMode).some((o) => o.key === member.roleKey)
      ) {
        problems.push({
          field: `${at}.roleKey`,
          message: `The build has no role ${member.roleKey} in ${team.gameMode.toLowerCase()}.`,
        });
      }
      return build;
    });
    if (problems.length > 0) {
      throw new BadUserInputError('Some assignments cannot be applied.', {
        field: problems[0]?.field,
        problems,
        reason: problems[0]?.field.endsWith('.buildId') ? 'BUILD_NOT_VISIBLE' : 'UNKNOWN_ROLE',
      });
    }
    return resolved.filter((b): b is Build => b !== null);
  }

  private async teamIdOfMember(em: EntityManager, memberId: string): Promise<string> {
    const member = isUuid(memberId) ? await em.findOne(TeamMember, memberId) : null;
    if (!member) throw new NotFoundError('Team member');
    return member.team.id;
  }

  private async memberIn(tx: EntityManager, team: Team, memberId: string): Promise<TeamMember> {
    const member = await tx.findOne(TeamMember, { id: memberId, team }, { populate: ['build'] });
    if (!member) throw new NotFoundError('Team member');
    return member;
  }

  /** The build, if the team's owner may see it (the team shows what its owner can see). */
  private async usableBuild(
    tx: EntityManager,
    team: Team,
    buildId: string,
    field: string,
  ): Promise<Build> {
    const build = isUuid(buildId) ? await tx.findOne(Build, buildId) : null;
    if (!build || !visibleToOwner(build, team)) {
      throw new BadUserInputError("No build with this id is visible to the team's owner.", {
        field,
        reason: 'BUILD_NOT_VISIBLE',
      });
    }
    return build;
  }

  private checkedRoleKey(build: Build, gameMode: GameMode, roleKey: string | null): string | null {
    if (roleKey === null) return null;
    const options = roleOptionsFor(buildFacts(build), gameMode);
    if (!options.some((option) => option.key === roleKey)) {
      const known = options.map((o) => o.key).join(', ');
      throw new BadUserInputError(
        known === ''
          ? `The build has no known roles in ${gameMode.toLowerCase()}.`
          : `Unknown role ${roleKey} for this build in ${gameMode.toLowerCase()}: choose one of ${known}.`,
        { field: 'input.roleKey', reason: 'UNKNOWN_ROLE' },
      );
    }
    return roleKey;
  }
}

/** The team shows what its owner can see. */
function visibleToOwner(build: Build, team: Team): boolean {
  return buildVisibleTo({ ownerId: build.owner.id, visibility: build.visibility }, team.owner.id);
}
