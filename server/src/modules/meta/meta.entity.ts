import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { MetaAggregates } from '@gw2/game';

/**
 * One run of the learning pipeline's output: the meta of one period (a UTC day), immutable once
 * written. The optimizer uses the pinned snapshot if any, else the newest not withdrawn (rolled
 * back). Indexes and the one-pinned rule live in the migration.
 */
@Entity({ tableName: 'meta_snapshots' })
export class MetaSnapshot {
  [OptionalProps]?: 'version' | 'pinnedAt' | 'withdrawnAt' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  version!: number;

  /** `YYYY-MM-DD` (UTC): a period has at most one snapshot, so re-runs are no-ops. */
  @Property({ type: 'string', length: 16, unique: true })
  period!: string;

  @Property({ type: 'integer' })
  formatVersion!: number;

  /** The privacy threshold the weights were derived with. */
  @Property({ type: 'integer' })
  minSample!: number;

  /** Versions of the data files the coverage and roles were read with. */
  @Property({ type: 'string', length: 32 })
  requirementsVersion!: string;

  @Property({ type: 'string', length: 32 })
  rolesVersion!: string;

  /** Every aggregate, with how many players contributed to each (the API filters on that). */
  @Property({ type: 'json' })
  data!: MetaAggregates;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  pinnedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;
}

export enum PipelineTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}

export enum PipelineRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** A run that did work (skipped runs are only counted in metrics and logs). */
@Entity({ tableName: 'meta_pipeline_runs' })
export class PipelineRun {
  [OptionalProps]?: 'snapshotVersion' | 'rowsRead' | 'durationMs' | 'errorMessage' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 16 })
  period!: string;

  @Enum({ items: () => PipelineTrigger, type: 'string', length: 16 })
  trigger!: PipelineTrigger;

  @Enum({ items: () => PipelineRunStatus, type: 'string', length: 16 })
  status!: PipelineRunStatus;

  @Property({ type: 'integer', nullable: true })
  snapshotVersion: number | null = null;

  @Property({ type: 'json' })
  rowsRead: Record<string, number> = {};

  @Property({ type: 'integer', nullable: true })
  durationMs: number | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  /** Which process ran it (host name and pid). */
  @Property({ type: 'string', length: 128 })
  host!: string;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;
}
