import { expect } from 'vitest';
import type { RegisteredUser } from '../../support/accounts.js';
import type { TestServer } from '../../support/test-server.js';
import type { Actor, AuthzFixture, AuthzRow, Expectation } from '../authz-table.js';

type Visibility = 'PRIVATE' | 'UNLISTED' | 'PUBLIC';
/** How the team relates to "other user": a stranger, or a user it is shared with. */
type Relation = 'stranger' | 'VIEW' | 'EDIT';

const NAME = 'Row team';

async function call<T>(
  server: TestServer,
  user: RegisteredUser,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const result = await server.graphql<T>(query, variables, user.headers);
  if (!result.body.data) throw new Error(`setup failed: ${JSON.stringify(result.body.errors)}`);
  return result.body.data;
}

/** The owner's team (with one member), shared with the other user as `relation` says. */
async function seedTeam(
  { server, owner, otherUser }: AuthzFixture,
  visibility: Visibility,
  relation: Relation,
): Promise<{ teamId: string; memberId: string; buildId: string }> {
  const { createTeam } = await call<{ createTeam: { id: string } }>(
    server,
    owner,
    'mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    { input: { name: NAME, gameMode: 'RAID', size: 10, visibility } },
  );
  const { createBuild } = await call<{ createBuild: { id: string } }>(
    server,
    owner,
    'mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }',
    {
      input: {
        name: 'Row chrono',
        profession: 'Mesmer',
        specializations: [
          { id: 0, traitChoices: [0, 0, 0] },
          { id: 0, traitChoices: [0, 0, 0] },
          { id: 40, traitChoices: [0, 0, 0] },
        ],
      },
    },
  );
  const { addTeamMember } = await call<{ addTeamMember: { members: Array<{ id: string }> } }>(
    server,
    owner,
    'mutation ($teamId: ID!, $input: AddTeamMemberInput!) { addTeamMember(teamId: $teamId, input: $input) { members { id } } }',
    { teamId: createTeam.id, input: { buildId: createBuild.id } },
  );
  if (relation !== 'stranger') {
    await call(
      server,
      owner,
      'mutation ($teamId: ID!, $username: String!, $access: TeamShareAccess!) { shareTeam(teamId: $teamId, username: $username, access: $access) { access } }',
      { teamId: createTeam.id, username: otherUser.username, access: relation },
    );
  }
  return { teamId: createTeam.id, memberId: addTeamMember.members[0]!.id, buildId: createBuild.id };
}

/** The owner's team as the owner reads it back (null once deleted). */
async function ownersView(fixture: AuthzFixture, teamId: string) {
  const result = await fixture.server.graphql<{
    team: { name: string; members: Array<{ id: string; playerName: string | null }> };
  }>(
    'query ($id: ID!) { team(id: $id) { name members { id playerName } } }',
    { id: teamId },
    fixture.owner.headers,
  );
  return result.body.data?.team ?? null;
}

type Seed = Awaited<ReturnType<typeof seedTeam>> & { readonly otherUsername: string };

const label = (visibility: Visibility, relation: Relation) =>
  relation === 'stranger' ? `${visibility} team` : `${visibility} team shared ${relation}`;

/**
 * A row per operation, team visibility and relation. Rows that refuse someone check afterwards
 * that the owner's team is as it was (name, members, existence).
 */
function row(
  operation: string,
  document: string,
  visibility: Visibility,
  relation: Relation,
  expectations: Record<Actor, Expectation>,
  variables: (seed: Seed) => Record<string, unknown>,
): AuthzRow {
  let seeded = { teamId: '', memberId: '', buildId: '' };
  return {
    operation,
    document,
    expectations,
    async variables(fixture) {
      seeded = await seedTeam(fixture, visibility, relation);
      return variables({ ...seeded, otherUsername: fixture.otherUser.username });
    },
    async verify(fixture, actor) {
      if (expectations[actor] === 'OK') return;
      const team = await ownersView(fixture, seeded.teamId);
      expect(team, `${label(visibility, relation)} exists after ${actor}`).not.toBeNull();
      expect(team!.name).toBe(NAME);
      expect(team!.members.map((m) => [m.id, m.playerName])).toEqual([[seeded.memberId, null]]);
    },
  };
}

const TEAM = 'query ($id: ID!) { team(id: $id) { id name } }';
const UPDATE = 'mutation ($id: ID!) { updateTeam(id: $id, input: { name: "Taken" }) { id } }';
const DELETE = 'mutation ($id: ID!) { deleteTeam(id: $id) }';
const ADD =
  'mutation ($teamId: ID!, $buildId: ID!) { addTeamMember(teamId: $teamId, input: { buildId: $buildId, playerName: "Intruder" }) { id } }';
