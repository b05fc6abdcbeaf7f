import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Team, TeamMember } from '../../src/modules/teams/team.entity.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ADD_MEMBER,
  DELETE_TEAM,
  GET_TEAM,
  MOVE_MEMBER,
  REMOVE_MEMBER,
  SHARE_TEAM,
  UNSHARE_TEAM,
  UPDATE_MEMBER,
  UPDATE_TEAM,
  addMember,
  createBuild,
  createTeam,
  fails,
  ok,
  type TeamView,
} from './support.js';

let server: TestServer;
let alice: RegisteredUser;
let bob: RegisteredUser;
let carol: RegisteredUser;

beforeAll(async () => {
  server = await startTestServer({
    database: 'embedded',
    env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000', RATE_LIMIT_AUTH_PER_HOUR: '1000' },
  });
  [alice, bob, carol] = await Promise.all([
    registerUser(server),
    registerUser(server),
    registerUser(server),
  ]);
});
afterAll(async () => {
  await server?.close();
});

/** Reads the team straight from the database (not through the API under test). */
async function stored(teamId: string) {
  const em = server.app.database.orm.em.fork();
  const team = await em.findOneOrFail(Team, teamId);
  const members = await em.find(
    TeamMember,
    { team: teamId },
    { orderBy: { subgroup: 'asc', position: 'asc' } },
  );
  return { team, members };
}

describe('team CRUD', () => {
  it('creates, reads, updates and deletes a team, bumping the version on each change', async () => {
    const created = await createTeam(server, alice, {
      name: '  Raid night ',
      gameMode: 'RAID',
      size: 10,
    });
    expect(created).toMatchObject({
      name: 'Raid night',
      gameMode: 'RAID',
      size: 10,
      visibility: 'PRIVATE',
      version: 1,
      viewerAccess: 'OWNER',
      owner: { id: alice.userId, username: alice.username },
      members: [],
    });

    const read = await ok<{ team: TeamView }>(server, GET_TEAM, { id: created.id }, alice);
    expect(read.team.id).toBe(created.id);

    const updated = await ok<{ updateTeam: TeamView }>(
      server,
      UPDATE_TEAM,
      { id: created.id, input: { name: 'Strike night', gameMode: 'STRIKES', size: 8 }, v: 1 },
      alice,
    );
    expect(updated.updateTeam).toMatchObject({
      name: 'Strike night',
      gameMode: 'STRIKES',
      size: 8,
      version: 2,
    });
    expect((await stored(created.id)).team).toMatchObject({ name: 'Strike night', version: 2 });

    expect(await ok(server, DELETE_TEAM, { id: created.id, v: 2 }, alice)).toEqual({
      deleteTeam: true,
    });
    const gone = await fails(server, GET_TEAM, { id: created.id }, alice);
    expect(gone.extensions?.code).toBe('NOT_FOUND');
  });

  it('adds members to the emptiest subgroup, moves, updates and removes them', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const build = await createBuild(server, alice, 'Chronomancer');
    let view = team;
    for (let i = 0; i < 3; i += 1) {
      view = await addMember(server, alice, team.id, { buildId: build, playerName: `P${i}` });
    }
    // 1 → subgroup 1, 2 → subgroup 2 (emptiest), 3 → subgroup 1 again (tie goes to the lower).
    expect(view.members.map((m) => [m.playerName, m.subgroup, m.position])).toEqual([
      ['P0', 1, 1],
      ['P2', 1, 2],
      ['P1', 2, 1],
    ]);
    expect(view.version).toBe(4);
    const p0 = view.members[0]!;
    const p1 = view.members[2]!;

    // Moving onto a taken slot swaps the two members.
    view = (
      await ok<{ moveTeamMember: TeamView }>(
        server,
        MOVE_MEMBER,
        { id: p0.id, subgroup: 2, position: 1 },
        alice,
      )
    ).moveTeamMember;
    expect(view.members.find((m) => m.id === p0.id)).toMatchObject({ subgroup: 2, position: 1 });
    expect(view.members.find((m) => m.id === p1.id)).toMatchObject({ subgroup: 1, position: 1 });

    view = (
      await ok<{ updateTeamMember: TeamView }>(
        server,
        UPDATE_MEMBER,
        { id: p0.id, input: { playerName: null, roleKey: 'alacrity-dps' } },
        alice,
      )
    ).updateTeamMember;
    const updated = view.members.find((m) => m.id === p0.id)!;
    expect(updated).toMatchObject({
      playerName: null,
      roleKey: 'alacrity-dps',
      label: 'Chronomancer',
    });
    expect(updated.provides).toEqual(['ALACRITY', 'DAMAGE']);

    view = (await ok<{ removeTeamMember: TeamView }>(server, REMOVE_MEMBER, { id: p0.id }, alice))
      .removeTeamMember;
    expect(view.members.map((m) => m.id)).not.toContain(p0.id);
    expect((await stored(team.id)).members).toHaveLength(2);
    expect(view.version).toBe(7);
  });

  it('uses the build’s declared role when the member has no role key, and infers nothing from a bare build', async () => {
    const team = await createTeam(server, alice, { gameMode: 'ZERG', size: 5 });
    const declared = await createBuild(server, alice, 'Firebrand', { roles: ['stability-core'] });
    const bare = await createBuild(server, alice, 'Firebrand');
    await addMember(server, alice, team.id, { buildId: declared });
    const view = await addMember(server, alice, team.id, { buildId: bare });
    expect(view.members[0]).toMatchObject({ roleKey: null, role: { key: 'stability-core' } });
    expect(view.members[0]!.provides).toContain('STABILITY');
    // A Firebrand line alone shows neither the Honor line nor Mantra of Liberation.
    expect(view.members[1]).toMatchObject({ roleKey: null, role: null, provides: [] });
  });
});

