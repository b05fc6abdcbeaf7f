import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock.js';
import type { Viewer } from '../../platform/graphql/context.js';
import { BadUserInputError, ForbiddenError } from '../../platform/graphql/errors.js';
import type { AppPubSub } from '../../platform/pubsub.js';
import { User } from '../accounts/user.entity.js';
import { TeamChanges } from './team.changes.js';
import { TeamShare, type Team, type TeamShareAccess } from './team.entity.js';
import { canManageTeam } from './team.rules.js';

export interface TeamShareView {
  readonly user: User;
  readonly access: TeamShareAccess;
}

/** Who a team is shared with: the owner alone shares and unshares, each a team change. */
export class TeamShareService {
  private readonly changes: TeamChanges;

  constructor(
    pubSub: AppPubSub,
    private readonly clock: Clock,
  ) {
    this.changes = new TeamChanges(pubSub, clock);
  }

  /** Owner only; sharing again changes the access. */
  async share(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    username: string,
    access: TeamShareAccess,
  ): Promise<TeamShareView> {
    return this.changeShare(em, viewer, teamId, username, async (tx, team, user) => {
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
  }

  /** Owner only; true when a share was removed. */
  async unshare(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    username: string,
  ): Promise<boolean> {
    return this.changeShare(em, viewer, teamId, username, async (tx, team, user) => {
      const existing = await tx.findOne(TeamShare, { team, user });
      if (existing) tx.remove(existing);
      return existing !== null;
    });
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

  /** A change of the share of the user called `username`: the owner's alone. */
  private async changeShare<T>(
    em: EntityManager,
    viewer: Viewer,
    teamId: string,
    username: string,
    work: (tx: EntityManager, team: Team, user: User) => Promise<T>,
  ): Promise<T> {
    const { result } = await this.changes.change(
      em,
      viewer,
      teamId,
      null,
      async (tx, team, level) => {
        if (!canManageTeam(level)) throw new ForbiddenError('Only the owner shares a team.');
        return work(tx, team, await this.userNamed(tx, username));
      },
    );
    return result;
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
