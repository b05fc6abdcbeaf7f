import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext, Viewer } from '../../platform/graphql/context.js';
import { User } from '../accounts/user.entity.js';
import { TeamMember, TeamShare, type TeamShareAccess } from './team.entity.js';
import type { MemberRecord, UserRecord } from './team.mapper.js';

/** What a scope needs of a loader: DataLoaders over the database, or a snapshot in memory. */
export interface Loader<K, V> {
  load(key: K): Promise<V>;
}

export interface ShareRecord {
  readonly user: UserRecord;
  readonly access: TeamShareAccess;
}

/**
 * What resolving a team's fields reads through: the viewer and batching loaders, so a team with
 * 50 members costs the same few statements as one with 5. One scope per HTTP request or
 * websocket operation; a live team (subscription event) resolves from its snapshot instead
 * (team.snapshot.ts), with no statement at all.
 */
export interface TeamReadScope {
  readonly viewer: Viewer | null;
  /** Members with their builds, in subgroup and position order. */
  readonly membersByTeam: Loader<string, readonly MemberRecord[]>;
  readonly usersById: Loader<string, UserRecord | null>;
  /** The viewer's share of each team (null: none). */
  readonly viewerShareByTeam: Loader<string, TeamShareAccess | null>;
  /** Who each team is shared with, oldest share first. */
  readonly sharesByTeam: Loader<string, readonly ShareRecord[]>;
}

export function createTeamReadScope(em: EntityManager, viewer: Viewer | null): TeamReadScope {
  return {
    viewer,
    membersByTeam: new DataLoader(async (teamIds) => {
      const members = await em.find(
        TeamMember,
        { team: { $in: [...teamIds] } },
        { populate: ['build'], orderBy: { subgroup: 'asc', position: 'asc' } },
      );
      return teamIds.map((id) => members.filter((member) => member.team.id === id));
    }),
    usersById: new DataLoader(async (ids) => {
      const users = await em.find(User, { id: { $in: [...ids] } });
      return ids.map((id) => users.find((user) => user.id === id) ?? null);
    }),
    viewerShareByTeam: new DataLoader(async (teamIds) => {
      if (viewer === null) return teamIds.map(() => null);
      const shares = await em.find(TeamShare, { team: { $in: [...teamIds] }, user: viewer.userId });
      return teamIds.map((id) => shares.find((share) => share.team.id === id)?.access ?? null);
    }),
    sharesByTeam: new DataLoader(async (teamIds) => {
      const shares = await em.find(
        TeamShare,
        { team: { $in: [...teamIds] } },
        { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return teamIds.map((id) =>
        shares
          .filter((share) => share.team.id === id)
          .map((share) => ({ user: share.user, access: share.access })),
      );
    }),
  };
}

const scopes = new WeakMap<GraphQLContext, TeamReadScope>();

/** The request's (or websocket operation's) scope, created on first use. */
export function teamReadScope(context: GraphQLContext): TeamReadScope {
  let scope = scopes.get(context);
  if (!scope) {
    scope = createTeamReadScope(context.em, context.viewer);
    scopes.set(context, scope);
  }
  return scope;
}