describe('team rules answer BAD_USER_INPUT and change nothing', () => {
  it('keeps the size within the game mode', async () => {
    for (const [gameMode, size] of [
      ['FRACTALS', 6],
      ['RAID', 11],
      ['STRIKES', 11],
      ['HAVOC', 16],
      ['ROAMING', 6],
      ['ZERG', 51],
      ['ZERG', 0],
    ] as const) {
      const error = await fails(
        server,
        `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
        { input: { name: 'x', gameMode, size } },
        alice,
      );
      expect(error.extensions, `${gameMode} ${size}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.size',
      });
    }
    const team = await createTeam(server, alice, { gameMode: 'ZERG', size: 50 });
    const error = await fails(
      server,
      UPDATE_TEAM,
      { id: team.id, input: { gameMode: 'RAID' } },
      alice,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIZE_OUT_OF_RANGE' });
    expect((await stored(team.id)).team).toMatchObject({ gameMode: 'ZERG', version: 1 });
  });

  it('allows at most 5 per subgroup and only the subgroups the size has', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const build = await createBuild(server, alice, 'Berserker');
    for (let i = 0; i < 5; i += 1)
      await addMember(server, alice, team.id, { buildId: build, subgroup: 1 });
    const full = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: build, subgroup: 1 } },
      alice,
    );
    expect(full.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBGROUP_FULL' });
    const beyond = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: build, subgroup: 3 } },
      alice,
    );
    expect(beyond.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subgroup' });
    const [first] = (await stored(team.id)).members;
    const badMove = await fails(
      server,
      MOVE_MEMBER,
      { id: first!.id, subgroup: 3, position: 1 },
      alice,
    );
    expect(badMove.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subgroup' });
    const badPosition = await fails(
      server,
      MOVE_MEMBER,
      { id: first!.id, subgroup: 2, position: 6 },
      alice,
    );
    expect(badPosition.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    // Shrinking below the members, or dropping a subgroup that has members, is refused.
    const shrink = await fails(server, UPDATE_TEAM, { id: team.id, input: { size: 4 } }, alice);
    expect(shrink.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_MEMBERS' });
    const after = await stored(team.id);
    expect(after.members).toHaveLength(5);
    expect(after.team.version).toBe(6);
  });

  it('refuses a member beyond the team size', async () => {
    const team = await createTeam(server, alice, { gameMode: 'FRACTALS', size: 2 });
    const build = await createBuild(server, alice, 'Berserker');
    await addMember(server, alice, team.id, { buildId: build });
    await addMember(server, alice, team.id, { buildId: build });
    const error = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: build } },
      alice,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_FULL' });
  });

  it("needs a build the team's owner can see and a role the build has in the mode", async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const bobsPrivate = await createBuild(server, bob, 'Weaver', { visibility: 'PRIVATE' });
    const bobsPublic = await createBuild(server, bob, 'Weaver', { visibility: 'PUBLIC' });
    const hidden = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: bobsPrivate } },
      alice,
    );
    expect(hidden.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.buildId',
      reason: 'BUILD_NOT_VISIBLE',
    });
    const unknownRole = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: bobsPublic, roleKey: 'heal-alacrity' } },
      alice,
    );
    expect(unknownRole.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.roleKey',
      reason: 'UNKNOWN_ROLE',
    });
    const view = await addMember(server, alice, team.id, { buildId: bobsPublic, roleKey: 'dps' });
    expect(view.members[0]!.build).toMatchObject({ id: bobsPublic });
    expect((await stored(team.id)).team.version).toBe(2);
  });

  it('rejects names that are empty or too long', async () => {
    const error = await fails(
      server,
      `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      { input: { name: '   ', gameMode: 'RAID', size: 10 } },
      alice,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const long = await fails(
      server,
      UPDATE_TEAM,
      { id: team.id, input: { name: 'x'.repeat(101) } },
      alice,
    );
    expect(long.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });
});

describe('optimistic concurrency', () => {
  it('answers CONFLICT for a stale expectedVersion and changes nothing', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const build = await createBuild(server, alice, 'Berserker');
    await ok(server, UPDATE_TEAM, { id: team.id, input: { name: 'first' }, v: 1 }, alice);

    const staleUpdate = await fails(
      server,
      UPDATE_TEAM,
      { id: team.id, input: { name: 'second' }, v: 1 },
      alice,
    );
    expect(staleUpdate.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const staleAdd = await fails(
      server,
      ADD_MEMBER,
      { teamId: team.id, input: { buildId: build }, v: 1 },
      alice,
    );
    expect(staleAdd.extensions?.code).toBe('CONFLICT');
    const staleDelete = await fails(server, DELETE_TEAM, { id: team.id, v: 1 }, alice);
    expect(staleDelete.extensions?.code).toBe('CONFLICT');

    const after = await stored(team.id);
    expect(after.team).toMatchObject({ name: 'first', version: 2 });
    expect(after.members).toHaveLength(0);

    const current = await addMember(server, alice, team.id, { buildId: build });
    const member = current.members[0]!;
    const staleMove = await fails(
      server,
      MOVE_MEMBER,
      { id: member.id, subgroup: 2, position: 1, v: 2 },
      alice,
    );
    expect(staleMove.extensions?.code).toBe('CONFLICT');
    expect((await stored(team.id)).members[0]).toMatchObject({ subgroup: 1, position: 1 });
    await ok(server, MOVE_MEMBER, { id: member.id, subgroup: 2, position: 1, v: 3 }, alice);
  });

  it('serialises concurrent changes: of two writers with the same version, one wins', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const results = await Promise.all(
      ['a', 'b'].map((name) =>
        server.graphql(UPDATE_TEAM, { id: team.id, input: { name }, v: 1 }, alice.headers),
      ),
    );
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect((await stored(team.id)).team.version).toBe(2);
  });
});

describe('visibility and sharing', () => {
  it('hides private teams from others and shows unlisted ones by id only', async () => {
    const priv = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    expect((await fails(server, GET_TEAM, { id: priv.id }, bob)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await fails(server, GET_TEAM, { id: priv.id })).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(server, GET_TEAM, { id: 'not-a-uuid' }, alice)).extensions?.code).toBe(
      'NOT_FOUND',
    );

    const unlisted = await createTeam(server, alice, {
      gameMode: 'RAID',
      size: 10,
      visibility: 'UNLISTED',
    });
    const seen = await ok<{ team: TeamView }>(server, GET_TEAM, { id: unlisted.id });
    expect(seen.team.viewerAccess).toBe('READER');
    const denied = await fails(
      server,
      UPDATE_TEAM,
      { id: unlisted.id, input: { name: 'mine now' } },
      bob,
    );
    expect(denied.extensions?.code).toBe('FORBIDDEN');

    const list = await ok<{ teams: { edges: Array<{ node: { id: string } }> } }>(
      server,
      `query { teams(first: 100) { edges { node { id } } } }`,
      {},
      bob,
    );
    const ids = list.teams.edges.map((e) => e.node.id);
    expect(ids).not.toContain(unlisted.id);
    expect(ids).not.toContain(priv.id);
  });

  it('lets a VIEW share read, an EDIT share edit members, and only the owner share or delete', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const build = await createBuild(server, alice, 'Berserker');
    await ok(
      server,
      SHARE_TEAM,
      { teamId: team.id, username: bob.username, access: 'VIEW' },
      alice,
    );
    await ok(
      server,
      SHARE_TEAM,
      { teamId: team.id, username: carol.username.toUpperCase(), access: 'EDIT' },
      alice,
    );

    const asBob = await ok<{ team: TeamView }>(server, GET_TEAM, { id: team.id }, bob);
    expect(asBob.team.viewerAccess).toBe('READER');
    expect(
      (await fails(server, ADD_MEMBER, { teamId: team.id, input: { buildId: build } }, bob))
        .extensions?.code,
    ).toBe('FORBIDDEN');

    const asCarol = await addMember(server, carol, team.id, { buildId: build });
    expect(asCarol.viewerAccess).toBe('EDITOR');
    expect(asCarol.members).toHaveLength(1);
    expect(
      (await fails(server, UPDATE_TEAM, { id: team.id, input: { visibility: 'PUBLIC' } }, carol))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await fails(server, DELETE_TEAM, { id: team.id }, carol)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await fails(
          server,
          SHARE_TEAM,
          { teamId: team.id, username: bob.username, access: 'EDIT' },
          carol,
        )
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    const shares = await ok<{
      team: { shares: Array<{ access: string; user: { username: string } }> };
    }>(
      server,
      `query ($id: ID!) { team(id: $id) { shares { access user { username } } } }`,
      { id: team.id },
      alice,
    );
    expect(shares.team.shares.map((s) => [s.user.username, s.access])).toEqual([
      [bob.username, 'VIEW'],
      [carol.username, 'EDIT'],
    ]);

    const mine = await ok<{ teams: { edges: Array<{ node: { id: string } }> } }>(
      server,
      `query { teams(filter: { scope: SHARED_WITH_ME }) { edges { node { id } } } }`,
      {},
      bob,
    );
    expect(mine.teams.edges.map((e) => e.node.id)).toEqual([team.id]);

    expect(
      await ok(server, UNSHARE_TEAM, { teamId: team.id, username: bob.username }, alice),
    ).toEqual({ unshareTeam: true });
    expect((await fails(server, GET_TEAM, { id: team.id }, bob)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    const unknown = await fails(
      server,
      SHARE_TEAM,
      { teamId: team.id, username: 'nobody-here', access: 'VIEW' },
      alice,
    );
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
  });

  it('hides a member’s build once its owner makes it private', async () => {
    const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
    const bobsBuild = await createBuild(server, bob, 'Chronomancer', { visibility: 'PUBLIC' });
    await addMember(server, alice, team.id, { buildId: bobsBuild, playerName: 'Bob' });
    await ok(
      server,
      `mutation ($id: ID!) { updateBuild(id: $id, input: { visibility: PRIVATE }) { id } }`,
      { id: bobsBuild },
      bob,
    );
    const view = await ok<{ team: TeamView }>(server, GET_TEAM, { id: team.id }, alice);
    expect(view.team.members[0]).toMatchObject({
      build: null,
      label: 'Bob',
      provides: [],
      role: null,
    });
  });
});

describe('listing', () => {
  it('pages through my teams newest first', async () => {
    const dave = await registerUser(server);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(
        (await createTeam(server, dave, { gameMode: 'FRACTALS', size: 5, name: `T${i}` })).id,
      );
    const LIST = `query ($after: String) { teams(first: 2, after: $after, filter: { scope: MINE }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        teams: {
          edges: Array<{ node: { id: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await ok(server, LIST, { after }, dave);
      seen.push(...page.teams.edges.map((e) => e.node.id));
      if (!page.teams.pageInfo.hasNextPage) break;
      after = page.teams.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });
});
