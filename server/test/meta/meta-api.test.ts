import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ok } from '../teams/support.js';
import { seedMeta } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const SNAPSHOT = /* GraphQL */ `
  query ($gameMode: GameMode!) {
    metaSnapshot(gameMode: $gameMode) {
      snapshot {
        version
        period
        pinned
        withdrawn
        minSample
      }
      gameMode
      enoughData
      builds
      teams
      members
      players
      otherShare
      hidden
      eliteRoles {
        specialization
        roleKey
        roleLabel
        builds
        teamSlots
        share
        players
      }
      subgroups {
        subgroup
        teams
        members
        fillRate
        players
        roles {
          roleKey
          members
          share
          players
        }
        requirements {
          capability
          covered
          rate
        }
      }
      missing {
        capability
        scope
        teams
        gaps
        rate
        players
      }
      acceptance {
        source
        proposed
        applied
        rate
      }
      weights {
        specialization
        roleKey
        roleLabel
        weight
        popularity
        approval
      }
    }
  }
`;
const HISTORY = `query { metaHistory(gameMode: RAID) { snapshot { version pinned withdrawn } enoughData players } }`;
const RUN = `mutation { runMetaPipeline { status period reason snapshotVersion errorMessage } }`;

interface Snapshot {
  metaSnapshot: {
    snapshot: { version: number; pinned: boolean; withdrawn: boolean };
    enoughData: boolean;
    [key: string]: unknown;
  } | null;
}

