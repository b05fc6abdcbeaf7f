import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { postgresAvailable } from '../support/services.js';
import { startTestServer, type DatabaseTarget, type TestServer } from '../support/test-server.js';
import {
  SHARE_TEAM,
  TEAM_FIELDS,
  UPDATE_TEAM,
  addMember,
  createBuild,
  createTeam,
  fails,
  liveSubscription,
  ok,
  untilLive,
  type EliteName,
  type TeamView,
} from '../teams/support.js';
import { OPTIMIZE, realCode, type PlanResult } from './plan.documents.js';

const APPLY = /* GraphQL */ `
  mutation ($input: ApplySquadPlanInput!) {
    applySquadPlan(input: $input) { ${TEAM_FIELDS} }
  }
`;
const TEAM_GAPS = `query ($id: ID!) { team(id: $id) { coverage { gaps { subgroup capability message } } } }`;
const TEAM_UPDATED = `subscription ($teamId: ID!) { teamUpdated(teamId: $teamId) { id version members { id } } }`;

type Plan = PlanResult['optimizeSquad'];
type Assignment = Plan['assignments'][number];

function applyInput(plan: Plan, extra: Record<string, unknown>) {
  return {
    gameMode: plan.gameMode,
    size: plan.size,
    assignments: plan.assignments.map((a) => ({
      buildId: a.buildId,
      chatCode: a.chatCode,
      playerName: a.playerName,
      subgroup: a.subgroup,
      roleKey: a.roleKey,
    })),
    ...extra,
  };
}

const WVW_ROLE: Partial<Record<EliteName, string>> = {
  Firebrand: 'stability-core',
  Scrapper: 'heal',
  Herald: 'stability-partner',
  Scourge: 'dps-strip',
  Spellbreaker: 'dps-strip',
  Chronomancer: 'stability-support',
  Reaper: 'dps',
  Berserker: 'dps',
};

/** Members as the plan placed them, in subgroup then slot order. */
function placed(assignments: readonly Assignment[]) {
  return [...assignments]
    .sort((a, b) => a.slot - b.slot)
    .map((a) => ({
      buildId: a.buildId,
      playerName: a.playerName,
      subgroup: a.subgroup,
      roleKey: a.roleKey,
    }));
}

function members(team: TeamView) {
  return [...team.members]
    .sort((a, b) => a.subgroup - b.subgroup || a.position - b.position)
    .map((m) => ({
      buildId: m.build?.id ?? null,
      playerName: m.playerName,
      subgroup: m.subgroup,
      roleKey: m.roleKey,
    }));
}

const targets: DatabaseTarget[] = ['embedded', 'postgres'];

