/**
 * The aiJob subscription's protocol on both stacks: a late subscriber gets the whole text
 * once, a client resuming with afterIndex gets exactly the events it missed, cancelling ends
 * the stream with one terminal event, and only the owner may follow a job.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { postgresAvailable, redisAvailable } from '../support/services.js';
import {
  aiEnv,
  CANCEL,
  COMPOSE,
  createJob,
  EVENTS,
  finishedJob,
  followJob,
  GET_JOB,
  LIST_JOBS,
  shownText,
  startAiStack,
  TERMINAL,
  type AiStack,
  type JobView,
  type StreamEvent,
  type Variant,
} from './support.js';

const variants: Variant[] = ['embedded'];
if (postgresAvailable && redisAvailable) variants.push('postgres+redis');

const RAID_10 = { squad: { gameMode: 'RAID', size: 10 } };
const deltas = (events: readonly StreamEvent[]) =>
  events.filter((event) => event.__typename === 'AiJobTextDelta');

describe.each(variants)('aiJob subscription (%s)', (variant) => {
  let fake: FakeMistral;
  let stack: AiStack;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    fake = await startFakeMistral();
    stack = await startAiStack(variant, aiEnv(fake));
    [alice, bob] = await Promise.all([registerUser(stack.api), registerUser(stack.api)]);
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });
  beforeEach(() => fake.setDefault('auto'));

  it('gives a late subscriber the snapshot with the whole text, then the terminal event', async () => {
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const { job } = await finishedJob(stack.api, alice, created.id);
    const late = await followJob(stack.api, alice, created.id);
    expect(late.map((e) => e.__typename)).toEqual(['AiJobSnapshot', 'AiJobSucceeded']);
    expect(late[0]).toMatchObject({ text: job.explanation, phase: 'DONE' });
    expect(late[1]!.index).toBe(late[0]!.index);
    expect(late[1]!.job!.explanation).toBe(job.explanation);
  });

  it('resumes after a disconnect with exactly the events after afterIndex', async () => {
    fake.script({
      kind: 'text',
      text: Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
      chunkDelayMs: 15,
    });
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const first = await followJob(stack.api, alice, created.id, {
      stopAfter: (events) => deltas(events).length >= 10,
    });
    const lastIndex = first.at(-1)!.index;
    const textSoFar = shownText(first);
    expect(textSoFar).toMatch(/^w0 w1 /);
    const second = await followJob(stack.api, alice, created.id, { afterIndex: lastIndex });
    expect(second[0]).toMatchObject({ __typename: 'AiJobSnapshot', index: lastIndex, text: null });
    expect(second.slice(1).every((e) => e.index > lastIndex || TERMINAL.has(e.__typename))).toBe(
      true,
    );
    const job = second.at(-1)!.job!;
    expect(job.source).toBe('LLM');
    // Nothing twice, nothing missing.
    expect(shownText(second, textSoFar)).toBe(job.explanation);
    expect(job.explanation).toBe(Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '));
  });

  it('sends two subscribers the same events', async () => {
    fake.script({ kind: 'text', tokens: 40, chunkDelayMs: 10 });
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const [one, two] = await Promise.all([
      followJob(stack.api, alice, created.id, { afterIndex: 0 }),
      followJob(stack.api, alice, created.id, { afterIndex: 0 }),
    ]);
    expect(one.map((e) => [e.__typename, e.index])).toEqual(
      two.map((e) => [e.__typename, e.index]),
    );
    expect(shownText(one)).toBe(one.at(-1)!.job!.explanation);
  });

  it('cancels a running job: one CANCELLED terminal event, the model’s stream dropped', async () => {
    fake.script({ kind: 'text', tokens: 400, chunkDelayMs: 20 });
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const following = followJob(stack.api, alice, created.id, { afterIndex: 0 });
    await expect.poll(() => fake.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const cancel = await stack.api.graphql<{ cancelAiJob: JobView }>(
      CANCEL,
      { id: created.id },
      alice.headers,
    );
    expect(cancel.body.data?.cancelAiJob.status).toBe('CANCELLED');
    const events = await following;
    expect(events.at(-1)).toMatchObject({
      __typename: 'AiJobCancelled',
      job: { status: 'CANCELLED', explanation: null },
    });
    // Cancelling again changes nothing; the row stays cancelled after the runner stopped.
    const again = await stack.api.graphql<{ cancelAiJob: JobView }>(
      CANCEL,
      { id: created.id },
      alice.headers,
    );
    expect(again.body.data?.cancelAiJob.status).toBe('CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const read = await stack.api.graphql<{ aiJob: JobView }>(
      GET_JOB,
      { id: created.id },
      alice.headers,
    );
    expect(read.body.data?.aiJob).toMatchObject({ status: 'CANCELLED', source: null });
  });

  it('lets only the owner read, follow or cancel a job', async () => {
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const asBob = await stack.api.graphql(GET_JOB, { id: created.id }, bob.headers);
    expect(asBob.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancelled = await stack.api.graphql(CANCEL, { id: created.id }, bob.headers);
    expect(cancelled.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const [params, code] of [
      [{ Authorization: `Bearer ${bob.accessToken}` }, 'NOT_FOUND'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const client = stack.api.websocket(params);
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: EVENTS, variables: { id: created.id } },
          {
            next: (value) => resolve(value.errors ?? value),
            error: resolve,
            complete: () => resolve('complete'),
          },
        );
      });
      expect(JSON.stringify(error)).toContain(code);
      await client.dispose();
    }
    await finishedJob(stack.api, alice, created.id);
  });

  it('lists the owner’s jobs newest first, page by page', async () => {
    const carol = await registerUser(stack.api);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push((await createJob(stack.api, carol, COMPOSE, RAID_10)).id);
    type Page = {
      aiJobs: {
        edges: Array<{ node: { id: string; title: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page1 = await stack.api.graphql<Page>(LIST_JOBS, { first: 2 }, carol.headers);
    const page2 = await stack.api.graphql<Page>(
      LIST_JOBS,
      { first: 2, after: page1.body.data!.aiJobs.pageInfo.endCursor },
      carol.headers,
    );
    expect(page1.body.data!.aiJobs.pageInfo.hasNextPage).toBe(true);
    expect(
      [...page1.body.data!.aiJobs.edges, ...page2.body.data!.aiJobs.edges].map((e) => e.node.id),
    ).toEqual([...ids].reverse());
    expect(page2.body.data!.aiJobs.pageInfo.hasNextPage).toBe(false);
    for (const id of ids) await finishedJob(stack.api, carol, id);
  });
});
