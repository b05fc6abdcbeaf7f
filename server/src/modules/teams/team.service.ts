import { GAME_MODE_CONTEXT, GameInputError, type GameMode } from '@gw2/game';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type FieldProblem,
} from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { User } from '../accounts/user.entity.js';
import { Build } from '../builds/build.entity.js';
import { decodeCursor, encodeCursor, isUuid } from '../builds/build.cursor.js';
import { buildFacts, roleOptionsFor } from './team.coverage.js';
import type { TeamShareAccess } from './team.entity.js';
import { Team, TeamMember, TeamShare, TeamVisibility } from './team.entity.js';
import {
  PLAYER_NAME_MAX_LENGTH,
  TEAM_NAME_MAX_LENGTH,
  buildVisibleTo,
  canEditTeam,
  canManageTeam,
  canViewTeam,
  placeMember,
  positionProblem,
  sizeProblem,
  subgroupProblem,
  teamAccess,
  type TeamAccess,
} from './team.rules.js';

export const DEFAULT_TEAM_PAGE_SIZE = 20;
export const MAX_TEAM_PAGE_SIZE = 100;

export interface TeamFields {
  readonly name?: string;
  readonly gameMode?: GameMode;
  readonly size?: number;
  readonly visibility?: TeamVisibility;
}

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

/** Which teams a listing shows. */
export type TeamScope = 'VISIBLE' | 'MINE' | 'SHARED_WITH_ME' | 'PUBLIC';

export interface TeamListFilter {
  readonly scope?: TeamScope;
  readonly gameMode?: GameMode;
}

export interface TeamPage {
  readonly teams: ReadonlyArray<{ readonly team: Team; readonly cursor: string }>;
  readonly hasNextPage: boolean;
}

/** A member as written by {@link TeamService.replaceMembers}: its slot already chosen. */
export interface MemberSlot {
  readonly buildId: string;
  readonly playerName: string | null;
  readonly roleKey: string | null;
  readonly subgroup: number;
  readonly position: number;
}

/** What {@link TeamService.replaceMembers} writes: the name is kept when omitted. */
export interface TeamContent {
  readonly name?: string | null;
  readonly gameMode: GameMode;
  readonly size: number;
  readonly members: readonly MemberSlot[];
}

export interface TeamShareView {
  readonly user: User;
  readonly access: TeamShareAccess;
}

function trimmedName(value: string, field: string, max: number): string {
  const name = value.trim();
  if (name.length === 0 || name.length > max) {
    throw new BadUserInputError(`A name has from 1 to ${max} characters.`, {
      field,
      reason: 'INVALID_NAME',
    });
  }
  return name;
}

function optionalPlayerName(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  return trimmedName(value, 'input.playerName', PLAYER_NAME_MAX_LENGTH);
}

function invalid(problem: string | null, field: string, reason: string): void {
  if (problem !== null) throw new BadUserInputError(problem, { field, reason });
}

/**
 * Teams, their members and shares. Every change runs in one transaction that first bumps the
 * team's version (conditionally when the caller sent `expectedVersion`), so a stale version
 * changes nothing, concurrent writers of one team are serialised by the row lock, and a failed
 * rule rolls the bump back. Subscribers hear of a change only after it committed.
 */
