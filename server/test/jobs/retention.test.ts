/**
 * The retention purges on the embedded database and on PostgreSQL. Squad plans: old plans
 * nothing refers to go; applied, rated and AI-returned plans stay, and so do recent ones.
 * AI jobs: those finished long ago go, unless rated; unfinished and recent ones stay.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import {
  maintenanceJobs,
  PURGE_FINISHED_AI_JOBS,
  PURGE_OLD_SQUAD_PLANS,
  purgeFinishedAiJobs,
  purgeOldSquadPlans,
} from '../../src/platform/jobs/maintenance.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;
const BASE_ENV = { NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' };

async function seedUser(database: Database): Promise<string> {
  const userId = randomUUID();
  await database.orm.em
    .getConnection()
    .execute(
      `insert into users (id, email, username, username_key, password_hash, created_at, updated_at) values (?, ?, ?, ?, 'x', now(), now())`,
      [userId, `${userId}@example.com`, userId.slice(0, 30), userId.slice(0, 30)],
    );
  return userId;
}

/** Plans of one player, named by what refers to them; returns their ids by name. */
async function seedPlans(database: Database, now: Date): Promise<Map<string, string>> {
  const connection = database.orm.em.getConnection();
  const userId = await seedUser(database);
  const ids = new Map<string, string>();
  const plan = async (name: string, ageDays: number, outcome = 'OPEN') => {
    const id = randomUUID();
    ids.set(name, id);
    await connection.execute(
      `insert into squad_plans (id, owner_id, game_mode, size, source, members, outcome, created_at) values (?, ?, 'RAID', 10, 'OPTIMIZER', '[]', ?, ?)`,
      [id, userId, outcome, new Date(now.getTime() - ageDays * DAY)],
    );
    return id;
  };
  await plan('recent', RETENTION_DAYS - 1);
  await plan('old open', RETENTION_DAYS + 1);
  await plan('old discarded', RETENTION_DAYS + 10, 'DISCARDED');
  await plan('old applied', RETENTION_DAYS + 10, 'APPLIED');
  const rated = await plan('old rated', RETENTION_DAYS + 10);
  await connection.execute(
    `insert into feedback (id, user_id, subject_type, subject_id, rating, created_at, updated_at) values (?, ?, 'SQUAD_PLAN', ?, 1, now(), now())`,
    [randomUUID(), userId, rated],
  );
  const answered = await plan('old answer of an AI job', RETENTION_DAYS + 10);
  await connection.execute(
    `insert into ai_jobs (id, owner_id, kind, input, status, result, created_at, updated_at) values (?, ?, 'COMPOSE_SQUAD', '{}', 'SUCCEEDED', ?, now(), now())`,
    [randomUUID(), userId, JSON.stringify({ id: answered, gameMode: 'RAID' })],
  );
  // Feedback on an AI job whose id happens to be the plan's is not about the plan.
  const other = await plan('old, rated as an AI job id', RETENTION_DAYS + 10);
  await connection.execute(
    `insert into feedback (id, user_id, subject_type, subject_id, rating, created_at, updated_at) values (?, ?, 'AI_JOB', ?, 1, now(), now())`,
    [randomUUID(), userId, other],
  );
  return ids;
}

