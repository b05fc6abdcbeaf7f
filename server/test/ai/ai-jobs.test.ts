/**
 * The three kinds of AI job end to end through the fake Mistral server, on the embedded
 * default and on PostgreSQL + Redis (API instance + worker): structured and free-text
 * requests, the grounding check, model failures and the protocol of the subscription.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { postgresAvailable, redisAvailable } from '../support/services.js';
import { createBuild } from '../teams/support.js';
import {
  aiEnv,
  COMPOSE,
  createJob,
  finishedJob,
  followJob,
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

describe.each(variants)('AI jobs (%s)', (variant) => {
  let fake: FakeMistral;
  let stack: AiStack;
  let alice: RegisteredUser;

  beforeAll(async () => {
    fake = await startFakeMistral();
    stack = await startAiStack(variant, aiEnv(fake, { AI_ANSWER_TIMEOUT_MS: '2500' }));
    alice = await registerUser(stack.api);
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.setDefault('auto');
  });

  it('composes a structured squad: progress with incumbents, streamed text, one terminal event', async () => {
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    expect(created.title).toBe('Raid squad of 10');
    // afterIndex 0: the whole log from its start, however far the job got meanwhile.
    const events = await followJob(stack.api, alice, created.id, { afterIndex: 0 });
    const job = events.at(-1)!.job!;
    expect(events[0]).toMatchObject({ __typename: 'AiJobSnapshot', index: 0, text: null });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.source).toBe('LLM');
    expect(job.fallbackReason).toBeNull();
    expect(job.plan?.assignments).toHaveLength(10);
    expect(job.explanation).toBe(shownText(events));
    expect(job.explanation).toContain('In subgroup 1,');
    expect(job.completionTokens).toBeGreaterThan(0);
    const phases = events.filter((e) => e.__typename === 'AiJobProgress').map((e) => e.phase);
    expect(phases).toEqual(expect.arrayContaining(['SOLVING', 'EXPLAINING']));
    expect(events.some((e) => e.incumbent?.objective !== undefined)).toBe(true);
    expect(events.filter((e) => e.__typename === 'AiJobTextDelta').length).toBeGreaterThan(5);
    // The model was given the plan as data, never asked to compose.
    const prompt = fake.requests[0]!.body.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('FACTS (JSON):');
    expect(prompt).toContain('"subgroups"');
  });

  it('turns a free-text request into the optimizer’s input with a tool call', async () => {
    fake.script({
      kind: 'toolCall',
      arguments: {
        gameMode: 'RAID',
        size: 10,
        locked: [{ specialization: 'Firebrand', roleKey: 'quickness-dps', subgroup: 1 }],
        notUnderstood: ['Thursday'],
      },
    });
    const request = 'Thursday raid, 10, I play quickness firebrand';
    const created = await createJob(stack.api, alice, COMPOSE, { request });
    expect(created.request).toBe(request);
    const { job } = await finishedJob(stack.api, alice, created.id);
    expect(job.status).toBe('SUCCEEDED');
    const locked = job.plan!.assignments.filter((a) => a.locked);
    expect(locked).toEqual([expect.objectContaining({ specialization: 'Firebrand', subgroup: 1 })]);
    const [parse, narration] = fake.requests;
    expect(parse!.body.tools?.[0]?.function.name).toBe('plan_squad');
    expect(parse!.body.messages.at(-1)?.content).toBe(request);
    expect(narration!.body.messages.at(-1)?.content).toContain('"notUnderstood":["Thursday"]');
  });

  it('retries once after unusable tool arguments', async () => {
    fake.script(
      { kind: 'toolCall', arguments: '{"gameMode": "RAID", "size": ' },
      { kind: 'toolCall', arguments: { gameMode: 'FRACTALS', size: 5 } },
    );
    const created = await createJob(stack.api, alice, COMPOSE, { request: 'fractals please' });
    const { job } = await finishedJob(stack.api, alice, created.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.plan?.gameMode).toBe('FRACTALS');
    const retry = fake.requests[1]!.body.messages;
    expect(retry.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('not valid JSON'),
    });
  });

  it('fails with BAD_USER_INPUT quoting the request after a second unusable answer', async () => {
    fake.script(
      { kind: 'toolCall', arguments: { gameMode: 'RAID', size: 99, notUnderstood: ['two condi'] } },
      { kind: 'toolCall', arguments: { gameMode: 'RAID', size: 99, notUnderstood: ['two condi'] } },
    );
    const created = await createJob(stack.api, alice, COMPOSE, {
      request: 'raid of 99, two condi',
    });
    const { job, terminal } = await finishedJob(stack.api, alice, created.id);
    expect(terminal.__typename).toBe('AiJobFailed');
    expect(job.status).toBe('FAILED');
    expect(terminal.error).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String) });
    expect(terminal.error!.message).toContain('Squad size must be from 1 to 10');
    expect(terminal.error!.message).toContain('Not understood: “two condi”');
    expect(terminal.error!.message).toContain('“raid of 99, two condi”');
    expect(fake.requests).toHaveLength(2);
    expect(job.promptTokens).toBeGreaterThan(0);
  });

  it('reviews a saved build for a mode', async () => {
    const buildId = await createBuild(stack.api, alice, 'Firebrand', { name: 'My FB' });
    const created = await createJob(stack.api, alice, REVIEW, { buildId, gameMode: 'RAID' });
    expect(created.title).toBe('My FB in Raid');
    const { events, job } = await finishedJob(stack.api, alice, created.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.advice?.buildId).toBe(buildId);
    expect(job.advice?.roles?.length).toBeGreaterThan(0);
    expect(job.source).toBe('LLM');
    expect(job.explanation).toBe(shownText(events));
    expect(job.explanation).toContain('As Firebrand, this build can play');
  });

  it('explains the synergy of two specializations', async () => {
    const created = await createJob(stack.api, alice, SYNERGY, {
      gameMode: 'RAID',
      entries: [{ specialization: 'Firebrand' }, { specialization: 'Renegade' }],
    });
    const { job } = await finishedJob(stack.api, alice, created.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.synergy?.entries.map((e) => e.name)).toEqual(['Firebrand', 'Renegade']);
    expect(job.source).toBe('LLM');
    expect(job.explanation).toContain('Firebrand and Renegade together');
  });

  it('replaces a text that names what the plan does not hold (grounding check)', async () => {
    fake.script({ kind: 'text', text: 'Bob on Scourge keeps Resistance up for everyone.' });
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const { events, job } = await finishedJob(stack.api, alice, created.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.source).toBe('OPTIMIZER');
    expect(job.fallbackReason).toBe('UNGROUNDED');
    expect(job.groundingIssues).toEqual(
      expect.arrayContaining([
        { kind: 'ELITE', term: 'Scourge' },
        { kind: 'BOON', term: 'Resistance' },
      ]),
    );
    expect(job.explanation).toMatch(/^Raid squad of 10 in 2 subgroups/);
    expect(events.find((e) => e.__typename === 'AiJobTextReset')).toMatchObject({
      reason: 'UNGROUNDED',
    });
    expect(shownText(events)).toBe(job.explanation);
  });

  it('answers from the templates after retries when the model keeps failing (OUTAGE)', async () => {
    fake.script(
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429 },
      { kind: 'status', status: 500 },
    );
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const { events, job } = await finishedJob(stack.api, alice, created.id);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      source: 'OPTIMIZER',
      fallbackReason: 'OUTAGE',
    });
    expect(fake.requests).toHaveLength(3);
    expect(shownText(events)).toBe(job.explanation);
  });

  it('drops a slow answer for the template when it runs out of time (TIMEOUT)', async () => {
    fake.script({ kind: 'text', tokens: 200, chunkDelayMs: 25 });
    const created = await createJob(stack.api, alice, COMPOSE, RAID_10);
    const { events, job } = await finishedJob(stack.api, alice, created.id);
    expect(job).toMatchObject({
      status: 'SUCCEEDED',
      source: 'OPTIMIZER',
      fallbackReason: 'TIMEOUT',
    });
    const reset = events.findIndex((e) => e.__typename === 'AiJobTextReset');
    expect(reset).toBeGreaterThan(0);
    expect(events[reset]).toMatchObject({ reason: 'FALLBACK', attempt: 1 });
    expect(events.slice(0, reset).some((e) => e.__typename === 'AiJobTextDelta')).toBe(true);
    expect(shownText(events)).toBe(job.explanation);
  });
});

describe.each(variants)(
  'review and synergy jobs when the model fails or strays (%s)',
  (variant) => {
    let fake: FakeMistral;
    let stack: AiStack;
    let alice: RegisteredUser;
    let buildId: string;

    beforeAll(async () => {
      fake = await startFakeMistral();
      stack = await startAiStack(variant, aiEnv(fake, { AI_ANSWER_TIMEOUT_MS: '2500' }));
      alice = await registerUser(stack.api);
      buildId = await createBuild(stack.api, alice, 'Firebrand', { name: 'My FB' });
    });
    afterAll(async () => {
      await stack?.close();
      await fake?.close();
    });
    beforeEach(() => {
      fake.requests.length = 0;
      fake.setDefault('auto');
    });

    const kinds = () =>
      [
        [REVIEW, { buildId, gameMode: 'RAID' }, /^Firebrand \(Guardian\) in Raid\./],
        [
          SYNERGY,
          {
            gameMode: 'RAID',
            entries: [{ specialization: 'Firebrand' }, { specialization: 'Renegade' }],
          },
          /^Firebrand and Renegade as one Raid subgroup/,
        ],
      ] as const;

    it('answers from the templates on OUTAGE and TIMEOUT', async () => {
      for (const [mutation, input, template] of kinds()) {
        fake.script(
          { kind: 'status', status: 503 },
          { kind: 'status', status: 429 },
          { kind: 'status', status: 500 },
        );
        const outage = await createJob(stack.api, alice, mutation, input);
        const failed = await finishedJob(stack.api, alice, outage.id);
        expect(failed.job).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'OUTAGE' });
        expect(failed.job.explanation).toMatch(template);

        fake.script({ kind: 'text', tokens: 200, chunkDelayMs: 25 });
        const slow = await createJob(stack.api, alice, mutation, input);
        const late = await finishedJob(stack.api, alice, slow.id);
        expect(late.job).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'TIMEOUT' });
        expect(late.job.explanation).toMatch(template);
        expect(shownText(late.events)).toBe(late.job.explanation);
      }
    });

    it('catches a profession the facts do not hold (grounding check)', async () => {
      for (const [mutation, input, template] of kinds()) {
        fake.script({ kind: 'text', text: 'Pair it with a Mesmer for the rest.' });
        const created = await createJob(stack.api, alice, mutation, input);
        const { events, job } = await finishedJob(stack.api, alice, created.id);
        expect(job).toMatchObject({ source: 'OPTIMIZER', fallbackReason: 'UNGROUNDED' });
        expect(job.groundingIssues).toEqual([{ kind: 'PROFESSION', term: 'Mesmer' }]);
        expect(job.explanation).toMatch(template);
        expect(shownText(events)).toBe(job.explanation);
      }
    });
  },
);
