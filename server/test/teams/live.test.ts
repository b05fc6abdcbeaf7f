import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { REDIS_URL, postgresAvailable, redisAvailable } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  GET_TEAM,
  SHARE_TEAM,
  UNSHARE_TEAM,
  UPDATE_TEAM,
  addMember,
  createBuild,
  createTeam,
  liveSubscription,
  ok,
  untilLive,
  type TeamView,
} from './support.js';

const TEAM_UPDATED = /* GraphQL */ `
  subscription ($teamId: ID!) {
    teamUpdated(teamId: $teamId) {
      id
      version
      name
      members {
        id
        playerName
        subgroup
        build {
          id
        }
      }
      coverage {
        score
        gaps {
          message
        }
      }
    }
  }
`;

type LiveTeam = {
  version: number;
  name: string;
  members: Array<{ playerName: string | null }>;
  coverage: { score: number };
};

const env = { RATE_LIMIT_AUTH_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_HOUR: '1000' };

/** Renames the team (a harmless change) and returns the version it produced. */
async function rename(
  server: TestServer,
  user: RegisteredUser,
  teamId: string,
  name: string,
): Promise<number> {
  const data = await ok<{ updateTeam: TeamView }>(
    server,
    UPDATE_TEAM,
    { id: teamId, input: { name } },
    user,
  );
  return data.updateTeam.version;
}

