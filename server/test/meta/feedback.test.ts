import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { PipelineTrigger } from '../../src/modules/meta/meta.entity.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { realCode } from '../optimizer/plan.documents.js';
import { fails, ok } from '../teams/support.js';

const PLAN = /* GraphQL */ `
  query ($input: OptimizeSquadInput!) {
    optimizeSquad(input: $input) {
      id
      assignments {
        buildId
        playerName
        subgroup
        roleKey
        specialization
      }
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($input: FeedbackInput!) {
    submitFeedback(input: $input) {
      subject
      subjectId
      rating
      reason
    }
  }
`;
const MINE = /* GraphQL */ `
  query ($subject: FeedbackSubject!, $id: ID!) {
    myFeedback(subject: $subject, subjectId: $id) {
      rating
      reason
    }
  }
`;
const ACCEPTANCE = /* GraphQL */ `
  query {
    metaSnapshot(gameMode: FRACTALS) {
      acceptance {
        source
        proposed
        applied
        discarded
        rate
        thumbsUp
        thumbsDown
      }
      assistant {
        kind
        jobs
        thumbsUp
        thumbsDown
      }
    }
  }
`;

interface Plan {
  optimizeSquad: {
    id: string | null;
    assignments: {
      buildId: string | null;
      playerName: string | null;
      subgroup: number;
      roleKey: string;
    }[];
  };
}

