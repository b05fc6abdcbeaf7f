import { expect } from 'vitest';
import type { RegisteredUser } from '../../support/accounts.js';
import type { TestServer } from '../../support/test-server.js';
import type { AuthzRow } from '../authz-table.js';

async function data<T>(
  server: TestServer,
  user: RegisteredUser,
  query: string,
  variables: object,
): Promise<T> {
  const result = await server.graphql<T>(query, variables as Record<string, unknown>, user.headers);
  if (!result.body.data) throw new Error(`setup failed: ${JSON.stringify(result.body.errors)}`);
  return result.body.data;
}

const privateBuild = async (server: TestServer, owner: RegisteredUser) =>
  (
    await data<{ createBuild: { id: string } }>(
      server,
      owner,
      'mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }',
      {
        input: {
          name: 'FB',
          profession: 'Guardian',
          specializations: [
            { id: 0, traitChoices: [0, 0, 0] },
            { id: 0, traitChoices: [0, 0, 0] },
            { id: 62, traitChoices: [0, 0, 0] },
          ],
          visibility: 'PRIVATE',
        },
      },
    )
  ).createBuild.id;

async function privateTeamWithMembers(server: TestServer, owner: RegisteredUser): Promise<string> {
  const { createTeam } = await data<{ createTeam: { id: string } }>(
    server,
    owner,
    'mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    { input: { name: 'Raid', gameMode: 'RAID', size: 10 } },
  );
  for (const playerName of ['Ann', 'Ben']) {
    await data(
      server,
      owner,
      'mutation ($teamId: ID!, $input: AddTeamMemberInput!) { addTeamMember(teamId: $teamId, input: $input) { id } }',
      {
        teamId: createTeam.id,
        input: { buildId: await privateBuild(server, owner), subgroup: 1, playerName },
      },
    );
  }
  return createTeam.id;
}

const ownersJob = async (server: TestServer, owner: RegisteredUser) =>
  (
    await data<{ explainSynergy: { id: string } }>(
      server,
      owner,
      'mutation ($input: ExplainSynergyInput!) { explainSynergy(input: $input) { id } }',
      {
        input: {
          gameMode: 'RAID',
          entries: [{ specialization: 'Firebrand' }, { specialization: 'Renegade' }],
        },
      },
    )
  ).explainSynergy.id;

const COMPOSE =
  'mutation ($input: ComposeSquadInput!) { composeSquad(input: $input) { id status } }';

/** AI jobs belong to whoever asked: nobody else may read, follow or cancel them. */
export const aiRows: readonly AuthzRow[] = [
  {
    operation: 'composeSquad',
    document: COMPOSE,
    variables: async () => ({ input: { squad: { gameMode: 'RAID', size: 10 } } }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
  },
  {
    // The roster of the owner's private team.
    operation: 'composeSquad',
    document: COMPOSE,
    variables: async ({ server, owner }) => ({
      input: { teamId: await privateTeamWithMembers(server, owner) },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'reviewBuild',
    document: 'mutation ($input: ReviewBuildInput!) { reviewBuild(input: $input) { id } }',
    variables: async ({ server, owner }) => ({
      input: { buildId: await privateBuild(server, owner), gameMode: 'RAID' },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'explainSynergy',
    document: 'mutation ($input: ExplainSynergyInput!) { explainSynergy(input: $input) { id } }',
    variables: async ({ server, owner }) => ({
      input: { teamId: await privateTeamWithMembers(server, owner), subgroup: 1 },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'aiJob',
    document: 'query ($id: ID!) { aiJob(id: $id) { id kind } }',
    variables: async ({ server, owner }) => ({ id: await ownersJob(server, owner) }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'cancelAiJob',
    document: 'mutation ($id: ID!) { cancelAiJob(id: $id) { id status } }',
    variables: async ({ server, owner }) => ({ id: await ownersJob(server, owner) }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'NOT_FOUND', owner: 'OK' },
  },
  {
    operation: 'aiJobs',
    document: 'query { aiJobs(first: 5) { edges { node { id } } } }',
    variables: async ({ server, owner }) => ({ ownerJob: await ownersJob(server, owner) }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
    verify: async (_fixture, actor, result) => {
      const edges = (result.body.data?.aiJobs as { edges: unknown[] } | undefined)?.edges;
      if (actor === 'otherUser') expect(edges).toEqual([]);
      if (actor === 'owner') expect(edges).toHaveLength(1);
    },
  },
];
