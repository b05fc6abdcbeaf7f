/**
 * AI jobs across processes on real PostgreSQL and Redis: a job created on one API instance,
 * followed on another, run by a worker process, delivered once; a worker killed mid-stream has
 * its job retried with one terminal result; SIGTERM drains; the token budget is shared.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable, REDIS_URL, redisAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  aiEnv,
  COMPOSE,
  createJob,
  finishedJob,
  followJob,
  shownText,
  TERMINAL,
  type StreamEvent,
} from './support.js';
import { spawnWorker, type WorkerProcess } from './worker-process.js';

const RAID_10 = { squad: { gameMode: 'RAID', size: 10 } };

function expectDeliveredOnce(events: readonly StreamEvent[]) {
  const indexes = events
    .slice(1)
    .filter((e) => !TERMINAL.has(e.__typename))
    .map((e) => e.index);
  expect(new Set(indexes).size).toBe(indexes.length);
  expect(events.filter((e) => TERMINAL.has(e.__typename))).toHaveLength(1);
}

describe.skipIf(!postgresAvailable || !redisAvailable)('AI jobs across processes', () => {
  let fake: FakeMistral;
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  let apiA: TestServer;
  let apiB: TestServer;
  let alice: RegisteredUser;
  const workers: WorkerProcess[] = [];
  const worker = async (extra: Record<string, string> = {}) => {
    const started = await spawnWorker({
      ...env,
      DATABASE_URL: scratch.url,
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ...extra,
    });
    workers.push(started);
    return started;
  };

  beforeAll(async () => {
    fake = await startFakeMistral();
    scratch = await createScratchDatabase('ai_scale');
    const prefix = `t${randomBytes(4).toString('hex')}`;
    env = aiEnv(fake, {
      REDIS_URL,
      JOB_QUEUE_PREFIX: prefix,
      RATE_LIMIT_KEY_PREFIX: `${prefix}:rl`,
      AI_ANSWER_TIMEOUT_MS: '20000',
      // Generous under load (a loaded machine must not make a healthy worker look dead); a
      // killed worker's job is still picked up within a few seconds.
      MISTRAL_TIMEOUT_MS: '3000',
      AI_JOB_LOCK_MS: '5000',
    });
    apiA = await startTestServer({ databaseUrl: scratch.url, env });
    apiB = await startTestServer({ databaseUrl: scratch.url, env });
    alice = await registerUser(apiA);
  });
  afterAll(async () => {
    for (const { child } of workers) child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await apiB?.close();
    await apiA?.close();
    await scratch?.drop();
    await fake?.close();
  });

  it('runs a job created on instance A in the worker and streams it to a subscriber on B once', async () => {
    await worker();
    fake.script({ kind: 'text', tokens: 120, chunkDelayMs: 5 });
    const created = await createJob(apiA, alice, COMPOSE, RAID_10);
    const events = await followJob(apiB, alice, created.id, { afterIndex: 0 });
    expectDeliveredOnce(events);
    const job = events.at(-1)!.job!;
    expect(job).toMatchObject({ status: 'SUCCEEDED', source: 'LLM', attempts: 1 });
    expect(events.filter((e) => e.__typename === 'AiJobTextDelta')).toHaveLength(120);
    expect(shownText(events)).toBe(job.explanation);
  });

  it('retries the job of a worker killed mid-stream; the client sees one terminal result', async () => {
    const [first] = workers;
    fake.script({ kind: 'text', tokens: 400, chunkDelayMs: 20 });
    const created = await createJob(apiA, alice, COMPOSE, RAID_10);
    const beforeKill = await followJob(apiB, alice, created.id, {
      afterIndex: 0,
      stopAfter: (events) => events.filter((e) => e.__typename === 'AiJobTextDelta').length >= 20,
    });
    first!.child.kill('SIGKILL');
    expect(await first!.exited).toBeNull();
    await worker(); // a second worker finds the stalled job once its lock expires
    const lastSeen = beforeKill.at(-1)!.index;
    const after = await followJob(apiB, alice, created.id, { afterIndex: lastSeen });
    expectDeliveredOnce(after);
    const reset = after.find((e) => e.__typename === 'AiJobTextReset');
    expect(reset).toMatchObject({ attempt: 2, reason: 'RETRY' });
    const job = after.at(-1)!.job!;
    expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 2, source: 'LLM' });
    // The first attempt's text is gone: the client shows the second attempt only.
    expect(shownText(after, shownText(beforeKill))).toBe(job.explanation);
    expect(job.explanation).not.toContain('The squad keeps');
  });

  it('drains on SIGTERM: the running job finishes before the worker exits', async () => {
    const current = workers.at(-1)!;
    fake.script({ kind: 'text', tokens: 60, chunkDelayMs: 20 });
    const created = await createJob(apiA, alice, COMPOSE, RAID_10);
    await followJob(apiB, alice, created.id, {
      afterIndex: 0,
      stopAfter: (events) => events.some((e) => e.__typename === 'AiJobTextDelta'),
    });
    current.child.kill('SIGTERM');
    expect(await current.exited).toBe(0);
    const { job } = await finishedJob(apiB, alice, created.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 1, source: 'LLM' });
  });

  it('counts the daily token budget across workers', async () => {
    const budget = { AI_DAILY_TOKEN_BUDGET: '600', JOB_QUEUE_PREFIX: `${env.JOB_QUEUE_PREFIX}b` };
    const apiC = await startTestServer({ databaseUrl: scratch.url, env: { ...env, ...budget } });
    try {
      const one = await worker(budget);
      const first = await createJob(apiC, alice, COMPOSE, RAID_10);
      expect((await finishedJob(apiC, alice, first.id)).job.source).toBe('LLM');
      one.child.kill('SIGTERM');
      await one.exited;
      // Another process, the same Redis: it knows the budget is spent.
      await worker(budget);
      const second = await createJob(apiC, alice, COMPOSE, RAID_10);
      expect((await finishedJob(apiC, alice, second.id)).job).toMatchObject({
        source: 'OPTIMIZER',
        fallbackReason: 'BUDGET',
      });
    } finally {
      await apiC.close();
    }
  });
});