describe('feedback on plans and AI answers, counted by the learning pipeline', () => {
  let server: TestServer;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let buildId: string;
  const clock = new ManualClock(new Date('2026-12-10T04:00:00Z'));
  const sql = <T>(query: string, params: unknown[] = []) =>
    server.app.database.orm.em.fork().execute<T[]>(query, params);
  const propose = async (user?: RegisteredUser) =>
    (
      await ok<Plan>(
        server,
        PLAN,
        {
          input: {
            gameMode: 'FRACTALS',
            size: 1,
            pool: 'ROSTER',
            roster: [
              {
                playerName: 'Alice',
                buildIds: user ? [buildId] : [],
                chatCodes: user ? [] : [realCode('Power Virtuoso')],
              },
            ],
          },
        },
        user,
      )
    ).optimizeSquad;

  beforeAll(async () => {
    server = await startTestServer({
      database: 'embedded',
      clock,
      env: {
        META_MIN_SAMPLE: '1',
        RATE_LIMIT_AUTH_PER_MINUTE: '100',
        RATE_LIMIT_AI_PER_MINUTE: '1000',
      },
    });
    alice = await registerUser(server);
    bob = await registerUser(server);
    buildId = (
      await ok<{ createBuild: { id: string } }>(
        server,
        `mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }`,
        {
          input: {
            name: 'Virtuoso',
            chatCode: realCode('Power Virtuoso'),
            gameModes: ['FRACTALS'],
          },
        },
        alice,
      )
    ).createBuild.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records plans proposed to signed-in players only', async () => {
    expect((await propose()).id).toBeNull();
    const plan = await propose(alice);
    expect(plan.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await sql(`select source, outcome, members from squad_plans`)).toEqual([
      {
        source: 'OPTIMIZER',
        outcome: 'OPEN',
        members: [{ specialization: 'Virtuoso', roleKey: plan.assignments[0]!.roleKey }],
      },
    ]);
  });

  it('keeps one thumbs per player and plan: a new one replaces it', async () => {
    const plan = await propose(alice);
    const subject = { subject: 'SQUAD_PLAN', subjectId: plan.id };
    const up = await ok(
      server,
      SUBMIT,
      { input: { ...subject, rating: 'UP', reason: '  fine  ' } },
      alice,
    );
    expect(up).toEqual({ submitFeedback: { ...subject, rating: 'UP', reason: 'fine' } });
    await ok(server, SUBMIT, { input: { ...subject, rating: 'DOWN', reason: ' ' } }, alice);
    expect(await ok(server, MINE, { subject: 'SQUAD_PLAN', id: plan.id }, alice)).toEqual({
      myFeedback: { rating: 'DOWN', reason: null },
    });
    expect(await sql(`select rating from feedback where subject_id = ?`, [plan.id])).toEqual([
      { rating: -1 },
    ]);
    await ok(
      server,
      `mutation ($id: ID!) { discardSquadPlan(planId: $id) }`,
      { id: plan.id },
      alice,
    );
  });

  it('refuses what the player could not see, and bad reasons, changing nothing', async () => {
    const plan = await propose(alice);
    const input = { subject: 'SQUAD_PLAN', subjectId: plan.id, rating: 'UP' };
    expect((await fails(server, SUBMIT, { input }, bob)).extensions?.code).toBe('NOT_FOUND');
    expect(
      (await fails(server, MINE, { subject: 'SQUAD_PLAN', id: plan.id }, bob)).extensions?.code,
    ).toBe('NOT_FOUND');
    const notAnId = { ...input, subjectId: 'nope' };
    expect((await fails(server, SUBMIT, { input: notAnId }, alice)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    const tooLong = await fails(
      server,
      SUBMIT,
      { input: { ...input, reason: 'x'.repeat(501) } },
      alice,
    );
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const control = await fails(server, SUBMIT, { input: { ...input, reason: 'a\u0000b' } }, alice);
    expect(control.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await sql(`select id from feedback where subject_id = ?`, [plan.id])).toEqual([]);
    // A plan someone else applies stays open.
    const apply = {
      teamId: null,
      name: 'Stolen',
      gameMode: 'FRACTALS',
      size: 1,
      planId: plan.id,
      assignments: [],
    };
    expect(
      (
        await fails(
          server,
          `mutation ($input: ApplySquadPlanInput!) { applySquadPlan(input: $input) { id } }`,
          { input: apply },
          bob,
        )
      ).extensions?.code,
    ).toBe('NOT_FOUND');
    expect(await sql(`select outcome from squad_plans where id = ?`, [plan.id])).toEqual([
      { outcome: 'OPEN' },
    ]);
    // This one gets applied below.
    const [assignment] = plan.assignments;
    await ok(
      server,
      `mutation ($input: ApplySquadPlanInput!) { applySquadPlan(input: $input) { id } }`,
      {
        input: {
          ...apply,
          name: 'Mine',
          assignments: [
            {
              buildId: assignment!.buildId,
              subgroup: 1,
              playerName: 'Alice',
              roleKey: assignment!.roleKey,
            },
          ],
        },
      },
      alice,
    );
    expect(await sql(`select outcome from squad_plans where id = ?`, [plan.id])).toEqual([
      { outcome: 'APPLIED' },
    ]);
    const discard = await fails(
      server,
      `mutation ($id: ID!) { discardSquadPlan(planId: $id) }`,
      { id: plan.id },
      alice,
    );
    expect(discard.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_APPLIED' });
  });

  it('rates AI jobs, and the snapshot counts acceptance and thumbs by source', async () => {
    const job = (
      await ok<{ composeSquad: { id: string } }>(
        server,
        'mutation ($input: ComposeSquadInput!) { composeSquad(input: $input) { id } }',
        { input: { squad: { gameMode: 'FRACTALS', size: 5 } } },
        alice,
      )
    ).composeSquad.id;
    await ok(
      server,
      SUBMIT,
      { input: { subject: 'AI_JOB', subjectId: job, rating: 'UP', reason: 'clear' } },
      alice,
    );
    expect(
      (
        await fails(
          server,
          SUBMIT,
          { input: { subject: 'AI_JOB', subjectId: job, rating: 'UP' } },
          bob,
        )
      ).extensions?.code,
    ).toBe('NOT_FOUND');

    expect(await server.app.services.meta.pipeline.run(PipelineTrigger.MANUAL)).toMatchObject({
      status: 'SUCCEEDED',
    });
    const { metaSnapshot } = await ok<{
      metaSnapshot: { acceptance: unknown[]; assistant: unknown[] };
    }>(server, ACCEPTANCE, {});
    // Alice's three optimizer plans: one open, one discarded (thumbs down), one applied.
    expect(metaSnapshot.acceptance).toContainEqual({
      source: 'OPTIMIZER',
      proposed: 3,
      applied: 1,
      discarded: 1,
      rate: 1 / 3,
      thumbsUp: 0,
      thumbsDown: 1,
    });
    expect(metaSnapshot.assistant).toContainEqual({
      kind: 'COMPOSE_SQUAD',
      jobs: 1,
      thumbsUp: 1,
      thumbsDown: 0,
    });
  });
});
