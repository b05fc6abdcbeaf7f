import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { Clock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import type { RegisteredUser } from '../support/accounts.js';
import type { FakeMistral } from '../support/fake-mistral/fake-mistral.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { REDIS_URL } from '../support/services.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export type Variant = 'embedded' | 'postgres+redis';

export const JOB_FIELDS = /* GraphQL */ `
  id kind status phase progress title request teamId explanation source fallbackReason
  groundingIssues { kind term } attempts promptTokens completionTokens
  error { code message }
  plan { gameMode size status assignments { playerName specialization subgroup buildId locked } gaps { message } }
  advice { buildId gameMode roles { key } }
  synergy { score summary entries { name } }
`;

export interface JobView {
  id: string;
  kind: string;
  status: string;
  phase: string;
  title: string;
  request: string | null;
  teamId: string | null;
  explanation: string | null;
  source: 'LLM' | 'OPTIMIZER' | null;
  fallbackReason: string | null;
  groundingIssues: Array<{ kind: string; term: string }> | null;
  attempts: number;
  promptTokens: number;
  completionTokens: number;
  error: { code: string; message: string } | null;
  plan: {
    gameMode: string;
    size: number;
    assignments: Array<{
      playerName: string | null;
      specialization: string;
      subgroup: number;
      buildId: string | null;
      locked: boolean;
    }>;
    gaps: Array<{ message: string }>;
  } | null;
  advice: { buildId: string; roles: Array<{ key: string }> | null } | null;
  synergy: { score: number; summary: string; entries: Array<{ name: string }> } | null;
}

export const COMPOSE = `mutation ($input: ComposeSquadInput!) { composeSquad(input: $input) { ${JOB_FIELDS} } }`;
export const REVIEW = `mutation ($input: ReviewBuildInput!) { reviewBuild(input: $input) { ${JOB_FIELDS} } }`;
export const SYNERGY = `mutation ($input: ExplainSynergyInput!) { explainSynergy(input: $input) { ${JOB_FIELDS} } }`;
export const CANCEL = `mutation ($id: ID!) { cancelAiJob(id: $id) { ${JOB_FIELDS} } }`;
export const GET_JOB = `query ($id: ID!) { aiJob(id: $id) { ${JOB_FIELDS} } }`;
export const LIST_JOBS = `query ($first: Int, $after: String) { aiJobs(first: $first, after: $after) { edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } } }`;

export const EVENTS = /* GraphQL */ `
  subscription ($id: ID!, $after: Int) {
    aiJob(id: $id, afterIndex: $after) {
      __typename
      index
      jobId
      ... on AiJobSnapshot { text attempt phase progress job { status } }
      ... on AiJobProgress { phase progress incumbent { objective gap source elapsedMs } }
      ... on AiJobTextDelta { delta }
      ... on AiJobTextReset { attempt reason }
      ... on AiJobSucceeded { job { ${JOB_FIELDS} } }
      ... on AiJobFailed { error { code message } job { ${JOB_FIELDS} } }
      ... on AiJobCancelled { job { ${JOB_FIELDS} } }
    }
  }
`;

export interface StreamEvent {
  __typename: string;
  index: number;
  jobId: string;
  text?: string | null;
  delta?: string;
  attempt?: number;
  phase?: string;
  progress?: number;
  reason?: string;
  incumbent?: { objective: number; source: string | null } | null;
  error?: { code: string; message: string };
  job?: JobView;
}

export const TERMINAL = new Set(['AiJobSucceeded', 'AiJobFailed', 'AiJobCancelled']);

/** The text a client following the protocol shows after `events`. */
export function shownText(events: readonly StreamEvent[], start = ''): string {
  let text = start;
  for (const event of events) {
    if (event.__typename === 'AiJobSnapshot' && event.text != null) text = event.text;
    if (event.__typename === 'AiJobTextDelta') text += event.delta ?? '';
    if (event.__typename === 'AiJobTextReset') text = '';
  }
  return text;
}

/**
 * Follows a job over a websocket until its terminal event (or until `stopAfter` says stop,
 * which disconnects like a dropped client). Checks the protocol on the way: a snapshot first,
 * indexes strictly increasing after it, one terminal event last.
 */
export async function followJob(
  server: TestServer,
  user: RegisteredUser,
  jobId: string,
  options: { afterIndex?: number; stopAfter?: (events: StreamEvent[]) => boolean } = {},
): Promise<StreamEvent[]> {
  const client = server.websocket({ Authorization: `Bearer ${user.accessToken}` });
  const events: StreamEvent[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const dispose = client.subscribe<{ aiJob: StreamEvent }>(
        { query: EVENTS, variables: { id: jobId, after: options.afterIndex ?? null } },
        {
          next: (value) => {
            if (value.errors) return reject(new Error(JSON.stringify(value.errors)));
            const event = value.data!.aiJob;
            events.push(event);
            if (options.stopAfter?.(events)) {
              dispose();
              resolve();
            }
          },
          error: (error) =>
            reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => resolve(),
        },
      );
    });
  } finally {
    await client.dispose();
  }
  expect(events[0]?.__typename).toBe('AiJobSnapshot');
  for (let i = 2; i < events.length; i += 1) {
    const current = events[i]!;
    const previous = events[i - 1]!;
    if (TERMINAL.has(current.__typename)) continue;
    expect(current.index, 'indexes increase').toBeGreaterThan(previous.index);
  }
  if (!options.stopAfter) {
    expect(events.filter((e) => TERMINAL.has(e.__typename))).toHaveLength(1);
    expect(TERMINAL.has(events.at(-1)!.__typename)).toBe(true);
  }
  return events;
}

