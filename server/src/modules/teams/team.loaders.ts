import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext, Viewer } from '../../platform/graphql/context.js';
import { User } from '../accounts/user.entity.js';
import { TeamMember, TeamShare, type TeamShareAccess } from './team.entity.js';

/**
 * What resolving a team's fields reads through: one EntityManager, the viewer, and batching
 * loaders, so a team with 50 members costs the same few statements as one with 5. One scope per
 * HTTP request or websocket operation, and a fresh one per subscription event (a live team must
 * not be answered from the previous event's cache).
 */
export interface TeamReadScope {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  /** Members with their builds, in subgroup and position order. */
  readonly membersByTeam: DataLoader<string, readonly TeamMember[]>;
  readonly usersById: DataLoader<string, User | null>;
  /** The viewer's share of each team (null: none). */
  readonly viewerShareByTeam: DataLoader<string, TeamShareAccess | null>;
}

export function createTeamReadScope(em: EntityManager, viewer: Viewer | null): TeamReadScope {
  return {
    em,
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
