import type { RegisteredUser } from '../../support/accounts.js';
import type { TestServer } from '../../support/test-server.js';
import type { AuthzRow } from '../authz-table.js';

// Real chat code (discretize-guides, see packages/game/src/codec/real-build-codes.json).
const AMALGAM = '[&DQMGNyYvSyYqDyoPhgBfAQcBBwEmAY0Bex2JAQAAAAAAAAAAAAAAAAAAAAADWgA2ADMAAA==]';

async function privateBuild(server: TestServer, owner: RegisteredUser): Promise<string> {
  const result = await server.graphql<{ createBuild: { id: string } }>(
    'mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }',
    { input: { name: 'Alac Amalgam', chatCode: AMALGAM, visibility: 'PRIVATE' } },
    owner.headers,
  );
  const id = result.body.data?.createBuild.id;
  if (!id) throw new Error(`createBuild failed: ${JSON.stringify(result.body.errors)}`);
  return id;
}

async function privateTeam(server: TestServer, owner: RegisteredUser): Promise<string> {
  const result = await server.graphql<{ createTeam: { id: string } }>(
    'mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    { input: { name: 'Raid', gameMode: 'RAID', size: 10 } },
    owner.headers,
  );
  const id = result.body.data?.createTeam.id;
  if (!id) throw new Error(`createTeam failed: ${JSON.stringify(result.body.errors)}`);
  return id;
}

const OPTIMIZE = `query ($input: OptimizeSquadInput!) { optimizeSquad(input: $input) { status } }`;

/** Planning is open to everyone; saved builds, advice and teams follow their owners' rules. */
export const optimizerRows: readonly AuthzRow[] = [
  {
    operation: 'optimizeSquad',
    document: OPTIMIZE,
    variables: async () => ({ input: { gameMode: 'RAID', size: 10, pool: 'META' } }),
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    // A roster naming the owner's private build.
    operation: 'optimizeSquad',
    document: OPTIMIZE,
    variables: async ({ server, owner }) => ({
      input: {
        gameMode: 'RAID',
        size: 10,
        pool: 'ROSTER',
        roster: [{ playerName: 'Owner', buildIds: [await privateBuild(server, owner)] }],
      },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'buildAdvice',
    document: `query ($id: ID!) { buildAdvice(buildId: $id, gameMode: RAID) { buildId } }`,
    variables: async ({ server, owner }) => ({ id: await privateBuild(server, owner) }),
    expectations: { anonymous: 'NOT_FOUND', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'applySquadPlan',
    document: `mutation ($input: ApplySquadPlanInput!) { applySquadPlan(input: $input) { id version } }`,
    variables: async ({ server, owner }) => ({
      input: {
        teamId: await privateTeam(server, owner),
        gameMode: 'RAID',
        size: 10,
        assignments: [
          { buildId: await privateBuild(server, owner), subgroup: 1, roleKey: 'heal-alacrity' },
        ],
      },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
];
