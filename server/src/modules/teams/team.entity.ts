import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { GAME_MODES, type GameMode } from '@gw2/game';
import { User } from '../accounts/user.entity.js';
import { Build } from '../builds/build.entity.js';

export enum TeamVisibility {
  /** The owner and the users it is shared with. */
  PRIVATE = 'PRIVATE',
  /** Anyone who has its id; not listed. */
  UNLISTED = 'UNLISTED',
  /** Listed for everyone. */
  PUBLIC = 'PUBLIC',
}

export enum TeamShareAccess {
  /** Reads the team as the owner does. */
  VIEW = 'VIEW',
  /** Also edits the team and its members; deleting and sharing stay with the owner. */
  EDIT = 'EDIT',
}

/**
 * A planned squad. `version` is bumped by every change in the same transaction as the change
 * (optimistic concurrency, see TeamChanges); it is not MikroORM's @Version because the bump is a
 * conditional UPDATE issued before anything else, which also serialises writers of one team.
 */
@Entity({ tableName: 'teams' })
export class Team {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => [...GAME_MODES], type: 'string', length: 16 })
  gameMode!: GameMode;

  @Property({ type: 'integer' })
  size!: number;

  @Enum({ items: () => TeamVisibility, type: 'string', length: 16 })
  visibility: TeamVisibility = TeamVisibility.PRIVATE;

  @Property({ type: 'integer' })
  version = 1;

  @OneToMany(() => TeamMember, (member) => member.team)
  members = new Collection<TeamMember>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/**
 * One slot of a team: a build played in a subgroup at a position (both 1-based). Deleting the
 * build deletes its slots (on delete cascade): a member without a build has nothing to plan with.
 * The builds service bumps those teams' versions in the same transaction.
 */
@Entity({ tableName: 'team_members' })
export class TeamMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Team, { deleteRule: 'cascade' })
  team!: Team;

  @ManyToOne(() => Build, { deleteRule: 'cascade' })
  build!: Build;

  @Property({ type: 'string', length: 64, nullable: true })
  playerName: string | null = null;

  /** A role option key of the build's elite specialization in the mode's context. */
  @Property({ type: 'string', length: 64, nullable: true })
  roleKey: string | null = null;

  @Property({ type: 'integer' })
  subgroup!: number;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'team_shares' })
@Unique({ properties: ['team', 'user'] })
export class TeamShare {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Team, { deleteRule: 'cascade' })
  team!: Team;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => TeamShareAccess, type: 'string', length: 8 })
  access!: TeamShareAccess;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
