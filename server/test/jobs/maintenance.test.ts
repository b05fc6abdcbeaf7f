import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { MAINTENANCE_QUEUE, purgeStaleSessions } from '../../src/platform/jobs/maintenance.js';
import { startWorker } from '../../src/worker.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable, redisAvailable, REDIS_URL } from '../support/services.js';

const DAY = 24 * 60 * 60 * 1000;

async function seedSessions(database: Database, now: Date) {
  const connection = database.orm.em.getConnection();
  const userId = randomUUID();
  await connection.execute(
    `insert into users (id, email, username, username_key, password_hash, created_at, updated_at) values (?, ?, ?, ?, 'x', now(), now())`,
    [userId, `${userId}@example.com`, userId.slice(0, 30), userId.slice(0, 30)],
  );
  const session = (label: string, expiresAt: Date, usedAt: Date | null, revokedAt: Date | null) =>
    connection.execute(
      `insert into refresh_sessions (id, user_id, family_id, token_hash, expires_at, used_at, revoked_at, created_at) values (?, ?, ?, ?, ?, ?, ?, now())`,
      [randomUUID(), userId, randomUUID(), label.padEnd(64, '0'), expiresAt, usedAt, revokedAt],
    );
  await session('live', new Date(now.getTime() + 10 * DAY), null, null);
  await session(
    'usedrecently',
    new Date(now.getTime() + 10 * DAY),
    new Date(now.getTime() - DAY),
    null,
  );
  await session('expired', new Date(now.getTime() - 2 * DAY), null, null);
  await session(
    'revokedlongago',
    new Date(now.getTime() + 10 * DAY),
    null,
    new Date(now.getTime() - 40 * DAY),
  );
}

const remaining = async (database: Database) =>
  (
    await database.orm.em
      .getConnection()
      .execute<Array<{ token_hash: string }>>(
        'select token_hash from refresh_sessions order by token_hash',
      )
  ).map((row) => row.token_hash.replace(/0+$/, ''));

describe.skipIf(!postgresAvailable)('maintenance: purge stale sessions', () => {
  let scratch: ScratchDatabase;
  let database: Database;
  beforeAll(async () => {
    scratch = await createScratchDatabase('jobs');
    database = await openDatabase({
      url: scratch.url,
      embeddedDataDir: undefined,
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await database.close();
    await scratch.drop();
  });

  it('deletes expired and long-settled sessions, keeps live and recently used ones (idempotent)', async () => {
    const now = new Date();
    await seedSessions(database, now);
    expect(await purgeStaleSessions.run(database.orm.em.fork(), now)).toEqual({ deleted: 2 });
    expect(await remaining(database)).toEqual(['live', 'usedrecently']);
    expect(await purgeStaleSessions.run(database.orm.em.fork(), now)).toEqual({ deleted: 0 });
  });

  describe.skipIf(!redisAvailable)('through BullMQ and `npm run worker`', () => {
    it('the worker processes a queued maintenance job', async () => {
      await database.orm.em.getConnection().execute('delete from refresh_sessions');
      await seedSessions(database, new Date());
      const prefix = `gw2test-${randomBytes(4).toString('hex')}`;
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: path.join(tmpdir(), 'gw2-worker-test'),
        DATABASE_URL: scratch.url,
        REDIS_URL,
        JOB_QUEUE_PREFIX: prefix,
        METRICS_PORT: '0',
        JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      });
      const worker = await startWorker(config);
      const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
      const events = new QueueEvents(MAINTENANCE_QUEUE, {
        connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
        prefix,
      });
      try {
        await events.waitUntilReady();
        const job = await queue.add(purgeStaleSessions.name, {});
        // The scheduler's first run (at start) may already have purged: the job is idempotent.
        const result = (await job.waitUntilFinished(events, 10_000)) as { deleted: number };
        expect(result.deleted).toBeGreaterThanOrEqual(0);
        expect(await remaining(database)).toEqual(['live', 'usedrecently']);
        // The worker also registered the repeatable schedule.
        expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toContain(
          purgeStaleSessions.name,
        );
      } finally {
        await events.close();
        await queue.obliterate({ force: true });
        await queue.close();
        await connection.quit();
        await worker.close();
      }
    });
  });
});
