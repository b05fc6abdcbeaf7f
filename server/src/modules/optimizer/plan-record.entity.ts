import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { EliteRole, GameMode, PlanOutcome, PlanSource } from '@gw2/game';
import { User } from '../accounts/user.entity.js';

/**
 * A plan proposed to a signed-in player (by optimizeSquad or the AI assistant) and what became
 * of it: the learning pipeline's acceptance rates, and the subject of the player's thumbs.
 * Only what the meta needs is kept (who plays which elite and role), not the whole plan.
 */
@Entity({ tableName: 'squad_plans' })
export class SquadPlanRecord {
  [OptionalProps]?: 'outcome' | 'createdAt' | 'decidedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Property({ type: 'string', length: 16 })
  gameMode!: GameMode;

  @Property({ type: 'integer' })
  size!: number;

  @Enum({ items: ['OPTIMIZER', 'ASSISTANT'], type: 'string', length: 16 })
  source!: PlanSource;

  @Property({ type: 'json' })
  members!: EliteRole[];

  @Enum({ items: ['OPEN', 'APPLIED', 'DISCARDED'], type: 'string', length: 16 })
  outcome: PlanOutcome = 'OPEN';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}
