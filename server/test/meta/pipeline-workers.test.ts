import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { MAINTENANCE_QUEUE } from '../../src/platform/jobs/maintenance.js';
import { LEARNING_PIPELINE_JOB } from '../../src/modules/meta/meta.jobs.js';
import { periodOf } from '../../src/modules/meta/learning-pipeline.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable, redisAvailable, REDIS_URL } from '../support/services.js';

describe.skipIf(!postgresAvailable || !redisAvailable)(
  'learning pipeline: two workers on one Redis run a period once',
  () => {
    let scratch: ScratchDatabase;
    let database: Database;
    const workers: RunningWorker[] = [];
    const prefix = `gw2test-meta-${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      scratch = await createScratchDatabase('meta_workers');
      // The API migrates; the workers do not.
      database = await openDatabase({
        url: scratch.url,
        embeddedDataDir: undefined,
        logger: pino({ level: 'silent' }),
      });
    });
    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await database?.close();
      await scratch?.drop();
    });

    it('schedules the pipeline and runs each queued try on one worker at most once per period', async () => {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: path.join(tmpdir(), 'gw2-meta-worker-test'),
        DATABASE_URL: scratch.url,
        REDIS_URL,
        JOB_QUEUE_PREFIX: prefix,
        METRICS_PORT: '0',
        JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      });
      workers.push(await startWorker(config), await startWorker(config));
      const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
      const events = new QueueEvents(MAINTENANCE_QUEUE, {
        connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
        prefix,
      });
      try {
        await events.waitUntilReady();
        expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain(LEARNING_PIPELINE_JOB);
        // Six tries at once, as if every instance and the schedule fired together.
        const jobs = await Promise.all(
          Array.from({ length: 6 }, () => queue.add(LEARNING_PIPELINE_JOB, {})),
        );
        const results = await Promise.all(
          jobs.map(
            (job) => job.waitUntilFinished(events, 20_000) as Promise<Record<string, number>>,
          ),
        );
        expect(results.filter((r) => 'snapshotVersion' in r).length).toBeLessThanOrEqual(1);
        const em = database.orm.em.fork();
        const period = periodOf(new Date());
        expect(await em.execute('select period from meta_snapshots')).toEqual([{ period }]);
        expect(
          await em.execute(`select status from meta_pipeline_runs where period = ?`, [period]),
        ).toEqual([{ status: 'SUCCEEDED' }]);
      } finally {
        await events.close();
        await queue.obliterate({ force: true });
        await queue.close();
        await connection.quit();
      }
    });
  },
);