export interface AiStack {
  readonly api: TestServer;
  readonly variant: Variant;
  /** Another API instance on the same database and Redis (postgres+redis only). */
  secondApi(): Promise<TestServer>;
  readonly env: Record<string, string>;
  readonly databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** Settings that keep AI tests fast: short timeouts, quick retries, a quick breaker. */
export function aiEnv(
  fake: FakeMistral | null,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    RATE_LIMIT_AUTH_PER_HOUR: '1000',
    MISTRAL_TIMEOUT_MS: '2000',
    MISTRAL_MAX_RETRIES: '2',
    MISTRAL_BREAKER_THRESHOLD: '50',
    MISTRAL_BREAKER_HALF_OPEN_MS: '500',
    AI_ANSWER_TIMEOUT_MS: '5000',
    AI_STREAM_IDLE_MS: '500',
    AI_JOB_LOCK_MS: '2000',
    AI_JOB_STALLED_INTERVAL_MS: '1000',
    ...(fake ? { MISTRAL_API_KEY: fake.apiKey, MISTRAL_SERVER_URL: fake.url } : {}),
    ...extra,
  };
}

/** A silent log destination for in-process workers. */
const quiet = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

/**
 * The API (and, with Redis, a worker in this process) for the variant. Redis keys, queue names
 * and rate-limit keys get a random prefix per stack.
 */
export async function startAiStack(
  variant: Variant,
  env: Record<string, string>,
  options: { clock?: Clock } = {},
): Promise<AiStack> {
  const clock = options.clock;
  if (variant === 'embedded') {
    const api = await startTestServer({ database: 'embedded', env, clock });
    return {
      api,
      variant,
      env,
      databaseUrl: undefined,
      secondApi: () => Promise.reject(new Error('one instance without Redis')),
      close: () => api.close(),
    };
  }
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const scratch: ScratchDatabase = await createScratchDatabase('ai');
  const fullEnv = {
    ...env,
    REDIS_URL,
    JOB_QUEUE_PREFIX: prefix,
    RATE_LIMIT_KEY_PREFIX: `${prefix}:rl`,
  };
  const api = await startTestServer({ databaseUrl: scratch.url, env: fullEnv, clock });
  const others: TestServer[] = [];
  const workers: RunningWorker[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-worker-'));
  workers.push(
    await startWorker(
      loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
        DATABASE_URL: scratch.url,
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
        ...fullEnv,
      }),
      { logDestination: quiet(), clock },
    ),
  );
  return {
    api,
    variant,
    env: fullEnv,
    databaseUrl: scratch.url,
    async secondApi() {
      const other = await startTestServer({ databaseUrl: scratch.url, env: fullEnv, clock });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(others.map((other) => other.close()));
      await api.close();
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a mutation that must succeed and returns the job it created. */
export async function createJob(
  server: TestServer,
  user: RegisteredUser,
  mutation: string,
  input: Record<string, unknown>,
): Promise<JobView> {
  const result = await server.graphql<Record<string, JobView>>(mutation, { input }, user.headers);
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  const job = Object.values(result.body.data!)[0]!;
  expect(job.status).toBe('QUEUED');
  return job;
}

/** The terminal event's job, after following the job to its end. */
export async function finishedJob(server: TestServer, user: RegisteredUser, jobId: string) {
  const events = await followJob(server, user, jobId);
  const terminal = events.at(-1)!;
  return { events, job: terminal.job!, terminal };
}
