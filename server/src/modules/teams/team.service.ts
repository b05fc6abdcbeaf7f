import { GAME_MODE_CONTEXT, type GameMode } from '@gw2/game';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, ForbiddenError } from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { User } from '../accounts/user.entity.js';
import { decodeCursor, encodeCursor } from '../builds/build.cursor.js';
import { visibleTeam } from './team.access.js';
import { TeamChanges } from './team.changes.js';
import { buildFacts, roleOptionsFor } from './team.coverage.js';
import { Team, TeamMember, TeamShare, TeamVisibility } from './team.entity.js';
import { invalid, trimmedName } from './team.field-checks.js';
import { TEAM_NAME_MAX_LENGTH, canManageTeam, sizeProblem, subgroupProblem } from './team.rules.js';

export const DEFAULT_TEAM_PAGE_SIZE = 20;
export const MAX_TEAM_PAGE_SIZE = 100;

export interface TeamFields {
  readonly name?: string;
  readonly gameMode?: GameMode;
  readonly size?: number;
  readonly visibility?: TeamVisibility;
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

/**
 * Teams themselves: reading, listing, creating, their settings (name, game mode, size,
 * visibility) and deleting. Members are in TeamMemberService, shares in TeamShareService; every
 * change runs through {@link TeamChanges} (version bump, access checks, TEAM_UPDATED).
 */
export class TeamService {
  private readonly changes: TeamChanges;

  constructor(
    pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {
    this.changes = new TeamChanges(pubSub, clock);
  }

  /** The team if the viewer may see it; NOT_FOUND otherwise, so its existence does not leak. */
  async getTeam(em: EntityManager, viewer: Viewer | null, id: string): Promise<Team> {
    return visibleTeam(em, viewer, id);
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

  async updateTeam(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    fields: TeamFields,
    expectedVersion?: number | null,
  ): Promise<Team> {
    return this.changes.changeTeam(em, viewer, id, expectedVersion, async (tx, team, access) => {
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
    await this.changes.change(
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
}