const UPDATE_MEMBER =
  'mutation ($id: ID!) { updateTeamMember(memberId: $id, input: { playerName: "Renamed" }) { id } }';
const MOVE =
  'mutation ($id: ID!) { moveTeamMember(memberId: $id, subgroup: 2, position: 3) { id } }';
const REMOVE = 'mutation ($id: ID!) { removeTeamMember(memberId: $id) { id } }';
const SHARE =
  'mutation ($teamId: ID!) { shareTeam(teamId: $teamId, username: "nobody_in_particular", access: VIEW) { access } }';
const UNSHARE =
  'mutation ($teamId: ID!, $username: String!) { unshareTeam(teamId: $teamId, username: $username) }';

const byId = ({ teamId }: { teamId: string }) => ({ id: teamId });
const byMember = ({ memberId }: { memberId: string }) => ({ id: memberId });

/** What "other user" gets from a change, by relation (private team: a stranger sees nothing). */
const edit = { stranger: 'NOT_FOUND', VIEW: 'FORBIDDEN', EDIT: 'OK' } as const;
const manage = { stranger: 'NOT_FOUND', VIEW: 'FORBIDDEN', EDIT: 'FORBIDDEN' } as const;
const RELATIONS: readonly Relation[] = ['stranger', 'VIEW', 'EDIT'];

function changeRows(
  operation: string,
  document: string,
  rule: Record<Relation, Expectation>,
  variables: (seed: Seed) => Record<string, unknown>,
): AuthzRow[] {
  return RELATIONS.map((relation) =>
    row(
      operation,
      document,
      'PRIVATE',
      relation,
      { anonymous: 'UNAUTHENTICATED', otherUser: rule[relation], owner: 'OK' },
      variables,
    ),
  );
}

export const teamRows: readonly AuthzRow[] = [
  row(
    'team',
    TEAM,
    'PRIVATE',
    'stranger',
    { anonymous: 'NOT_FOUND', otherUser: 'NOT_FOUND', owner: 'OK' },
    byId,
  ),
  row(
    'team',
    TEAM,
    'PRIVATE',
    'VIEW',
    { anonymous: 'NOT_FOUND', otherUser: 'OK', owner: 'OK' },
    byId,
  ),
  row(
    'team',
    TEAM,
    'UNLISTED',
    'stranger',
    { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
    byId,
  ),
  // A public team can be read by anyone but changed only as its owner and shares allow.
  row(
    'updateTeam',
    UPDATE,
    'PUBLIC',
    'stranger',
    { anonymous: 'UNAUTHENTICATED', otherUser: 'FORBIDDEN', owner: 'OK' },
    byId,
  ),
  ...changeRows('updateTeam', UPDATE, edit, byId),
  ...changeRows('deleteTeam', DELETE, manage, byId),
  ...changeRows('addTeamMember', ADD, edit, ({ teamId, buildId }) => ({ teamId, buildId })),
  ...changeRows('updateTeamMember', UPDATE_MEMBER, edit, byMember),
  ...changeRows('moveTeamMember', MOVE, edit, byMember),
  ...changeRows('removeTeamMember', REMOVE, edit, byMember),
  // The owner shares with an unknown name here: BAD_USER_INPUT proves it got past authorization.
  ...RELATIONS.map((relation) =>
    row(
      'shareTeam',
      SHARE,
      'PRIVATE',
      relation,
      { anonymous: 'UNAUTHENTICATED', otherUser: manage[relation], owner: 'BAD_USER_INPUT' },
      ({ teamId }) => ({ teamId }),
    ),
  ),
  ...RELATIONS.map((relation) =>
    row(
      'unshareTeam',
      UNSHARE,
      'PRIVATE',
      relation,
      { anonymous: 'UNAUTHENTICATED', otherUser: manage[relation], owner: 'OK' },
      ({ teamId, otherUsername }) => ({ teamId, username: otherUsername }),
    ),
  ),
  {
    operation: 'createTeam',
    document:
      'mutation { createTeam(input: { name: "Mine", gameMode: FRACTALS, size: 5 }) { id } }',
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'teams',
    document: '{ teams(first: 5) { edges { node { id } } } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
  {
    operation: 'analyzeSynergy',
    document:
      '{ analyzeSynergy(input: { gameMode: RAID, entries: [{ specialization: "Firebrand" }, { profession: "Mesmer" }] }) { score } }',
    expectations: { anonymous: 'OK', otherUser: 'OK', owner: 'OK' },
  },
];
