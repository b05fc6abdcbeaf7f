import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { BuildTemplate } from '@gw2/game';
import { User } from '../accounts/user.entity.js';

export enum BuildVisibility {
  /** Seen by the owner only. */
  PRIVATE = 'PRIVATE',
  /** Seen by anyone who has its id; not listed. */
  UNLISTED = 'UNLISTED',
  /** Listed for everyone. */
  PUBLIC = 'PUBLIC',
}

/** One trait line as stored: the API's shape without the derived major trait ids. */
export interface StoredTraitLine {
  readonly id: number;
  /** Adept, master, grandmaster: 0 none, 1 top, 2 middle, 3 bottom. */
  readonly traitChoices: readonly number[];
}

export interface StoredSkillBar {
  readonly heal: number;
  readonly utilities: readonly number[];
  readonly elite: number;
}

export interface StoredSkills {
  readonly land: StoredSkillBar;
  readonly water: StoredSkillBar;
}

/**
 * A saved build. `template` is the full decoded chat code (pets, legends, skill overrides
 * included) so `chatCode` round-trips exactly; the other columns repeat what listings filter
 * and show, so no query has to decode a template. Indexes live in the migration.
 */
@Entity({ tableName: 'builds' })
export class Build {
  /** Properties with defaults, optional in `em.create`. */
  [OptionalProps]?:
    'gameModes' | 'roles' | 'statPrefix' | 'notes' | 'visibility' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 32 })
  profession!: string;

  @Property({ type: 'json' })
  specializations: StoredTraitLine[] = [];

  @Property({ type: 'json' })
  skills!: StoredSkills;

  @Property({ type: 'json' })
  weapons: number[] = [];

  @Property({ type: 'json' })
  template!: BuildTemplate;

  @Property({ type: 'text' })
  chatCode!: string;

  @Property({ type: 'json' })
  gameModes: string[] = [];

  /** Declared role keys of the elite specialization's role options. */
  @Property({ type: 'json' })
  roles: string[] = [];

  @Property({ type: 'string', length: 64, nullable: true })
  statPrefix: string | null = null;

  @Property({ type: 'text' })
  notes = '';

  @Enum({ items: () => BuildVisibility, type: 'string', length: 16 })
  visibility: BuildVisibility = BuildVisibility.PRIVATE;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
