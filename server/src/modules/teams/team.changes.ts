import { GameInputError } from '@gw2/game';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { isUuid } from '../builds/build.cursor.js';
import { teamAccessOf } from './team.access.js';
import { Team } from './team.entity.js';
import { canEditTeam, canViewTeam, type TeamAccess } from './team.rules.js';

/** A change's work: runs in the transaction, after the version bump and the access checks. */
export type TeamChangeWork<T> = (tx: EntityManager, team: Team, access: TeamAccess) => Promise<T>;

/**
 * How every team change runs: in one transaction that first bumps the team's version
 * (conditionally when the caller sent `expectedVersion`), so a stale version changes nothing,
 * concurrent writers of one team are serialised by the row lock, and a failed rule rolls the
 * bump back. Subscribers hear of a change (TEAM_UPDATED) only after it committed.
 */
export class TeamChanges {
  constructor(
    private readonly pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {}

  /** {@link change} for the mutations that answer with the team. */
  async changeTeam(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    expectedVersion: number | null | undefined,
    work: TeamChangeWork<void>,
  ): Promise<Team> {
    return (await this.change(em, viewer, teamId, expectedVersion, work)).team;
  }

  /**
   * Runs `work` in a transaction after bumping the version, checks access (NOT_FOUND when the
   * viewer cannot see the team, FORBIDDEN when it can only read it), answers CONFLICT for a
   * stale `expectedVersion`, and publishes TEAM_UPDATED once committed.
   */
  async change<T = void>(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    expectedVersion: number | null | undefined,
    work: TeamChangeWork<T>,
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
      const access = await teamAccessOf(tx, current, viewer);
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
}