export class TeamService {
  constructor(
    private readonly pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {}

  /** What the viewer may do with the team: one query for a share unless the viewer owns it. */
  async accessOf(em: EntityManager, team: Team, viewer: Viewer | null): Promise<TeamAccess> {
    const ownerId = team.owner.id;
    if (viewer === null || viewer.userId === ownerId) {
      return teamAccess(
        { ownerId, visibility: team.visibility, share: null },
        viewer?.userId ?? null,
      );
    }
    const share = await em.findOne(TeamShare, { team: team.id, user: viewer.userId });
    return teamAccess(
      { ownerId, visibility: team.visibility, share: share?.access ?? null },
      viewer.userId,
    );
  }

  /** The team if the viewer may see it; NOT_FOUND otherwise, so its existence does not leak. */
  async getTeam(em: EntityManager, viewer: Viewer | null, id: string): Promise<Team> {
    const team = isUuid(id) ? await em.findOne(Team, id) : null;
    if (!team || !canViewTeam(await this.accessOf(em, team, viewer))) {
      throw new NotFoundError('Team');
    }
    return team;
  }

  async listTeams(
    em: EntityManager,
    viewer: Viewer | null,
    options: { first?: number | null; after?: string | null; filter?: TeamListFilter | null },
  ): Promise<TeamPage> {
    const first = options.first ?? DEFAULT_TEAM_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_TEAM_PAGE_SIZE) {
      throw new BadUserInputError(`first is from 1 to ${MAX_TEAM_PAGE_SIZE}.`, {
        field: 'first',
        reason: 'PAGE_SIZE',
      });
    }
    const scope = options.filter?.scope ?? 'VISIBLE';
    const userId = viewer?.userId;
    if (userId === undefined && (scope === 'MINE' || scope === 'SHARED_WITH_ME')) {
      return { teams: [], hasNextPage: false };
    }
    const sharedIds = async () =>
      userId === undefined
        ? []
        : (await em.find(TeamShare, { user: userId }, { fields: ['team'] })).map((s) => s.team.id);

    const conditions: FilterQuery<Team>[] = [];
    if (scope === 'MINE') conditions.push({ owner: userId });
    if (scope === 'PUBLIC') conditions.push({ visibility: TeamVisibility.PUBLIC });
    if (scope === 'SHARED_WITH_ME') conditions.push({ id: { $in: await sharedIds() } });
    if (scope === 'VISIBLE') {
      // Unlisted teams of others stay out of listings: they are found by id only.
      conditions.push({
        $or: [
          { visibility: TeamVisibility.PUBLIC },
          ...(userId === undefined ? [] : [{ owner: userId }, { id: { $in: await sharedIds() } }]),
        ],
      });
    }
    if (options.filter?.gameMode) conditions.push({ gameMode: options.filter.gameMode });
    if (options.after) {
      const cursor = decodeCursor(options.after, 'after');
      conditions.push({
        $or: [
          { createdAt: { $lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
        ],
      });
    }
    const rows = await em.find(
      Team,
      { $and: conditions },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
    );
    return {
      teams: rows.slice(0, first).map((team) => ({ team, cursor: encodeCursor(team) })),
      hasNextPage: rows.length > first,
    };
  }

  async createTeam(
    em: EntityManager,
    viewer: Viewer,
    fields: Required<Pick<TeamFields, 'name' | 'gameMode' | 'size'>> & TeamFields,
  ): Promise<Team> {
    invalid(sizeProblem(fields.gameMode, fields.size), 'input.size', 'SIZE_OUT_OF_RANGE');
    const now = this.clock.now();
    const team = em.create(Team, {
      owner: em.getReference(User, viewer.userId),
      name: trimmedName(fields.name, 'input.name', TEAM_NAME_MAX_LENGTH),
      gameMode: fields.gameMode,
      size: fields.size,
      visibility: fields.visibility ?? TeamVisibility.PRIVATE,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return team;
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
      const created = await this.createTeam(tx, viewer, content);
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
    return this.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      if (content.name != null) {
        team.name = trimmedName(content.name, 'input.name', TEAM_NAME_MAX_LENGTH);
      }
      team.gameMode = content.gameMode;
      team.size = content.size;
      await this.writeMembers(tx, team, content.members, path);
    });
  }

  /**
   * Bumps the version of every team with a member on the build, inside the caller's
   * transaction: deleting the build deletes those members (on delete cascade). Publish the
   * result with {@link publishUpdated} once committed.
   */
  async bumpTeamsWithBuild(
    tx: EntityManager,
    buildId: string,
  ): Promise<Array<{ id: string; version: number }>> {
    return tx.execute<Array<{ id: string; version: number }>>(
      `update "teams" set "version" = "version" + 1, "updated_at" = ?` +
        ` where "id" in (select "team_id" from "team_members" where "build_id" = ?)` +
        ` returning "id", "version"`,
      [this.clock.now(), buildId],
    );
  }

  /** TEAM_UPDATED for committed changes (subscribers reload the team as they may see it). */
  async publishUpdated(
    teams: ReadonlyArray<{ readonly id: string; readonly version: number }>,
    deleted = false,
  ): Promise<void> {
    for (const team of teams) {
      await this.pubSub.publish('TEAM_UPDATED', team.id, {
        teamId: team.id,
        version: team.version,
        deleted,
      });
    }
  }

  async updateTeam(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    fields: TeamFields,
    expectedVersion?: number | null,
  ): Promise<Team> {
    return this.changeTeam(em, viewer, id, expectedVersion, async (tx, team, access) => {
      if (fields.visibility !== undefined && fields.visibility !== team.visibility) {
        if (!canManageTeam(access)) {
          throw new ForbiddenError('Only the owner changes who can see the team.');
        }
        team.visibility = fields.visibility;
      }
      if (fields.name !== undefined) {
        team.name = trimmedName(fields.name, 'input.name', TEAM_NAME_MAX_LENGTH);
      }
      const gameMode = fields.gameMode ?? team.gameMode;
      const size = fields.size ?? team.size;
      invalid(
        sizeProblem(gameMode, size),
        fields.size === undefined ? 'input.gameMode' : 'input.size',
        'SIZE_OUT_OF_RANGE',
      );
      if (gameMode !== team.gameMode || size !== team.size) {
        const members = await tx.find(TeamMember, { team }, { populate: ['build'] });
        if (members.length > size) {
          throw new BadUserInputError(
            `The team has ${members.length} members: remove some before making it ${size}.`,
            { field: 'input.size', reason: 'TOO_MANY_MEMBERS' },
          );
        }
        const outside = members.find((m) => subgroupProblem(size, m.subgroup) !== null);
        if (outside) {
          throw new BadUserInputError(
            `Subgroup ${outside.subgroup} would no longer exist: move its members first.`,
            { field: 'input.size', reason: 'SUBGROUP_OUT_OF_RANGE' },
          );
        }
        if (GAME_MODE_CONTEXT[gameMode] !== GAME_MODE_CONTEXT[team.gameMode]) {
          const stale = members.find(
            (m) =>
              m.roleKey !== null &&
              !roleOptionsFor(buildFacts(m.build), gameMode).some((o) => o.key === m.roleKey),
          );
          if (stale) {
            throw new BadUserInputError(
              `Role ${stale.roleKey} of a member does not exist in the new game mode: change or clear it first.`,
              { field: 'input.gameMode', reason: 'UNKNOWN_ROLE' },
            );
          }
        }
        team.gameMode = gameMode;
        team.size = size;
      }
    });
  }

  /** Owner only. */
  async deleteTeam(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    expectedVersion?: number | null,
  ): Promise<void> {
    await this.change(
      em,
      viewer,
      id,
      expectedVersion,
      async (tx, team, access) => {
        if (!canManageTeam(access)) throw new ForbiddenError('Only the owner deletes a team.');
        tx.remove(team);
      },
      { deleted: true },
    );
  }

  async addMember(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    fields: NewMemberFields,
    expectedVersion?: number | null,
  ): Promise<Team> {
    return this.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
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
    return this.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
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
    return this.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
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
    return this.changeTeam(em, viewer, teamId, expectedVersion, async (tx, team) => {
      tx.remove(await this.memberIn(tx, team, memberId));
    });
  }

  /** Owner only; sharing again changes the access. */
  async share(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    username: string,
    access: TeamShareAccess,
  ): Promise<TeamShareView> {
    const { result } = await this.change(em, viewer, teamId, null, async (tx, team, level) => {
      if (!canManageTeam(level)) throw new ForbiddenError('Only the owner shares a team.');
      const user = await this.userNamed(tx, username);
      if (user.id === team.owner.id) {
        throw new BadUserInputError('The owner already has the team.', {
          field: 'username',
          reason: 'OWNER',
        });
      }
      const existing = await tx.findOne(TeamShare, { team, user });
      if (existing) existing.access = access;
      else tx.create(TeamShare, { team, user, access, createdAt: this.clock.now() });
      return { user, access };
    });
    return result;
  }

  /** Owner only; true when a share was removed. */
  async unshare(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    username: string,
  ): Promise<boolean> {
    const { result } = await this.change(em, viewer, teamId, null, async (tx, team, level) => {
      if (!canManageTeam(level)) throw new ForbiddenError('Only the owner shares a team.');
      const user = await this.userNamed(tx, username);
      const existing = await tx.findOne(TeamShare, { team, user });
      if (existing) tx.remove(existing);
      return existing !== null;
    });
    return result;
  }

  /** The team's shares, oldest first (the resolver shows them to the owner only). */
  async sharesOf(em: EntityManager, teamId: string): Promise<TeamShareView[]> {
    const shares = await em.find(
      TeamShare,
      { team: teamId },
      { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return shares.map((s) => ({ user: s.user, access: s.access }));
  }

  /** `change` for the mutations that answer with the team. */
  private async changeTeam(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    expectedVersion: number | null | undefined,
    work: (tx: EntityManager, team: Team, access: TeamAccess) => Promise<void>,
  ): Promise<Team> {
    return (await this.change(em, viewer, teamId, expectedVersion, work)).team;
  }

  /**
   * Runs `work` in a transaction after bumping the version, checks access (NOT_FOUND when the
   * viewer cannot see the team, FORBIDDEN when it can only read it), answers CONFLICT for a
   * stale `expectedVersion`, and publishes TEAM_UPDATED once committed.
   */
  private async change<T = void>(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    expectedVersion: number | null | undefined,
    work: (tx: EntityManager, team: Team, access: TeamAccess) => Promise<T>,
    options: { deleted?: boolean } = {},
  ): Promise<{ team: Team; result: T }> {
    if (!isUuid(teamId)) throw new NotFoundError('Team');
    const { team, result } = await em.transactional(async (tx) => {
      const stale = expectedVersion !== undefined && expectedVersion !== null;
      const bumped = await tx.execute<Array<{ version: number }>>(
        `update "teams" set "version" = "version" + 1, "updated_at" = ? where "id" = ?` +
          (stale ? ` and "version" = ?` : '') +
          ` returning "version"`,
        stale ? [this.clock.now(), teamId, expectedVersion] : [this.clock.now(), teamId],
      );
      const current = await tx.findOne(Team, teamId, { refresh: true });
      if (!current) throw new NotFoundError('Team');
      const access = await this.accessOf(tx, current, viewer);
      if (!canViewTeam(access)) throw new NotFoundError('Team');
      if (!canEditTeam(access))
        throw new ForbiddenError('You can view this team but not change it.');
      if (bumped.length === 0) {
        throw new ConflictError(
          `The team changed since version ${expectedVersion}: it is at version ${current.version}. Reload it and try again.`,
          { currentVersion: current.version },
        );
      }
      try {
        return { team: current, result: await work(tx, current, access) };
      } catch (error) {
        if (error instanceof GameInputError) {
          throw new BadUserInputError(error.message, { field: error.field, reason: error.reason });
        }
        throw error;
      }
    });
    // Entities the request loaded before the change (a member looked up by id) are stale now.
    em.clear();
    await this.publishUpdated([team], options.deleted);
    return { team, result };
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
      if (!build || !this.visibleToOwner(build, team)) {
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

  /** The team shows what its owner can see. */
  private visibleToOwner(build: Build, team: Team): boolean {
    return buildVisibleTo({ ownerId: build.owner.id, visibility: build.visibility }, team.owner.id);
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
    if (!build || !this.visibleToOwner(build, team)) {
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

  private async userNamed(tx: EntityManager, username: string): Promise<User> {
    const user = await tx.findOne(User, { usernameKey: username.trim().toLowerCase() });
    if (!user) {
      throw new BadUserInputError(`No user is called ${username}.`, {
        field: 'username',
        reason: 'UNKNOWN_USER',
      });
    }
    return user;
  }
}
