import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import {
  createMistralModel,
  type MistralObserver,
} from '../../src/modules/ai/model/mistral.client.js';
import { ModelDeadlineExceeded } from '../../src/modules/ai/model/model.errors.js';
import {
  createModelGateway,
  ModelUnavailable,
  type GatewaySettings,
} from '../../src/modules/ai/model/model.gateway.js';
import { parseOffPeakHours } from '../../src/modules/ai/model/off-peak.js';
import {
  narrationMessages,
  parseMessages,
  PLAN_SQUAD_TOOL,
} from '../../src/modules/ai/model/prompts.js';
import { memoryTokenBudget } from '../../src/modules/ai/model/token-budget.js';
import { startFakeMistral, type FakeMistral } from '../support/fake-mistral/fake-mistral.js';

const SETTINGS: GatewaySettings = {
  retries: 2,
  backoffInitialMs: 10,
  backoffMaxMs: 40,
  breakerThreshold: 3,
  halfOpenAfterMs: 300,
};

const facts = {
  kind: 'EXPLAIN_SYNERGY' as const,
  data: { entries: [{ name: 'Firebrand', provides: ['QUICKNESS'] }], summary: 'Good.' },
  allowed: { professions: [], elites: [], boons: [], players: [] },
  knownPlayers: [],
};

