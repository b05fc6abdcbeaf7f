import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import {
  startPrivateRedis,
  redisServerAvailable,
  type PrivateRedis,
} from '../support/private-redis.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  UPDATE_TEAM,
  createTeam,
  liveSubscription,
  ok,
  type LiveEvent,
  type TeamView,
} from './support.js';

const LIVE = /* GraphQL */ `
  subscription ($teamId: ID!) {
    teamUpdated(teamId: $teamId) {
      id
      version
      name
    }
  }
`;

type Live = ReturnType<typeof liveSubscription>;

async function rename(server: TestServer, user: RegisteredUser, teamId: string, name: string) {
  const data = await ok<{ updateTeam: TeamView }>(
    server,
    UPDATE_TEAM,
    { id: teamId, input: { name } },
    user,
  );
  return data.updateTeam.version;
}

/** The next event at a version of at least `version` (earlier ones are skipped). */
async function reaches(live: Live, version: number): Promise<{ version: number; name: string }> {
  for (;;) {
    const item = await live.take();
    if (!('data' in item)) throw new Error(`stream ended: ${JSON.stringify(item)}`);
    const team = (item as LiveEvent).data!.teamUpdated as unknown as {
      version: number;
      name: string;
    };
    if (team.version >= version) return team;
  }
}

describe.skipIf(!postgresAvailable || !redisServerAvailable)(
  'teamUpdated while Redis is down (two instances)',
  () => {
    let redis: PrivateRedis;
    let scratch: ScratchDatabase;
    let first: TestServer;
    let second: TestServer;
    let alice: RegisteredUser;
    let bob: RegisteredUser;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      scratch = await createScratchDatabase('teams_outage');
      const options = { databaseUrl: scratch.url, env: { REDIS_URL: redis.url } };
      first = await startTestServer(options);
      second = await startTestServer(options);
      [alice, bob] = await Promise.all([registerUser(first), registerUser(first)]);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await scratch?.drop();
      await redis?.stop();
    });

    it('publishes without waiting, and every subscriber catches up once Redis is back', async () => {
      const team = await createTeam(first, alice, {
        gameMode: 'RAID',
        size: 10,
        visibility: 'PUBLIC',
      });
      const subscribe = (server: TestServer) =>
        liveSubscription(server.websocket({ Authorization: `Bearer ${bob.accessToken}` }), LIVE, {
          teamId: team.id,
        });
      const onSecond = subscribe(second);
      const onFirst = subscribe(first);
      // The current state comes first: the subscription is live once it arrived.
      expect((await reaches(onSecond, team.version)).version).toBe(team.version);
      expect((await reaches(onFirst, team.version)).version).toBe(team.version);
      const before = await rename(first, alice, team.id, 'Through Redis');
      expect((await reaches(onSecond, before)).name).toBe('Through Redis');

      await redis.kill();
      // Writes go on and answer without waiting for Redis (it only comes back after they did).
      await rename(first, alice, team.id, 'During the outage');
      const latest = await rename(first, alice, team.id, 'Still down');
      // The instance that made the change tells its own subscribers at once.
      expect(await reaches(onFirst, latest)).toEqual({
        id: team.id,
        version: latest,
        name: 'Still down',
      });
      // Whoever subscribes meanwhile gets the team as it is now, whichever instance.
      const late = subscribe(second);
      expect((await reaches(late, latest)).version).toBe(latest);

      await redis.start();
      // The subscriber that missed the events is sent the current state when Redis is back.
      expect(await reaches(onSecond, latest)).toEqual({
        id: team.id,
        version: latest,
        name: 'Still down',
      });
      // And changes flow across instances again.
      const after = await rename(first, alice, team.id, 'Back');
      expect((await reaches(onSecond, after)).name).toBe('Back');
      expect((await reaches(late, after)).name).toBe('Back');
      for (const live of [onFirst, onSecond, late]) live.dispose();
    }, 60_000);
  },
);
