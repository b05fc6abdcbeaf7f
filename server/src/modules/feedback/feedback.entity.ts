import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { User } from '../accounts/user.entity.js';

/** What a thumbs is about: an AI job's answer, or a plan the optimizer or assistant proposed. */
export enum FeedbackSubject {
  AI_JOB = 'AI_JOB',
  SQUAD_PLAN = 'SQUAD_PLAN',
}

export enum FeedbackRating {
  UP = 'UP',
  DOWN = 'DOWN',
}

/** One player's thumbs on one subject (a new one replaces it); read by the learning pipeline. */
@Entity({ tableName: 'feedback' })
@Unique({ name: 'feedback_one_per_subject', properties: ['user', 'subjectType', 'subjectId'] })
export class Feedback {
  [OptionalProps]?: 'reason' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => FeedbackSubject, type: 'string', length: 16 })
  subjectType!: FeedbackSubject;

  /** An ai_jobs or squad_plans id (no foreign key: one column for both kinds of subject). */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** 1 up, -1 down (the pipeline sums them). */
  @Property({ type: 'smallint' })
  rating!: 1 | -1;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
