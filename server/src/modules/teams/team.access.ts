import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/graphql/context.js';
import { NotFoundError } from '../../platform/graphql/errors.js';
import { isUuid } from '../builds/build.cursor.js';
import { Team, TeamShare } from './team.entity.js';
import { canViewTeam, teamAccess, type TeamAccess } from './team.rules.js';

/** What the viewer may do with the team: one query for a share unless the viewer owns it. */
export async function teamAccessOf(
  em: EntityManager,
  team: Team,
  viewer: Viewer | null,
): Promise<TeamAccess> {
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
export async function visibleTeam(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
): Promise<Team> {
  const team = isUuid(id) ? await em.findOne(Team, id) : null;
  if (!team || !canViewTeam(await teamAccessOf(em, team, viewer))) {
    throw new NotFoundError('Team');
  }
  return team;
}
