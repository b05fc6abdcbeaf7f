import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../accounts/user.entity.js';
import type { GroundingIssue } from './explain/grounding.js';

export enum AiJobKind {
  COMPOSE_SQUAD = 'COMPOSE_SQUAD',
  REVIEW_BUILD = 'REVIEW_BUILD',
  EXPLAIN_SYNERGY = 'EXPLAIN_SYNERGY',
}

export enum AiJobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export const FINISHED_STATUSES: readonly AiJobStatus[] = [
  AiJobStatus.SUCCEEDED,
  AiJobStatus.FAILED,
  AiJobStatus.CANCELLED,
];

export enum AiJobPhase {
  QUEUED = 'QUEUED',
  /** The model turns a free-text request into the optimizer's input. */
  UNDERSTANDING = 'UNDERSTANDING',
  /** The exact optimizer composes the squad. */
  SOLVING = 'SOLVING',
  /** The coverage and advice cores read a build or a group. */
  ANALYZING = 'ANALYZING',
  EXPLAINING = 'EXPLAINING',
  DONE = 'DONE',
}

export enum ExplanationSource {
  /** Written by the language model from the plan's facts, and grounded in them. */
  LLM = 'LLM',
  /** Written by the templates from the same facts. */
  OPTIMIZER = 'OPTIMIZER',
}

/** Why the explanation comes from the templates instead of the model. */
export enum FallbackReason {
  NO_KEY = 'NO_KEY',
  OUTAGE = 'OUTAGE',
  BUDGET = 'BUDGET',
  OFF_PEAK = 'OFF_PEAK',
  TIMEOUT = 'TIMEOUT',
  /** The model's text named something the facts do not hold (see `groundingIssues`). */
  UNGROUNDED = 'UNGROUNDED',
}

/**
 * A long piece of AI work for one user: created by a mutation, run by the in-process queue or
 * a worker, streamed to its owner through the `aiJob` subscription. The row is the durable
 * state; the events between start and finish live in the job's event log. New kinds of data
 * about a job (feedback, say) belong in tables that reference it.
 */
@Entity({ tableName: 'ai_jobs' })
export class AiJob {
  [OptionalProps]?:
    | 'status'
    | 'phase'
    | 'progress'
    | 'result'
    | 'explanation'
    | 'source'
    | 'fallbackReason'
    | 'groundingIssues'
    | 'promptTokens'
    | 'completionTokens'
    | 'attempts'
    | 'errorCode'
    | 'errorMessage'
    | 'createdAt'
    | 'startedAt'
    | 'finishedAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  owner!: User;

  @Enum({ items: () => AiJobKind, type: 'string', length: 16 })
  kind!: AiJobKind;

  /** The validated request, as the runner needs it (JSON-safe). */
  @Property({ type: 'json' })
  input!: Record<string, unknown>;

  @Enum({ items: () => AiJobStatus, type: 'string', length: 16 })
  status: AiJobStatus = AiJobStatus.QUEUED;

  @Enum({ items: () => AiJobPhase, type: 'string', length: 16 })
  phase: AiJobPhase = AiJobPhase.QUEUED;

  @Property({ type: 'double' })
  progress = 0;

  /** The plan, advice or synergy, as the API returns it. */
  @Property({ type: 'json', nullable: true })
  result: Record<string, unknown> | null = null;

  @Property({ type: 'text', nullable: true })
  explanation: string | null = null;

  @Enum({ items: () => ExplanationSource, type: 'string', length: 16, nullable: true })
  source: ExplanationSource | null = null;

  @Enum({ items: () => FallbackReason, type: 'string', length: 16, nullable: true })
  fallbackReason: FallbackReason | null = null;

  /** What the model's text named outside the facts; null when no model text was checked. */
  @Property({ type: 'json', nullable: true })
  groundingIssues: GroundingIssue[] | null = null;

  @Property({ type: 'integer' })
  promptTokens = 0;

  @Property({ type: 'integer' })
  completionTokens = 0;

  /** Runs started: more than one after a worker died mid-job. */
  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'string', length: 32, nullable: true })
  errorCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