/** AI jobs of one player, named by their state; returns their ids by name. */
async function seedAiJobs(database: Database, now: Date): Promise<Map<string, string>> {
  const connection = database.orm.em.getConnection();
  const userId = await seedUser(database);
  const ids = new Map<string, string>();
  const job = async (name: string, status: string, finishedDaysAgo: number | null) => {
    const id = randomUUID();
    ids.set(name, id);
    const finishedAt =
      finishedDaysAgo === null ? null : new Date(now.getTime() - finishedDaysAgo * DAY);
    await connection.execute(
      `insert into ai_jobs (id, owner_id, kind, input, status, finished_at, created_at, updated_at) values (?, ?, 'REVIEW_BUILD', '{}', ?, ?, ?, now())`,
      [id, userId, status, finishedAt, new Date(now.getTime() - 100 * DAY)],
    );
    return id;
  };
  await job('recent', 'SUCCEEDED', RETENTION_DAYS - 1);
  await job('old succeeded', 'SUCCEEDED', RETENTION_DAYS + 1);
  await job('old failed', 'FAILED', RETENTION_DAYS + 10);
  await job('old cancelled', 'CANCELLED', RETENTION_DAYS + 10);
  await job('queued long ago', 'QUEUED', null);
  await job('running long ago', 'RUNNING', null);
  const rated = await job('old rated', 'SUCCEEDED', RETENTION_DAYS + 10);
  await connection.execute(
    `insert into feedback (id, user_id, subject_type, subject_id, rating, created_at, updated_at) values (?, ?, 'AI_JOB', ?, -1, now(), now())`,
    [randomUUID(), userId, rated],
  );
  return ids;
}

async function remaining(
  database: Database,
  table: 'squad_plans' | 'ai_jobs',
  ids: ReadonlyMap<string, string>,
): Promise<string[]> {
  const rows = await database.orm.em
    .getConnection()
    .execute<Array<{ id: string }>>(`select id from ${table}`);
  const names = new Map([...ids].map(([name, id]) => [id, name]));
  return rows.flatMap((row) => names.get(row.id) ?? []).sort();
}

const targets: Array<'embedded' | 'postgres'> = ['embedded'];
if (postgresAvailable) targets.push('postgres');

describe.each(targets)('maintenance: retention purges (%s)', (target) => {
  let scratch: ScratchDatabase | undefined;
  let database: Database;
  beforeAll(async () => {
    scratch = target === 'postgres' ? await createScratchDatabase('plans') : undefined;
    database = await openDatabase({
      url: scratch?.url,
      embeddedDataDir: undefined,
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('deletes old plans nothing refers to, keeps applied, rated, AI-returned and recent ones (idempotent)', async () => {
    const now = new Date();
    const ids = await seedPlans(database, now);
    const purge = purgeOldSquadPlans(RETENTION_DAYS);
    expect(await purge.run(database.orm.em.fork(), now)).toEqual({ deleted: 3 });
    expect(await remaining(database, 'squad_plans', ids)).toEqual([
      'old answer of an AI job',
      'old applied',
      'old rated',
      'recent',
    ]);
    expect(await purge.run(database.orm.em.fork(), now)).toEqual({ deleted: 0 });
  });

  it('deletes AI jobs finished long ago, keeps rated, unfinished and recent ones (idempotent)', async () => {
    const now = new Date();
    const ids = await seedAiJobs(database, now);
    const purge = purgeFinishedAiJobs(RETENTION_DAYS);
    expect(await purge.run(database.orm.em.fork(), now)).toEqual({ deleted: 3 });
    const left = await remaining(database, 'ai_jobs', ids);
    expect(left).toEqual(['old rated', 'queued long ago', 'recent', 'running long ago']);
    expect(await purge.run(database.orm.em.fork(), now)).toEqual({ deleted: 0 });
  });
});

it('runs with the other maintenance jobs, after SQUAD_PLAN_RETENTION_DAYS (default 90)', () => {
  const names = maintenanceJobs(loadConfig(BASE_ENV)).map((job) => job.name);
  expect(names).toContain(PURGE_OLD_SQUAD_PLANS);
  expect(names).toContain(PURGE_FINISHED_AI_JOBS);
  expect(loadConfig(BASE_ENV).squadPlanRetentionDays).toBe(90);
  expect(loadConfig({ ...BASE_ENV, SQUAD_PLAN_RETENTION_DAYS: '7' })).toMatchObject({
    squadPlanRetentionDays: 7,
  });
  expect(() => loadConfig({ ...BASE_ENV, SQUAD_PLAN_RETENTION_DAYS: '0' })).toThrow(
    /SQUAD_PLAN_RETENTION_DAYS/,
  );
});
