import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addMember, createBuild, createTeam, ok, type EliteName } from './support.js';

const DEEP_TEAM = /* GraphQL */ `
  query ($id: ID!) {
    team(id: $id) {
      id
      version
      viewerAccess
      owner {
        username
      }
      members {
        id
        label
        role {
          key
        }
        build {
          id
          name
          owner {
            id
            username
          }
          specializations {
            specialization {
              id
              name
              elite
            }
          }
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

let server: TestServer;
let alice: RegisteredUser;
let bob: RegisteredUser;

beforeAll(async () => {
  server = await startTestServer({ database: 'embedded' });
  [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
});
afterAll(async () => {
  await server?.close();
});

/** A zerg team of `size` members whose builds belong to two owners. */
async function zergOf(size: number): Promise<string> {
  const team = await createTeam(server, alice, { gameMode: 'ZERG', size, visibility: 'PUBLIC' });
  const elites: EliteName[] = ['Firebrand', 'Scrapper', 'Scourge', 'Spellbreaker', 'Herald'];
  const builds = await Promise.all(
    elites.map((elite, i) =>
      createBuild(server, i % 2 === 0 ? alice : bob, elite, { visibility: 'PUBLIC' }),
    ),
  );
  for (let i = 0; i < size; i += 1) {
    await addMember(server, alice, team.id, {
      buildId: builds[i % builds.length],
      playerName: `P${i}`,
    });
  }
  return team.id;
}

/** Statements the database ran while answering the query (readiness probes left out). */
async function statementsFor(teamId: string, user: RegisteredUser): Promise<string[]> {
  const statements: string[] = [];
  const stop = server.app.database.observeQueries(({ sql }) => {
    if (!/^select 1$/i.test(sql.trim())) statements.push(sql);
  });
  try {
    const data = await ok<{ team: { members: unknown[] } }>(
      server,
      DEEP_TEAM,
      { id: teamId },
      user,
    );
    expect(data.team.members.length).toBeGreaterThan(0);
  } finally {
    stop();
  }
  return statements;
}

describe('team(id) with members, builds and their owners', () => {
  it('runs the same small number of statements at 5 and at 50 members', async () => {
    const five = await zergOf(5);
    const fifty = await zergOf(50);
    for (const viewer of [alice, bob]) {
      const atFive = await statementsFor(five, viewer);
      const atFifty = await statementsFor(fifty, viewer);
      expect(atFifty.length, atFifty.join('\n')).toBe(atFive.length);
      // The viewer's session, the team, the viewer's share (twice for a non-owner: access check
      // and viewerAccess), the team owner, members joined with builds, the build owners.
      expect(atFifty.length, atFifty.join('\n')).toBeLessThanOrEqual(7);
    }
  });
});
