/**
 * Every fallback reason on both stacks: without a key (NO_KEY), in the off-peak window, with the
 * circuit to the model open (OUTAGE, then recovery), with the daily token budget spent; the
 * template answers each time. Also: free text without a model, and the AI rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { postgresAvailable, redisAvailable } from '../support/services.js';
import { createBuild } from '../teams/support.js';
import {
  aiEnv,
  COMPOSE,
  createJob,
  finishedJob,
  LIST_JOBS,
  REVIEW,
  shownText,
  startAiStack,
  SYNERGY,
  type AiStack,
  type Variant,
} from './support.js';

const variants: Variant[] = ['embedded'];
if (postgresAvailable && redisAvailable) variants.push('postgres+redis');

const RAID_10 = { squad: { gameMode: 'RAID', size: 10 } };
const PAIR = {
  gameMode: 'RAID',
  entries: [{ specialization: 'Firebrand' }, { specialization: 'Renegade' }],
};

describe.each(variants)('without a model (%s)', (variant) => {
  let stack: AiStack;
  let alice: RegisteredUser;

  beforeAll(async () => {
    stack = await startAiStack(variant, aiEnv(null));
    alice = await registerUser(stack.api);
  });
  afterAll(() => stack?.close());

  it('answers every kind from the optimizer and templates (NO_KEY)', async () => {
    const buildId = await createBuild(stack.api, alice, 'Firebrand');
    for (const [mutation, input, start] of [
      [COMPOSE, RAID_10, /^Raid squad of 10 in 2 subgroups/],
      [REVIEW, { buildId, gameMode: 'RAID' }, /^Firebrand \(Guardian\) in Raid\./],
      [SYNERGY, PAIR, /^Firebrand and Renegade as one Raid subgroup/],
    ] as const) {
      const created = await createJob(stack.api, alice, mutation, input);
      const { events, job } = await finishedJob(stack.api, alice, created.id);
      expect(job).toMatchObject({
        status: 'SUCCEEDED',
        source: 'OPTIMIZER',
        fallbackReason: 'NO_KEY',
      });
      expect(job.explanation).toMatch(start);
      expect(shownText(events)).toBe(job.explanation);
      expect(job.promptTokens + job.completionTokens).toBe(0);
    }
  });

  it('refuses free text alone, naming the structured fields, and creates no job', async () => {
    const bob = await registerUser(stack.api);
    const result = await stack.api.graphql(
      COMPOSE,
      { input: { request: 'raid tonight' } },
      bob.headers,
    );
    expect(result.body.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.request',
        reason: 'MODEL_NOT_CONFIGURED',
      },
    });
    expect(result.body.errors?.[0]?.message).toContain('input.squad (gameMode, size');
    const list = await stack.api.graphql<{ aiJobs: { edges: unknown[] } }>(
      LIST_JOBS,
      {},
      bob.headers,
    );
    expect(list.body.data?.aiJobs.edges).toEqual([]);
  });

  it('refuses the 31st AI call in a minute with RATE_LIMITED', async () => {
    const carol = await registerUser(stack.api);
    for (let i = 0; i < 30; i += 1) await createJob(stack.api, carol, SYNERGY, PAIR);
    const refused = await stack.api.graphql(SYNERGY, { input: PAIR }, carol.headers);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });
  });
});

describe.each(variants)('with the model held back (%s)', (variant) => {
  let fake: FakeMistral;
  let stack: AiStack;
  let alice: RegisteredUser;
  // Inside the off-peak window (03:00-04:00 UTC) at first.
  const clock = new ManualClock(new Date('2026-12-01T03:50:00Z'));

  beforeAll(async () => {
    fake = await startFakeMistral();
    stack = await startAiStack(
      variant,
      aiEnv(fake, {
        AI_OFF_PEAK_HOURS: '3-4',
        AI_DAILY_TOKEN_BUDGET: '600',
        MISTRAL_BREAKER_THRESHOLD: '3',
        MISTRAL_BREAKER_HALF_OPEN_MS: '2000',
      }),
      { clock },
    );
    alice = await registerUser(stack.api);
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  const compose = async () =>
    (await finishedJob(stack.api, alice, (await createJob(stack.api, alice, COMPOSE, RAID_10)).id))
      .job;

  it('answers from the templates in the off-peak window, and refuses free text there', async () => {
    expect(await compose()).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'OFF_PEAK' });
    const text = await stack.api.graphql(COMPOSE, { input: { request: 'raid' } }, alice.headers);
    expect(text.body.errors?.[0]?.extensions?.code).toBe('AI_UNAVAILABLE');
    expect(text.body.errors?.[0]?.message).toContain('OFF_PEAK');
    expect(fake.requests).toHaveLength(0);
  });

  it('opens the circuit after repeated failures, skips the model while open, recovers after', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    fake.setDefault({ kind: 'status', status: 503 });
    expect(await compose()).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'OUTAGE' });
    expect(fake.requests).toHaveLength(3);
    // Open: no request at all.
    expect(await compose()).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'OUTAGE' });
    expect(fake.requests).toHaveLength(3);
    fake.setDefault('auto');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Half-open: one trial call, which succeeds and closes the circuit.
    expect(await compose()).toMatchObject({ source: 'LLM', fallbackReason: null });
    expect(fake.requests).toHaveLength(4);
  });

  it('stops calling the model once the daily token budget is spent', async () => {
    // The last answer used more than the 600-token budget.
    const requests = fake.requests.length;
    expect(await compose()).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'BUDGET' });
    expect(fake.requests).toHaveLength(requests);
    // A new UTC day has a new budget (the clock moves less than a token's lifetime).
    clock.set(new Date('2026-12-02T00:00:00Z'));
    const fresh = await registerUser(stack.api);
    const created = await createJob(stack.api, fresh, COMPOSE, RAID_10);
    expect((await finishedJob(stack.api, fresh, created.id)).job.source).toBe('LLM');
  });
});
