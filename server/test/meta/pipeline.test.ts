import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetaAggregates } from '@gw2/game';
import { ManualClock } from '../../src/platform/clock.js';
import { PipelineTrigger } from '../../src/modules/meta/meta.entity.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startFakeSentry } from '../support/fake-sentry.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { seedMeta } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

async function metric(server: TestServer, name: string, labels = ''): Promise<number> {
  const text = await server.app.services.metrics.render();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels} `) || l.startsWith(`${name}${labels}{`));
  return Number(line?.split(' ').at(-1));
}

describe.skipIf(!postgresAvailable)('learning pipeline on PostgreSQL', () => {
  let server: TestServer;
  let sentry: Awaited<ReturnType<typeof startFakeSentry>>;
  const clock = new ManualClock(new Date('2026-12-10T04:00:00Z'));
  let users: RegisteredUser[];
  const sql = <T>(query: string, params: unknown[] = []) =>
    server.app.database.orm.em.fork().execute<T[]>(query, params);
  const run = () => server.app.services.meta.pipeline.run(PipelineTrigger.MANUAL);

  beforeAll(async () => {
    sentry = await startFakeSentry();
    server = await startTestServer({
      database: 'postgres',
      clock,
      env: {
        META_MIN_SAMPLE: '2',
        LEARNING_PIPELINE_BATCH_SIZE: '2',
        SENTRY_DSN: sentry.dsn,
        RATE_LIMIT_AUTH_PER_MINUTE: '100',
      },
    });
    users = [await registerUser(server), await registerUser(server), await registerUser(server)];
    await seedMeta(server, users);
  });
  afterAll(async () => {
    await server?.close();
    await sentry?.close();
  });

  it('aggregates the fixed dataset into a snapshot with exact numbers', async () => {
    const outcome = await run();
    expect(outcome).toMatchObject({
      status: 'SUCCEEDED',
      period: '2026-12-10',
      snapshotVersion: 1,
    });
    // Two players per batch: the 3 users are read in 2 batches (keyset paging).
    expect(outcome.status === 'SUCCEEDED' && outcome.rowsRead).toEqual({
      users: 3,
      builds: 4,
      teams: 3,
      team_members: 5,
    });
    const [snapshot] = await sql<{ data: MetaAggregates; min_sample: number }>(
      'select data, min_sample from meta_snapshots where version = 1',
    );
    const { data } = snapshot!;
    expect(snapshot!.min_sample).toBe(2);
    expect(data).toMatchObject({ owners: 3, buildsWithoutMode: 1, skippedTeams: 0 });
    expect(data.modes.map((m) => m.gameMode)).toEqual(['FRACTALS', 'RAID']);
    const raid = data.modes[1]!;
    // C's team is empty: C counts in no mode.
    expect(raid).toMatchObject({ builds: 3, teams: 2, members: 5, owners: 2 });
    // Firebrand 2 builds + 2 slots, Tempest 1 + 1, Weaver 0 + 2: 4, 2, 2 of 8.
    expect(raid.eliteRoles).toEqual([
      {
        specialization: 'Firebrand',
        roleKey: 'heal-quickness',
        builds: 2,
        teamSlots: 2,
        owners: 2,
        share: 0.5,
        positive: 0,
        negative: 0,
      },
      {
        specialization: 'Tempest',
        roleKey: 'alacrity-dps',
        builds: 1,
        teamSlots: 1,
        owners: 1,
        share: 0.25,
        positive: 0,
        negative: 0,
      },
      {
        specialization: 'Weaver',
        roleKey: 'dps',
        builds: 0,
        teamSlots: 2,
        owners: 1,
        share: 0.25,
        positive: 0,
        negative: 0,
      },
    ]);
    expect(raid.subgroups.map(({ roles: _roles, ...rest }) => rest)).toEqual([
      {
        subgroup: 1,
        teams: 2,
        members: 4,
        owners: 2,
        fillRate: 0.4,
        requirements: [
          { capability: 'ALACRITY', covered: 1, owners: 2, rate: 0.5 },
          { capability: 'FURY', covered: 2, owners: 2, rate: 1 },
          { capability: 'MIGHT', covered: 2, owners: 2, rate: 1 },
          { capability: 'QUICKNESS', covered: 2, owners: 2, rate: 1 },
          { capability: 'HEALING', covered: 2, owners: 2, rate: 1 },
        ],
      },
      {
        subgroup: 2,
        teams: 1,
        members: 1,
        owners: 1,
        fillRate: 0.2,
        requirements: ['ALACRITY', 'FURY', 'MIGHT', 'QUICKNESS', 'HEALING'].map((capability) => ({
          capability,
          covered: 0,
          owners: 1,
          rate: 0,
        })),
      },
    ]);
    expect(raid.missing.map((m) => [m.capability, m.teams, m.gaps, m.rate])).toEqual([
      ['ALACRITY', 1, 2, 0.5],
      ['FURY', 1, 1, 0.5],
      ['MIGHT', 1, 1, 0.5],
      ['QUICKNESS', 1, 1, 0.5],
      ['HEALING', 1, 1, 0.5],
    ]);
    // Only Firebrand has 2 players behind it: 5 × 1 × 2 × 0.5 = 5.
    expect(raid.weights).toEqual([
      {
        specialization: 'Firebrand',
        roleKey: 'heal-quickness',
        weight: 5,
        popularity: 1,
        approval: 0.5,
      },
    ]);
    const [record] = await sql<{ status: string; trigger: string; rows_read: unknown }>(
      'select status, trigger, rows_read from meta_pipeline_runs',
    );
    expect(record).toEqual({
      status: 'SUCCEEDED',
      trigger: 'MANUAL',
      rows_read: outcome.status === 'SUCCEEDED' && outcome.rowsRead,
    });
    expect(await metric(server, 'learning_pipeline_runs_total', '{status="succeeded"}')).toBe(1);
    expect(await metric(server, 'learning_pipeline_rows_read_total', '{table="builds"}')).toBe(4);
    expect(await metric(server, 'learning_pipeline_last_success_timestamp_seconds')).toBe(
      clock.now().getTime() / 1000,
    );
  });

  it('is idempotent per period: a second run the same day changes nothing', async () => {
    clock.advance(6 * 60 * 60 * 1000);
    expect(await run()).toEqual({
      status: 'SKIPPED',
      period: '2026-12-10',
      reason: 'ALREADY_DONE',
    });
    expect(await sql('select version from meta_snapshots')).toEqual([{ version: 1 }]);
    expect(await sql('select id from meta_pipeline_runs')).toHaveLength(1);
    expect(await metric(server, 'learning_pipeline_runs_total', '{status="skipped"}')).toBe(1);
  });

  it('runs once when two runs start together', async () => {
    clock.advance(DAY);
    const outcomes = await Promise.all([run(), run()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['SKIPPED', 'SUCCEEDED']);
    expect(await sql(`select version from meta_snapshots where period = '2026-12-11'`)).toEqual([
      { version: 2 },
    ]);
  });

  it('fails without touching the snapshots: recorded, counted, reported to Sentry', async () => {
    clock.advance(DAY);
    await sql('alter table team_members rename to team_members_away');
    let outcome;
    try {
      outcome = await run();
    } finally {
      await sql('alter table team_members_away rename to team_members');
    }
    expect(outcome).toMatchObject({ status: 'FAILED', period: '2026-12-12' });
    expect(await sql('select version from meta_snapshots order by version')).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    const [failed] = await sql<{ status: string; error_message: string; snapshot_version: null }>(
      `select status, error_message, snapshot_version from meta_pipeline_runs where period = '2026-12-12'`,
    );
    expect(failed).toMatchObject({ status: 'FAILED', snapshot_version: null });
    expect(failed!.error_message).toMatch(/team_members/);
    expect(await metric(server, 'learning_pipeline_failures_total')).toBe(1);
    expect(await metric(server, 'learning_pipeline_runs_total', '{status="failed"}')).toBe(1);
    await server.app.services.errorReporter.flush();
    expect(sentry.events.some((e) => e.tags?.['graphql.operation'] === 'learning-pipeline')).toBe(
      true,
    );
    // The next try of the same day succeeds.
    expect(await run()).toMatchObject({ status: 'SUCCEEDED', snapshotVersion: 3 });
  });
});
