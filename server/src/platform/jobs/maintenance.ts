import type { EntityManager } from '@mikro-orm/postgresql';

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

const DAY_MS = 24 * 60 * 60 * 1000;

/** Refresh sessions past expiry, or revoked/used long enough ago that reuse detection no longer needs them. */
export const purgeStaleSessions: MaintenanceJob = {
  name: 'purge-stale-sessions',
  everyMs: 60 * 60 * 1000,
  async run(em, now) {
    const expiredBefore = new Date(now.getTime() - DAY_MS);
    const settledBefore = new Date(now.getTime() - 30 * DAY_MS);
    const deleted = await em
      .getConnection()
      .execute<{ affectedRows: number }>(
        `delete from refresh_sessions where expires_at < ? or revoked_at < ? or used_at < ?`,
        [expiredBefore, settledBefore, settledBefore],
        'run',
      );
    return { deleted: deleted.affectedRows };
  },
};

export const maintenanceJobs: readonly MaintenanceJob[] = [purgeStaleSessions];
