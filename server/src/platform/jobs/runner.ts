import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { createRedisClient } from '../redis.js';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import { MAINTENANCE_QUEUE, type JobSchedule, type MaintenanceJob } from './maintenance.js';

export interface JobRunner {
  close(): Promise<void>;
}

async function runJob(job: MaintenanceJob, orm: MikroORM<PostgreSqlDriver>, now: () => Date) {
  return job.run(orm.em.fork(), now());
}

/** Without Redis: the API runs the maintenance jobs itself on timers (one instance only). */
export function startInProcessJobs(options: {
  orm: MikroORM<PostgreSqlDriver>;
  logger: FastifyBaseLogger;
  now: () => Date;
  jobs: readonly MaintenanceJob[];
}): JobRunner {
  const timers: NodeJS.Timeout[] = [];
  for (const job of options.jobs) {
    const tick = () => {
      runJob(job, options.orm, options.now).then(
        (result) => options.logger.info({ job: job.name, result }, 'job completed'),
        (error: unknown) => options.logger.error({ job: job.name, err: error }, 'job failed'),
      );
    };
    timers.push(setInterval(tick, job.everyMs));
    if (job.startDelayMs !== undefined) timers.push(setTimeout(tick, job.startDelayMs));
  }
  timers.forEach((timer) => timer.unref());
  return {
    async close() {
      // clearTimeout clears intervals too.
      timers.forEach(clearTimeout);
    },
  };
}

/** The queue's name for this deployment (tests give each run its own prefix). */
export interface QueueSettings {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
}

/** With Redis: schedules the repeatable jobs once for all instances (BullMQ de-duplicates them). */
export async function scheduleMaintenance(
  settings: QueueSettings,
  jobs: readonly JobSchedule[],
): Promise<Queue> {
  const queue = new Queue(MAINTENANCE_QUEUE, {
    connection: settings.connection,
    prefix: settings.prefix,
  });
  for (const job of jobs) {
    await queue.upsertJobScheduler(
      job.name,
      { every: job.everyMs },
      { name: job.name, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
  }
  return queue;
}

/** `npm run worker`: processes the maintenance queue. */
export function startMaintenanceWorker(options: {
  settings: QueueSettings;
  orm: MikroORM<PostgreSqlDriver>;
  logger: FastifyBaseLogger;
  now: () => Date;
  jobs: readonly MaintenanceJob[];
}): Worker {
  const byName = new Map(options.jobs.map((job) => [job.name, job]));
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      const definition = byName.get(job.name);
      if (!definition) throw new Error(`unknown maintenance job ${job.name}`);
      return runJob(definition, options.orm, options.now);
    },
    { connection: options.settings.connection, prefix: options.settings.prefix, concurrency: 1 },
  );
  worker.on('completed', (job, result) =>
    options.logger.info({ job: job.name, id: job.id, result }, 'job completed'),
  );
  worker.on('failed', (job, error) =>
    options.logger.error({ job: job?.name, id: job?.id, err: error }, 'job failed'),
  );
  worker.on('error', (error) => options.logger.error({ err: error }, 'worker error'));
  return worker;
}

/**
 * The API's part with Redis: upsert the schedules once, in the background, then let go of the
 * connection. A Redis outage must not stop the API from starting or stopping; `stop()` drops
 * the connection whatever state the registration is in.
 */
export function registerMaintenanceSchedules(
  redisUrl: string,
  prefix: string,
  onError: (error: unknown) => void,
  schedules: readonly JobSchedule[],
): { stop(): void } {
  const connection = createRedisClient(redisUrl, 'scheduler', { maxRetriesPerRequest: 1 });
  scheduleMaintenance({ connection, prefix }, schedules)
    .then((queue) => queue.close())
    .catch(onError)
    .finally(() => connection.disconnect());
  return { stop: () => connection.disconnect() };
}
