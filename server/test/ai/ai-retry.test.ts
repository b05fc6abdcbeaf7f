/**
 * A compose job whose first attempt is interrupted after its plan was recorded (the API stops
 * while the model is still answering) is run again by the next process: the retried attempt
 * records the plan once, under the id the job returns.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerUser } from '../support/accounts.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer } from '../support/test-server.js';
import { aiEnv, COMPOSE, createJob, finishedJob } from './support.js';

describe.skipIf(!postgresAvailable)('AI job retry', () => {
  let fake: FakeMistral;
  let scratch: ScratchDatabase;
  let db: pg.Client;

  beforeAll(async () => {
    fake = await startFakeMistral();
    scratch = await createScratchDatabase('ai_retry');
    db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await scratch?.drop();
    await fake?.close();
  });

  const plansOf = async (userId: string) =>
    (
      await db.query<{ id: string }>('select id from squad_plans where owner_id = $1', [userId])
    ).rows.map((row) => row.id);

  it('records the plan of a retried compose job once', async () => {
    // Without Redis the API runs the jobs; a short drain interrupts the one still explaining.
    const env = aiEnv(fake, { AI_ANSWER_TIMEOUT_MS: '20000', SHUTDOWN_TIMEOUT_MS: '200' });
    const first = await startTestServer({ databaseUrl: scratch.url, env });
    const alice = await registerUser(first);
    let jobId: string;
    try {
      fake.script({ kind: 'hang' });
      jobId = (await createJob(first, alice, COMPOSE, { squad: { gameMode: 'RAID', size: 10 } }))
        .id;
      // The model is asked once the plan is solved and recorded.
      await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { timeout: 20_000 });
      expect(await plansOf(alice.userId)).toHaveLength(1);
    } finally {
      await first.close();
    }
    const interrupted = await db.query<{ status: string; attempts: number }>(
      'select status, attempts from ai_jobs where id = $1',
      [jobId],
    );
    expect(interrupted.rows[0]).toMatchObject({ status: 'RUNNING', attempts: 1 });

    // The next process resumes the job: a second attempt, answered this time.
    const second = await startTestServer({ databaseUrl: scratch.url, env });
    try {
      const { job } = await finishedJob(second, alice, jobId);
      expect(job).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    } finally {
      await second.close();
    }
    const returned = await db.query<{ id: string }>(
      `select result ->> 'id' as id from ai_jobs where id = $1`,
      [jobId],
    );
    expect(await plansOf(alice.userId)).toEqual([returned.rows[0]!.id]);
  });
});
