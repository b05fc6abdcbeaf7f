import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { PipelineTrigger } from '../../src/modules/meta/meta.entity.js';
import { MetaService } from '../../src/modules/meta/meta.service.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { realCode } from '../optimizer/plan.documents.js';
import { ok } from '../teams/support.js';

const DAY = 24 * 60 * 60 * 1000;
const PLAN = /* GraphQL */ `
  query ($input: OptimizeSquadInput!) {
    optimizeSquad(input: $input) {
      metaSnapshotVersion
      score {
        objective
        balanceObjective
      }
      assignments {
        specialization
        roleKey
      }
    }
  }
`;

interface Plan {
  optimizeSquad: {
    metaSnapshotVersion: number | null;
    score: { objective: number; balanceObjective: number };
    assignments: { specialization: string; roleKey: string }[];
  };
}

/**
 * Two damage builds that bring the same boons in fractals: a one-player squad covers and
 * balances exactly as well with either, so only the learned weights choose between them.
 */
const WEAVER = realCode('Power Weaver');
const VIRTUOSO = realCode('Power Virtuoso');

describe('optimizeSquad takes the preference weights of the meta snapshot in force', () => {
  let server: TestServer;
  let players: RegisteredUser[];
  const clock = new ManualClock(new Date('2026-12-10T04:00:00Z'));

  const plan = async (chatCodes: string[], size = 1) =>
    (
      await ok<Plan>(server, PLAN, {
        input: {
          gameMode: 'FRACTALS',
          size,
          pool: 'ROSTER',
          roster: [{ playerName: 'Solo', chatCodes }],
        },
      })
    ).optimizeSquad;
  /** The specialization chosen with the builds listed in both orders (the order never decides). */
  const chosen = async () => {
    const [first, second] = [await plan([WEAVER, VIRTUOSO]), await plan([VIRTUOSO, WEAVER])];
    expect(first.assignments.map((a) => a.specialization)).toEqual(
      second.assignments.map((a) => a.specialization),
    );
    return { specialization: first.assignments[0]!.specialization, plan: first };
  };
  const save = async (user: RegisteredUser, chatCode: string, name: string) =>
    ok(
      server,
      `mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }`,
      { input: { name, chatCode, gameModes: ['FRACTALS'] } },
      user,
    );
  const runPipeline = () => server.app.services.meta.pipeline.run(PipelineTrigger.MANUAL);

  beforeAll(async () => {
    server = await startTestServer({
      database: 'embedded',
      clock,
      env: {
        META_MIN_SAMPLE: '2',
        RATE_LIMIT_AUTH_PER_MINUTE: '100',
        RATE_LIMIT_AI_PER_MINUTE: '1000',
      },
    });
    players = [await registerUser(server), await registerUser(server)];
  });
  afterAll(async () => {
    await server?.close();
  });

  it('plans without learned weights before the first snapshot, equally good either way', async () => {
    const weaver = await plan([WEAVER]);
    const virtuoso = await plan([VIRTUOSO]);
    expect(weaver.metaSnapshotVersion).toBeNull();
    expect(weaver.score).toEqual(virtuoso.score);
  });

  it('prefers what players run, and follows the newest snapshot', async () => {
    for (const player of players) await save(player, VIRTUOSO, 'Virtuoso');
    expect(await runPipeline()).toMatchObject({ status: 'SUCCEEDED', snapshotVersion: 1 });
    const day1 = await chosen();
    expect(day1.specialization).toBe('Virtuoso');
    expect(day1.plan.metaSnapshotVersion).toBe(1);

    clock.advance(DAY);
    // Tokens expire over a day: two new players run Weavers, twice as many as the Virtuosos.
    players = [await registerUser(server), await registerUser(server)];
    for (const player of players) {
      await save(player, WEAVER, 'Weaver 1');
      await save(player, WEAVER, 'Weaver 2');
    }
    expect(await runPipeline()).toMatchObject({ status: 'SUCCEEDED', snapshotVersion: 2 });
    const day2 = await chosen();
    expect(day2.specialization).toBe('Weaver');
    expect(day2.plan.metaSnapshotVersion).toBe(2);
  });

  it('uses a pinned snapshot over newer ones, and the newest again once unpinned', async () => {
    const meta = new MetaService(server.app.database.orm.em.fork());
    await meta.pin(1, new Date());
    const pinned = await chosen();
    expect(pinned.specialization).toBe('Virtuoso');
    expect(pinned.plan.metaSnapshotVersion).toBe(1);
    await meta.unpin();
    expect((await chosen()).specialization).toBe('Weaver');
  });

  it('never buys coverage with popularity: a quickness build beats the most run damage build', async () => {
    const quickness = realCode('Power Quickness Herald (Snow Crows)');
    const herald = await plan([WEAVER, quickness]);
    expect(herald.assignments.map((a) => a.specialization)).toEqual(['Herald']);
    expect(herald.metaSnapshotVersion).toBe(2);
  });
});