describe('meta API on the embedded database', () => {
  let server: TestServer;
  let admin: RegisteredUser;
  const clock = new ManualClock(new Date('2026-12-10T04:00:00Z'));
  const inForce = async (gameMode = 'RAID') =>
    (await ok<Snapshot>(server, SNAPSHOT, { gameMode })).metaSnapshot;
  /** Moves the clock (a new period) and signs the admin in again: the old token has expired. */
  const nextDay = async () => {
    clock.advance(DAY);
    const login = await ok<{ login: { accessToken: string } }>(
      server,
      `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { login: admin.username, password: admin.password } },
    );
    admin = { ...admin, headers: { authorization: `Bearer ${login.login.accessToken}` } };
  };
  const runAsAdmin = async () =>
    (await ok<{ runMetaPipeline: Record<string, unknown> }>(server, RUN, {}, admin))
      .runMetaPipeline;

  beforeAll(async () => {
    server = await startTestServer({
      database: 'embedded',
      clock,
      env: { META_MIN_SAMPLE: '2', RATE_LIMIT_AUTH_PER_MINUTE: '100' },
    });
    const players = [
      await registerUser(server),
      await registerUser(server),
      await registerUser(server),
    ];
    await seedMeta(server, players);
    admin = await registerUser(server);
    await server.app.database.orm.em
      .fork()
      .execute(`update users set role = 'ADMIN' where id = ?`, [admin.userId]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has no snapshot before the first run', async () => {
    expect(await inForce()).toBeNull();
    expect((await ok<{ metaHistory: unknown[] }>(server, HISTORY, {})).metaHistory).toEqual([]);
  });

  it('shows everyone only what at least minSample players contributed to', async () => {
    expect(await runAsAdmin()).toEqual({
      status: 'SUCCEEDED',
      period: '2026-12-10',
      reason: null,
      snapshotVersion: 1,
      errorMessage: null,
    });
    const raid = await inForce();
    expect(raid).toMatchObject({
      snapshot: { version: 1, pinned: false, withdrawn: false, minSample: 2 },
      gameMode: 'RAID',
      enoughData: true,
      builds: 3,
      teams: 2,
      members: 5,
      players: 2,
      // Tempest and Weaver have one player each: hidden, their half of the uses shown as "other".
      otherShare: 0.5,
      eliteRoles: [
        {
          specialization: 'Firebrand',
          roleKey: 'heal-quickness',
          roleLabel: 'Heal quickness',
          builds: 2,
          teamSlots: 2,
          share: 0.5,
          players: 2,
        },
      ],
      // Every missing requirement comes from one player's team.
      missing: [],
      weights: [
        {
          specialization: 'Firebrand',
          roleKey: 'heal-quickness',
          roleLabel: 'Heal quickness',
          weight: 5,
          popularity: 1,
          approval: 0.5,
        },
      ],
    });
    const subgroups = raid!['subgroups'] as { subgroup: number; roles: { roleKey: string }[] }[];
    expect(subgroups.map((s) => s.subgroup)).toEqual([1]);
    // dps and alacrity-dps in subgroup 1 each come from one player.
    expect(subgroups[0]!.roles.map((r) => r.roleKey)).toEqual(['heal-quickness']);
    // Subgroup 2, Tempest, Weaver, dps and alacrity-dps of subgroup 1, 5 missing requirements.
    expect(raid!['hidden']).toBe(10);
    // Fractals: one player's build.
    expect(await inForce('FRACTALS')).toMatchObject({
      enoughData: false,
      eliteRoles: [],
      players: 0,
    });
  });

  it('skips a second run the same day, and lists the runs to admins only', async () => {
    expect(await runAsAdmin()).toMatchObject({ status: 'SKIPPED', reason: 'ALREADY_DONE' });
    const runs = await ok<{ metaPipelineRuns: Array<Record<string, unknown>> }>(
      server,
      `{ metaPipelineRuns { period trigger status snapshotVersion rowsRead { table rows } host durationMs } }`,
      {},
      admin,
    );
    expect(runs.metaPipelineRuns).toHaveLength(1);
    expect(runs.metaPipelineRuns[0]).toMatchObject({
      period: '2026-12-10',
      trigger: 'MANUAL',
      status: 'SUCCEEDED',
      snapshotVersion: 1,
      rowsRead: [
        { table: 'builds', rows: 4 },
        { table: 'team_members', rows: 5 },
        { table: 'teams', rows: 3 },
        { table: 'users', rows: 4 },
      ],
    });
  });

  it('pins, unpins and rolls back snapshots', async () => {
    await nextDay();
    expect(await runAsAdmin()).toMatchObject({ status: 'SUCCEEDED', snapshotVersion: 2 });
    expect((await inForce())!.snapshot.version).toBe(2);

    await ok(server, `mutation { pinMetaSnapshot(version: 1) { version pinned } }`, {}, admin);
    await nextDay();
    expect(await runAsAdmin()).toMatchObject({ status: 'SUCCEEDED', snapshotVersion: 3 });
    expect((await inForce())!.snapshot).toMatchObject({ version: 1, pinned: true });

    expect(await ok(server, `mutation { unpinMetaSnapshot }`, {}, admin)).toEqual({
      unpinMetaSnapshot: true,
    });
    expect((await inForce())!.snapshot.version).toBe(3);

    await ok(server, `mutation { rollbackMetaSnapshot(toVersion: 2) { version } }`, {}, admin);
    expect((await inForce())!.snapshot).toMatchObject({ version: 2, pinned: false });
    const history = await ok<{ metaHistory: Array<{ snapshot: Record<string, unknown> }> }>(
      server,
      HISTORY,
      {},
    );
    expect(history.metaHistory.map((entry) => entry.snapshot)).toEqual([
      { version: 3, pinned: false, withdrawn: true },
      { version: 2, pinned: false, withdrawn: false },
      { version: 1, pinned: false, withdrawn: false },
    ]);
    // A withdrawn snapshot cannot come back by a pin.
    const refused = await server.graphql(
      `mutation { pinMetaSnapshot(version: 3) { version } }`,
      {},
      admin.headers,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WITHDRAWN',
    });
    const missing = await server.graphql(
      `mutation { rollbackMetaSnapshot(toVersion: 99) { version } }`,
      {},
      admin.headers,
    );
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
