import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export enum UserRole {
  USER = 'USER',
  ADMIN = 'ADMIN',
}

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Normalised (trimmed, lower-cased): the unique key for sign-in by e-mail. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  /** As the player typed it; uniqueness is on `usernameKey`. */
  @Property({ type: 'string', length: 32 })
  username!: string;

  /** Lower-cased username, unique: "Zerg.Lead" and "zerg.lead" are the same account name. */
  @Property({ type: 'string', length: 32, unique: true })
  usernameKey!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Enum({ items: () => UserRole, type: 'string', length: 16 })
  role: UserRole = UserRole.USER;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Property({ type: 'integer' })
  failedLogins = 0;

  /** Sign-in refused until then (exponential backoff, never permanent). */
  @Property({ type: 'datetime', nullable: true })
  loginBlockedUntil: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