describe('teamUpdated with the in-memory pubsub', () => {
  let server: TestServer;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;

  beforeAll(async () => {
    server = await startTestServer({ database: 'embedded', env });
    [alice, bob, carol] = await Promise.all([
      registerUser(server),
      registerUser(server),
      registerUser(server),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('emits the team with members, coverage and version after each change', async () => {
    const team = await createTeam(server, alice, { gameMode: 'ZERG', size: 10 });
    const build = await createBuild(server, alice, 'Firebrand', { roles: ['stability-core'] });
    const live = liveSubscription(
      server.websocket({ authorization: `Bearer ${alice.accessToken}` }),
      TEAM_UPDATED,
      {
        teamId: team.id,
      },
    );
    let version = await untilLive(live, () => rename(server, alice, team.id, 'warming up'));

    const added = await addMember(server, alice, team.id, { buildId: build, playerName: 'Tank' });
    const event = await live.afterVersion(version);
    expect(event.errors).toBeUndefined();
    const emitted = event.data!.teamUpdated as unknown as LiveTeam;
    expect(emitted.version).toBe(added.version);
    expect(emitted.members.map((m) => m.playerName)).toEqual(['Tank']);
    expect(emitted.coverage.score).toBeGreaterThan(0);
    version = added.version;

    await ok(server, UPDATE_TEAM, { id: team.id, input: { name: 'Renamed' }, v: version }, alice);
    expect(((await live.afterVersion(version)).data!.teamUpdated as unknown as LiveTeam).name).toBe(
      'Renamed',
    );
    live.dispose();
  });

  it('refuses to subscribe to a team the caller cannot see', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    for (const params of [{ authorization: `Bearer ${carol.accessToken}` }, undefined]) {
      const live = liveSubscription(server.websocket(params), TEAM_UPDATED, { teamId: team.id });
      const first = await live.take();
      expect(JSON.stringify(first)).toContain('NOT_FOUND');
      live.dispose();
    }
  });

  it('stops delivering to a user whose share was revoked, and resumes when shared again', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    await ok(
      server,
      SHARE_TEAM,
      { teamId: team.id, username: bob.username, access: 'VIEW' },
      alice,
    );
    const live = liveSubscription(
      server.websocket({ authorization: `Bearer ${bob.accessToken}` }),
      TEAM_UPDATED,
      {
        teamId: team.id,
      },
    );
    const base = await untilLive(live, () => rename(server, alice, team.id, 'warming up'));

    const seen = await rename(server, alice, team.id, 'seen');
    expect((await live.afterVersion(base)).data!.teamUpdated.version).toBe(seen);
    await ok(server, UNSHARE_TEAM, { teamId: team.id, username: bob.username }, alice);
    await rename(server, alice, team.id, 'hidden from bob');
    const shared = await ok<{ shareTeam: unknown }>(
      server,
      SHARE_TEAM,
      { teamId: team.id, username: bob.username, access: 'VIEW' },
      alice,
    );
    expect(shared.shareTeam).toBeDefined();
    // The next thing bob hears about is the team after it was shared again, not the hidden rename.
    const next = (await live.afterVersion(seen)).data!.teamUpdated as unknown as LiveTeam;
    expect(next.version).toBe(seen + 3);
    expect(next.name).toBe('hidden from bob');
    live.dispose();
  });

  it('tells the subscribers of every team playing a build when the build is deleted', async () => {
    const build = await createBuild(server, alice, 'Scrapper', { visibility: 'PUBLIC' });
    const kept = await createBuild(server, alice, 'Firebrand');
    const mine = await createTeam(server, alice, { gameMode: 'ZERG', size: 10 });
    const theirs = await createTeam(server, bob, { gameMode: 'ZERG', size: 10 });
    const other = await createTeam(server, alice, { gameMode: 'ZERG', size: 10 });
    await addMember(server, alice, mine.id, { buildId: build, playerName: 'Gone' });
    await addMember(server, alice, mine.id, { buildId: kept, playerName: 'Stays' });
    await addMember(server, bob, theirs.id, { buildId: build, playerName: 'Borrowed' });
    const untouched = await addMember(server, alice, other.id, { buildId: kept });

    const subscribe = (user: RegisteredUser, teamId: string) =>
      liveSubscription(
        server.websocket({ authorization: `Bearer ${user.accessToken}` }),
        TEAM_UPDATED,
        { teamId },
      );
    const liveMine = subscribe(alice, mine.id);
    const liveTheirs = subscribe(bob, theirs.id);
    const mineBase = await untilLive(liveMine, () => rename(server, alice, mine.id, 'warm'));
    const theirsBase = await untilLive(liveTheirs, () => rename(server, bob, theirs.id, 'warm'));

    await ok(server, `mutation ($id: ID!) { deleteBuild(id: $id) }`, { id: build }, alice);

    const mineEvent = (await liveMine.afterVersion(mineBase)).data!
      .teamUpdated as unknown as LiveTeam;
    expect(mineEvent.version).toBe(mineBase + 1);
    expect(mineEvent.members.map((m) => m.playerName)).toEqual(['Stays']);
    const theirsEvent = (await liveTheirs.afterVersion(theirsBase)).data!
      .teamUpdated as unknown as LiveTeam;
    expect(theirsEvent.version).toBe(theirsBase + 1);
    expect(theirsEvent.members).toEqual([]);

    const read = async (teamId: string, user: RegisteredUser) =>
      (await ok<{ team: TeamView }>(server, GET_TEAM, { id: teamId }, user)).team;
    expect((await read(mine.id, alice)).version).toBe(mineBase + 1);
    expect((await read(theirs.id, bob)).version).toBe(theirsBase + 1);
    expect((await read(other.id, alice)).version).toBe(untouched.version);
    liveMine.dispose();
    liveTheirs.dispose();
  });

  it('ends the stream when the team is deleted', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const live = liveSubscription(
      server.websocket({ authorization: `Bearer ${alice.accessToken}` }),
      TEAM_UPDATED,
      {
        teamId: team.id,
      },
    );
    await untilLive(live, () => rename(server, alice, team.id, 'warming up'));
    await ok(server, `mutation ($id: ID!) { deleteTeam(id: $id) }`, { id: team.id }, alice);
    for (;;) {
      const item = await live.take();
      if ('done' in item) break;
      expect('data' in item).toBe(true); // only the warm-up renames before the end
    }
  });
});

describe.skipIf(!postgresAvailable || !redisAvailable)(
  'teamUpdated across two instances with Redis',
  () => {
    let scratch: ScratchDatabase;
    let first: TestServer;
    let second: TestServer;

    beforeAll(async () => {
      scratch = await createScratchDatabase('teams_live');
      const options = { databaseUrl: scratch.url, env: { ...env, REDIS_URL } };
      first = await startTestServer(options);
      second = await startTestServer(options);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await scratch?.drop();
    });

    it('delivers a change made on one instance to a subscriber on the other', async () => {
      const alice = await registerUser(first);
      const bob = await registerUser(first);
      const team = await createTeam(first, alice, { gameMode: 'RAID', size: 10 });
      await ok(
        first,
        SHARE_TEAM,
        { teamId: team.id, username: bob.username, access: 'VIEW' },
        alice,
      );
      const build = await createBuild(first, alice, 'Chronomancer');

      // Bob listens on the second instance; every change is made on the first.
      const live = liveSubscription(
        second.websocket({ authorization: `Bearer ${bob.accessToken}` }),
        TEAM_UPDATED,
        {
          teamId: team.id,
        },
      );
      const base = await untilLive(live, () => rename(first, alice, team.id, 'warming up'));
      const added = await addMember(first, alice, team.id, {
        buildId: build,
        playerName: 'Chrono',
      });
      const event = (await live.afterVersion(base)).data!.teamUpdated as unknown as LiveTeam;
      expect(event.version).toBe(added.version);
      expect(event.members.map((m) => m.playerName)).toEqual(['Chrono']);
      live.dispose();
    });
  },
);