describe('model gateway over the fake Mistral server', () => {
  let fake: FakeMistral;
  const observed: Array<Parameters<MistralObserver>> = [];
  const gatewayFor = (
    options: { timeoutMs?: number; budget?: number; offPeak?: string; clock?: ManualClock } = {},
  ) =>
    createModelGateway({
      model: createMistralModel(
        {
          apiKey: fake.apiKey,
          serverUrl: fake.url,
          model: 'mistral-small-latest',
          requestTimeoutMs: options.timeoutMs ?? 2_000,
          maxTokens: 400,
        },
        (...args) => observed.push(args),
      ),
      budget: memoryTokenBudget(options.budget ?? 1_000_000),
      offPeak: options.offPeak ? parseOffPeakHours(options.offPeak) : undefined,
      clock: options.clock ?? new ManualClock(new Date('2026-12-01T12:00:00Z')),
      settings: SETTINGS,
    });

  beforeAll(async () => {
    fake = await startFakeMistral();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    observed.length = 0;
    fake.requests.length = 0;
  });

  it('streams text with its usage and records the prompt', async () => {
    const deltas: string[] = [];
    const result = await gatewayFor().streamChat(narrationMessages(facts), {
      signal: new AbortController().signal,
      onDelta: (text) => deltas.push(text),
    });
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(deltas.join('')).toBe(result.text);
    expect(result.text).toContain('Firebrand together: Good.');
    expect(result.usage.completionTokens).toBe(deltas.length);
    expect(fake.requests[0]?.body.stream).toBe(true);
    expect(fake.prompts().join('\n')).toContain('FACTS (JSON):');
    expect(observed).toEqual([
      ['chat_stream', expect.any(Number), { ok: true, usage: result.usage }],
    ]);
  });

  it('calls a tool and returns its raw arguments', async () => {
    fake.script({ kind: 'toolCall', arguments: '{"gameMode":"RAID","size":10' });
    const answer = await gatewayFor().callTool(parseMessages('raid 10'), PLAN_SQUAD_TOOL, {
      signal: new AbortController().signal,
    });
    expect(answer.call).toMatchObject({
      name: 'plan_squad',
      arguments: '{"gameMode":"RAID","size":10',
    });
    expect(fake.requests[0]?.body.tool_choice).toBe('any');
  });

  it('retries 429 and 5xx with backoff, then succeeds', async () => {
    fake.script({ kind: 'status', status: 429 }, { kind: 'status', status: 503 });
    const result = await gatewayFor().streamChat(narrationMessages(facts), {
      signal: new AbortController().signal,
      onDelta: () => {},
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(3);
    expect(observed.map(([, , r]) => (r.ok ? 'ok' : r.reason))).toEqual([
      'rate_limited',
      'http_5xx',
      'ok',
    ]);
  });

  it('gives up after the retries as OUTAGE; a hanging server times out', async () => {
    fake.script({ kind: 'status', status: 500 }, { kind: 'hang' }, { kind: 'status', status: 500 });
    const failure = gatewayFor({ timeoutMs: 200 }).streamChat(narrationMessages(facts), {
      signal: new AbortController().signal,
      onDelta: () => {},
    });
    await expect(failure).rejects.toMatchObject({ reason: 'OUTAGE' });
    expect(observed.map(([, , r]) => (r.ok ? 'ok' : r.reason))).toEqual([
      'http_5xx',
      'timeout',
      'http_5xx',
    ]);
  });

  it('does not retry a stream that already produced text', async () => {
    fake.script({ kind: 'text', text: 'one two three four', stallAfterChunks: 2 });
    const deltas: string[] = [];
    await expect(
      gatewayFor({ timeoutMs: 200 }).streamChat(narrationMessages(facts), {
        signal: new AbortController().signal,
        onDelta: (text) => deltas.push(text),
      }),
    ).rejects.toMatchObject({ reason: 'OUTAGE' });
    expect(deltas.join('')).toBe('one two ');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports TIMEOUT when the caller’s deadline passes during a slow stream', async () => {
    fake.script({ kind: 'text', tokens: 50, chunkDelayMs: 30 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new ModelDeadlineExceeded()), 200);
    await expect(
      gatewayFor().streamChat(narrationMessages(facts), {
        signal: controller.signal,
        onDelta: () => {},
      }),
    ).rejects.toEqual(new ModelUnavailable('TIMEOUT', 'the model did not finish in time'));
  });

  it('opens the circuit after consecutive failures, then half-opens and recovers', async () => {
    const gateway = gatewayFor();
    fake.setDefault({ kind: 'status', status: 503 });
    try {
      await expect(
        gateway.streamChat(narrationMessages(facts), {
          signal: new AbortController().signal,
          onDelta: () => {},
        }),
      ).rejects.toMatchObject({ reason: 'OUTAGE' });
      expect(fake.requests).toHaveLength(3);
      expect(gateway.circuitOpen()).toBe(true);
      expect(await gateway.check()).toBe('OUTAGE');
      // Open: the next call fails at once without a request.
      await expect(
        gateway.streamChat(narrationMessages(facts), {
          signal: new AbortController().signal,
          onDelta: () => {},
        }),
      ).rejects.toMatchObject({ reason: 'OUTAGE' });
      expect(fake.requests).toHaveLength(3);
    } finally {
      fake.setDefault('auto');
    }
    await new Promise((resolve) => setTimeout(resolve, SETTINGS.halfOpenAfterMs + 50));
    expect(await gateway.check()).toBeNull();
    const result = await gateway.streamChat(narrationMessages(facts), {
      signal: new AbortController().signal,
      onDelta: () => {},
    });
    expect(result.text.length).toBeGreaterThan(0);
    expect(gateway.circuitOpen()).toBe(false);
  });

  it('names NO_KEY, OFF_PEAK and BUDGET before any request', async () => {
    const noKey = createModelGateway({
      model: null,
      budget: memoryTokenBudget(10),
      offPeak: undefined,
      clock: new ManualClock(new Date()),
      settings: SETTINGS,
    });
    expect(await noKey.check()).toBe('NO_KEY');
    const clock = new ManualClock(new Date('2026-12-01T23:00:00Z'));
    expect(await gatewayFor({ offPeak: '22-6', clock }).check()).toBe('OFF_PEAK');
    clock.set(new Date('2026-12-01T12:00:00Z'));
    expect(await gatewayFor({ offPeak: '22-6', clock }).check()).toBeNull();
    const small = gatewayFor({ budget: 50 });
    await small.streamChat(narrationMessages(facts), {
      signal: new AbortController().signal,
      onDelta: () => {},
    });
    expect(await small.check()).toBe('BUDGET');
    expect(fake.requests).toHaveLength(1);
  });
});
