import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  SHARE_TEAM,
  addMember,
  createBuild,
  createTeam,
  liveSubscription,
  ok,
  type LiveEvent,
} from './support.js';

const LIVE_TEAM = /* GraphQL */ `
  subscription ($teamId: ID!) {
    teamUpdated(teamId: $teamId) {
      id
      version
      viewerAccess
      owner {
        username
      }
      members {
        id
        label
        build {
          id
          name
          owner {
            username
          }
        }
      }
      coverage {
        score
      }
      shares {
        access
      }
    }
  }
`;

type Live = ReturnType<typeof liveSubscription>;

let server: TestServer;
let alice: RegisteredUser;
let readers: RegisteredUser[];
let teamId: string;

beforeAll(async () => {
  server = await startTestServer({
    database: 'embedded',
    env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_HOUR: '1000' },
  });
  alice = await registerUser(server);
  readers = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
  const team = await createTeam(server, alice, {
    gameMode: 'RAID',
    size: 10,
    visibility: 'PUBLIC',
  });
  teamId = team.id;
  const builds = await Promise.all([
    createBuild(server, alice, 'Firebrand', { visibility: 'PUBLIC' }),
    createBuild(server, readers[0]!, 'Scrapper', { visibility: 'PUBLIC' }),
  ]);
  for (let i = 0; i < 6; i += 1) {
    await addMember(server, alice, teamId, { buildId: builds[i % 2], playerName: `P${i}` });
  }
  await ok(server, SHARE_TEAM, { teamId, username: readers[1]!.username, access: 'EDIT' }, alice);
});
afterAll(async () => {
  await server?.close();
});

/** Subscribers of several kinds: the owner, an editor, a public reader, anonymous. */
function subscribers(count: number): Live[] {
  const viewers = [alice, readers[1]!, readers[2]!, null];
  return Array.from({ length: count }, (_, i) => {
    const viewer = viewers[i % viewers.length];
    const client = server.websocket(
      viewer ? { Authorization: `Bearer ${viewer.accessToken}` } : {},
    );
    return liveSubscription(client, LIVE_TEAM, { teamId });
  });
}

async function firstEvent(live: Live): Promise<LiveEvent> {
  const item = await live.take();
  if (!('data' in item)) throw new Error(`no state: ${JSON.stringify(item)}`);
  return item;
}

/** Statements run while `work` runs (readiness probes left out). */
async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
  const statements: string[] = [];
  const stop = server.app.database.observeQueries(({ sql }) => {
    if (!/^select 1$/i.test(sql.trim())) statements.push(sql);
  });
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

/** A change made outside any request, then announced: only the fan-out reads the database. */
async function announceChange(): Promise<number> {
  const [row] = await server.app.database.orm.em
    .getConnection()
    .execute<Array<{ version: number }>>(
      `update "teams" set "version" = "version" + 1 where "id" = ? returning "version"`,
      [teamId],
    );
  const version = row!.version;
  await server.app.services.pubSub.publish('TEAM_UPDATED', teamId, {
    teamId,
    version,
    deleted: false,
  });
  return version;
}

describe('teamUpdated fan-out', () => {
  it('reads the team once per change, however many subscribers and viewers', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const live: Live[] = [];
    try {
      for (const count of [4, 20]) {
        const added = subscribers(count - live.length);
        live.push(...added);
        // Each new subscriber starts with the team as it is.
        for (const subscriber of added) {
          const event = await firstEvent(subscriber);
          expect(event.errors).toBeUndefined();
          expect(event.data?.teamUpdated.members).toHaveLength(6);
        }
        let version = 0;
        const statements = await statementsDuring(async () => {
          version = await announceChange();
          const events = await Promise.all(live.map((subscriber) => subscriber.afterVersion(0)));
          for (const event of events) expect(event.data?.teamUpdated.version).toBe(version);
        });
        // Minus the update the test itself ran: one read for every subscriber.
        expect(statements.slice(1), statements.join('\n')).toHaveLength(1);
        expect(statements[1]).toMatch(/from "teams" t join "users" o/);
      }
      // Access came from the snapshot: each viewer sees its own.
      const accesses = await Promise.all(
        live.slice(0, 4).map(async (subscriber) => {
          await announceChange();
          const event = await subscriber.afterVersion(0);
          return event.data?.teamUpdated.viewerAccess;
        }),
      );
      expect(accesses).toEqual(['OWNER', 'EDITOR', 'READER', 'READER']);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      for (const subscriber of live) subscriber.dispose();
    }
  });

  it('answers NOT_FOUND to a subscriber who may not see the team, without streaming it', async () => {
    const hidden = await createTeam(server, alice, { gameMode: 'FRACTALS', size: 5 });
    const client = server.websocket({ Authorization: `Bearer ${readers[2]!.accessToken}` });
    const live = liveSubscription(client, LIVE_TEAM, { teamId: hidden.id });
    const item = (await live.take()) as LiveEvent;
    expect(item.data ?? null).toBeNull();
    expect(item.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    live.dispose();
  });
});