describe.each(targets)('applySquadPlan on %s PostgreSQL', (target) => {
  const skip = target === 'postgres' && !postgresAvailable;
  let server: TestServer;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({
      database: target,
      env: { RATE_LIMIT_AI_PER_MINUTE: '1000', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000' },
    });
    alice = await registerUser(server);
    bob = await registerUser(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A zerg roster of Alice's saved builds, optimised. */
  async function zergPlan(elites: readonly EliteName[]): Promise<Plan> {
    const roster = [];
    for (const [index, elite] of elites.entries()) {
      roster.push({
        playerName: `${elite}${index}`,
        buildIds: [await createBuild(server, alice, elite)],
        // Bare elite builds show no role markers: the players say what they play.
        roleKey: WVW_ROLE[elite],
      });
    }
    const data = await ok<PlanResult>(
      server,
      OPTIMIZE,
      { input: { gameMode: 'ZERG', size: 10, pool: 'ROSTER', roster } },
      alice,
    );
    return data.optimizeSquad;
  }

  it.skipIf(skip)(
    'writes a plan of saved builds into a new team that shows the plan’s coverage',
    async () => {
      const plan = await zergPlan([
        'Firebrand',
        'Scrapper',
        'Herald',
        'Scourge',
        'Spellbreaker',
        'Berserker',
      ]);
      expect(plan.assignments).toHaveLength(6);
      const { applySquadPlan: team } = await ok<{ applySquadPlan: TeamView }>(
        server,
        APPLY,
        { input: applyInput(plan, { name: 'Planned zerg' }) },
        alice,
      );
      expect(team).toMatchObject({
        name: 'Planned zerg',
        gameMode: 'ZERG',
        size: 10,
        version: 1,
        viewerAccess: 'OWNER',
      });
      expect(members(team)).toEqual(placed(plan.assignments));
      // The team computes coverage from its stored members: the same gaps the plan named.
      const { team: read } = await ok<{ team: { coverage: { gaps: Array<{ message: string }> } } }>(
        server,
        TEAM_GAPS,
        { id: team.id },
        alice,
      );
      expect(read.coverage.gaps.map((g) => g.message)).toEqual(
        plan.coverage.gaps.map((g) => g.message),
      );
    },
  );

  it.skipIf(skip)(
    'replaces an existing team’s members in one change and tells subscribers',
    async () => {
      const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
      const old = await addMember(server, alice, team.id, {
        buildId: await createBuild(server, alice, 'Reaper'),
      });
      const live = liveSubscription(
        server.websocket({ authorization: `Bearer ${alice.accessToken}` }),
        TEAM_UPDATED,
        { teamId: team.id },
      );
      const base = await untilLive(live, async () => {
        const data = await ok<{ updateTeam: TeamView }>(
          server,
          UPDATE_TEAM,
          { id: team.id, input: { name: 'warming up' } },
          alice,
        );
        return data.updateTeam.version;
      });
      expect(base).toBeGreaterThan(old.version);

      const plan = await zergPlan(['Firebrand', 'Scrapper', 'Chronomancer']);
      const { applySquadPlan: applied } = await ok<{ applySquadPlan: TeamView }>(
        server,
        APPLY,
        { input: applyInput(plan, { teamId: team.id, expectedVersion: base, name: 'Applied' }) },
        alice,
      );
      expect(applied).toMatchObject({
        id: team.id,
        name: 'Applied',
        gameMode: 'ZERG',
        size: 10,
        version: base + 1,
      });
      expect(members(applied)).toEqual(placed(plan.assignments));
      expect(applied.members.map((m) => m.id)).not.toContain(old.members[0]?.id);

      const event = await live.afterVersion(base);
      expect(event.data?.teamUpdated).toMatchObject({ id: team.id, version: base + 1 });
      expect(event.data?.teamUpdated.members).toHaveLength(3);
      live.dispose();

      // A stale version changes nothing.
      const stale = await fails(
        server,
        APPLY,
        { input: applyInput(plan, { teamId: team.id, expectedVersion: base, assignments: [] }) },
        alice,
      );
      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: base + 1 });
      const { team: after } = await ok<{ team: TeamView }>(
        server,
        `query ($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`,
        { id: team.id },
        alice,
      );
      expect(members(after)).toEqual(placed(plan.assignments));
    },
  );

  it.skipIf(skip)(
    'refuses assignments of chat codes alone, naming each, and writes nothing',
    async () => {
      const team = await createTeam(server, alice, { gameMode: 'RAID', size: 10 });
      const saved = await createBuild(server, alice, 'Chronomancer');
      const error = await fails(
        server,
        APPLY,
        {
          input: {
            teamId: team.id,
            gameMode: 'RAID',
            size: 10,
            assignments: [
              { buildId: saved, playerName: 'Chrono', subgroup: 1, roleKey: 'quickness-support' },
              {
                buildId: null,
                chatCode: realCode('Power Weaver'),
                playerName: 'Weaver',
                subgroup: 1,
              },
              { chatCode: realCode('Power Virtuoso'), subgroup: 2 },
            ],
          },
        },
        alice,
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSAVED_BUILD' });
      const problems = error.extensions?.problems as Array<{ field: string; message: string }>;
      expect(problems.map((p) => p.field)).toEqual([
        'input.assignments[1].buildId',
        'input.assignments[2].buildId',
      ]);
      expect(problems[0]?.message).toContain('Weaver');
      const { team: after } = await ok<{ team: TeamView }>(
        server,
        `query ($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`,
        { id: team.id },
        alice,
      );
      expect(after.members).toEqual([]);
      expect(after.version).toBe(team.version);
    },
  );

  it.skipIf(skip)(
    'checks the team: NOT_FOUND when hidden, FORBIDDEN with a VIEW share, OK with an EDIT share',
    async () => {
      const team = await createTeam(server, alice, { gameMode: 'ZERG', size: 10 });
      const bobsBuild = await createBuild(server, bob, 'Chronomancer', { visibility: 'PUBLIC' });
      const input = {
        teamId: team.id,
        gameMode: 'ZERG',
        size: 10,
        assignments: [
          { buildId: bobsBuild, playerName: 'Bob', subgroup: 1, roleKey: 'alacrity-support' },
        ],
      };
      expect((await fails(server, APPLY, { input }, bob)).extensions?.code).toBe('NOT_FOUND');
      await ok(
        server,
        SHARE_TEAM,
        { teamId: team.id, username: bob.username, access: 'VIEW' },
        alice,
      );
      expect((await fails(server, APPLY, { input }, bob)).extensions?.code).toBe('FORBIDDEN');
      await ok(
        server,
        SHARE_TEAM,
        { teamId: team.id, username: bob.username, access: 'EDIT' },
        alice,
      );
      const { applySquadPlan: applied } = await ok<{ applySquadPlan: TeamView }>(
        server,
        APPLY,
        { input },
        bob,
      );
      expect(members(applied)).toEqual([
        { buildId: bobsBuild, playerName: 'Bob', subgroup: 1, roleKey: 'alacrity-support' },
      ]);
      // A private build of someone else cannot be put into Alice's team.
      const bobsPrivate = await createBuild(server, bob, 'Reaper');
      const hidden = await fails(
        server,
        APPLY,
        { input: { ...input, assignments: [{ buildId: bobsPrivate, subgroup: 1 }] } },
        bob,
      );
      expect(hidden.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BUILD_NOT_VISIBLE',
        field: 'input.assignments[0].buildId',
      });
    },
  );

  it.skipIf(skip)(
    'refuses a plan that does not fit: size above the mode, a full subgroup',
    async () => {
      const build = await createBuild(server, alice, 'Reaper', { visibility: 'PUBLIC' });
      const tooBig = await fails(
        server,
        APPLY,
        { input: { name: 'x', gameMode: 'RAID', size: 11, assignments: [] } },
        alice,
      );
      expect(tooBig.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.size' });
      const crowded = await fails(
        server,
        APPLY,
        {
          input: {
            name: 'x',
            gameMode: 'RAID',
            size: 10,
            assignments: Array.from({ length: 6 }, () => ({ buildId: build, subgroup: 1 })),
          },
        },
        alice,
      );
      expect(crowded.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.assignments[5].subgroup',
      });
    },
  );
});
