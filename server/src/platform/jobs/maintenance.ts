import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config.js';

/**
 * Periodic housekeeping, the same wherever it runs: in the API process without Redis, in
 * `npm run worker` (BullMQ) with Redis. Each job is idempotent: running it twice is harmless.
 */
export const MAINTENANCE_QUEUE = 'maintenance';

/** When a job runs: its name is its BullMQ scheduler's key. */
export interface JobSchedule {
  readonly name: string;
  readonly everyMs: number;
}

export interface MaintenanceJob extends JobSchedule {
  /** In-process timers: the first run this long after start, rather than after `everyMs`. */
  readonly startDelayMs?: number;
  run(em: EntityManager, now: Date): Promise<Record<string, number>>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** An hourly job that runs one delete statement, with parameters computed from `now`. */
function hourlyDelete(
  name: string,
  statement: string,
  parameters: (now: Date) => readonly unknown[],
): MaintenanceJob {
  return {
    name,
    everyMs: HOUR_MS,
    async run(em, now) {
      const deleted = await em
        .getConnection()
        .execute<{ affectedRows: number }>(statement, [...parameters(now)], 'run');
      return { deleted: deleted.affectedRows };
    },
  };
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Refresh sessions past expiry, or revoked/used long enough ago that reuse detection no longer needs them. */
export const purgeStaleSessions = hourlyDelete(
  'purge-stale-sessions',
  `delete from refresh_sessions where expires_at < ? or revoked_at < ? or used_at < ?`,
  (now) => [ago(now, 1), ago(now, 30), ago(now, 30)],
);

export const PURGE_OLD_SQUAD_PLANS = 'purge-old-squad-plans';

/**
 * Plans proposed more than `retentionDays` ago that nothing refers to: kept are plans applied
 * to a team, plans with feedback (thumbs name them by id, without a foreign key) and plans an
 * AI job returned (its result holds the plan's id; they go once the job is purged).
 */
export function purgeOldSquadPlans(retentionDays: number): MaintenanceJob {
  return hourlyDelete(
    PURGE_OLD_SQUAD_PLANS,
    `delete from squad_plans p
     where p.created_at < ? and p.outcome <> 'APPLIED'
       and not exists (select 1 from feedback f
                       where f.subject_type = 'SQUAD_PLAN' and f.subject_id = p.id)
       and not exists (select 1 from ai_jobs j
                       where j.kind = 'COMPOSE_SQUAD' and j.result ->> 'id' = p.id::text)`,
    (now) => [ago(now, retentionDays)],
  );
}

export const PURGE_FINISHED_AI_JOBS = 'purge-finished-ai-jobs';

/**
 * AI jobs finished more than `retentionDays` ago, except those with feedback (the learning
 * pipeline reads the rating with its job). A compose job's plan may go afterwards, by its own
 * retention.
 */
export function purgeFinishedAiJobs(retentionDays: number): MaintenanceJob {
  return hourlyDelete(
    PURGE_FINISHED_AI_JOBS,
    `delete from ai_jobs j
     where j.finished_at < ? and j.status in ('SUCCEEDED', 'FAILED', 'CANCELLED')
       and not exists (select 1 from feedback f
                       where f.subject_type = 'AI_JOB' and f.subject_id = j.id)`,
    (now) => [ago(now, retentionDays)],
  );
}

/** Every process runs the same housekeeping, configured once. */
export function maintenanceJobs(
  config: Pick<AppConfig, 'squadPlanRetentionDays' | 'ai'>,
): readonly MaintenanceJob[] {
  return [
    purgeStaleSessions,
    purgeOldSquadPlans(config.squadPlanRetentionDays),
    purgeFinishedAiJobs(config.ai.retentionDays),
  ];
}
