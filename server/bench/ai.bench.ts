/**
 * `npm run bench:ai`: AI jobs through the project, with the fake Mistral server on loopback
 * (test/support/fake-mistral) answering every explanation with a stream of N tokens at full
 * speed. Modes: in-process (embedded database, in-process queue and pubsub) and Redis (two API
 * instances and one `npm run worker` on a scratch PostgreSQL database and a private
 * redis-server). Interleaved rounds; per round:
 *  - mutation → first event: composeSquad sent, then subscribed on already-open sockets;
 *    when the snapshot and the first text delta reach the followers;
 *  - delivery of the N-token stream to M followers (split over the instances): per-follower
 *    stream time (first delta → terminal event) against the fake model's own time for the same
 *    stream read directly (the ceiling), each follower's text checked against the job's;
 *    the optimizer's solve time of the same job printed beside it.
 * Then the event loop during S seconds of solving: optimizeSquad requests (timeLimitMs 10 s)
 * keep the solver threads busy while a probe sends `{ __typename }` every 20 ms; the probe's
 * latency and the process's own nodejs_eventloop_lag_p99_seconds (reset at the first scrape)
 * must stay under 50 ms.
 *
 *   npm run bench:ai -- [--modes inprocess,redis] [--rounds 3] [--followers 100]
 *     [--tokens 2000] [--solve-seconds 10]
 *
 * Needs `npm run build`; the redis mode needs PostgreSQL and `redis-server` on the PATH
 * (started privately on BENCH_AI_REDIS_PORT, default 4313). Ports BENCH_AI_BASE_PORT (4310) on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeMistral, type FakeMistral } from '../test/support/fake-mistral/fake-mistral.js';
import { closeAll, connectFollower, untilFinished, type Follower } from './support/ai-followers.js';
import {
  REPO,
  createScratchPostgres,
  flags,
  fmt,
  loadLine,
  markdownTable,
  median,
  projectArgs,
  projectEnv,
  quantile,
  scratchDir,
  startNode,
  startPrivateRedis,
  type Started,
} from './support/harness.js';
import { graphql, registerUsers, type BenchUser } from './support/seed.js';

const options = flags(process.argv.slice(2));
const modes = (options.get('modes') ?? 'inprocess,redis').split(',');
const rounds = Number(options.get('rounds') ?? 3);
const followerCount = Number(options.get('followers') ?? 100);
const tokens = Number(options.get('tokens') ?? 2000);
const solveSeconds = Number(options.get('solve-seconds') ?? 10);
// 0: every follower subscribes at once, before the stream; > 0: follower i subscribes
// i/followers of this many ms after the mutation, so most join mid-stream (snapshot + deltas).
const joinOverMs = Number(options.get('join-over-ms') ?? 0);
const BASE = Number(process.env.BENCH_AI_BASE_PORT ?? 4310);
const REDIS_PORT = Number(process.env.BENCH_AI_REDIS_PORT ?? 4313);
const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const LAG_CEILING_MS = 50;

const COMPOSE = `mutation ($input: ComposeSquadInput!) { composeSquad(input: $input) { id } }`;
const RESULT = `query ($id: ID!) { aiJob(id: $id) { status source fallbackReason explanation completionTokens plan { solveTimeMs status } } }`;
const OPTIMIZE = `query ($input: OptimizeSquadInput!) { optimizeSquad(input: $input) { solveTimeMs status } }`;

interface Stack {
  readonly label: string;
  readonly apis: Started[];
  stop(): Promise<void>;
}

function aiEnv(fake: FakeMistral): Record<string, string> {
  const huge = '100000000';
  return {
    MISTRAL_API_KEY: fake.apiKey,
    MISTRAL_SERVER_URL: fake.url,
    MISTRAL_MAX_TOKENS: String(tokens * 2),
    AI_ANSWER_TIMEOUT_MS: '600000',
    AI_DAILY_TOKEN_BUDGET: huge,
    RATE_LIMIT_AI_PER_MINUTE: huge,
    RATE_LIMIT_AI_PER_HOUR: huge,
    METRICS_TOKEN,
    LOG_LEVEL: 'warn',
  };
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'server/dist/worker.js')], {
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: REPO,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"worker started"')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}):\n${output.slice(-2000)}`)),
    );
  });
}

async function startStack(mode: string, fake: FakeMistral): Promise<Stack> {
  const dirs = [scratchDir(`ai-${mode}-a`), scratchDir(`ai-${mode}-b`)];
  const api = (name: string, port: number, dataDir: string, extra: Record<string, string> = {}) =>
    startNode({
      name,
      args: projectArgs(path.join(REPO, 'server/dist/main.js')),
      env: { ...projectEnv({ port, dataDir }), ...aiEnv(fake), ...extra },
      port,
    });
  if (mode === 'inprocess') {
    const a = await api('ai-inprocess', BASE, dirs[0]!);
    return {
      label: 'in-process',
      apis: [a],
      async stop() {
        await a.stop();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await createScratchPostgres('ai');
  const redis = await startPrivateRedis(REDIS_PORT);
  const shared = { DATABASE_URL: scratch.url, REDIS_URL: redis.url };
  const started: Started[] = [];
  let worker: ChildProcess | undefined;
  try {
    started.push(await api('ai-redis-a', BASE + 1, dirs[0]!, shared));
    started.push(await api('ai-redis-b', BASE + 2, dirs[1]!, shared));
    worker = await startWorker({
      ...projectEnv({ port: BASE + 4, dataDir: dirs[0]! }),
      ...aiEnv(fake),
      ...shared,
      METRICS_PORT: String(BASE + 5),
    });
  } catch (error) {
    for (const process of started) await process.stop();
    await redis.stop();
    await scratch.drop();
    throw error;
  }
  return {
    label: 'Redis (2 APIs + worker)',
    apis: started,
    async stop() {
      if (worker && worker.exitCode === null) {
        const gone = new Promise((resolve) => worker!.once('exit', resolve));
        worker.kill('SIGTERM');
        await gone;
      }
      for (const process of started) await process.stop();
      await redis.stop();
      await scratch.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ceiling: the fake model's own time to stream the same N tokens, read directly. */
async function modelStreamMs(fake: FakeMistral): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${fake.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fake.apiKey}` },
    body: JSON.stringify({
      model: 'bench',
      stream: true,
      messages: [{ role: 'user', content: 'FACTS (JSON): {}' }],
    }),
  });
  await response.text();
  return performance.now() - started;
}

interface RoundResult {
  mutationMs: number;
  firstEventMs: number[];
  firstDeltaMs: number[];
  streamMs: number[];
  spreadMs: number;
  exact: number;
  failed: number;
  deltas: number;
  solveMs: number;
  modelMs: number;
  source: string;
}

async function round(
  stack: Stack,
  user: BenchUser,
  fake: FakeMistral,
  count = followerCount,
): Promise<RoundResult> {
  const modelMs = await modelStreamMs(fake);
  const wsUrls = stack.apis.map((api) => `${api.url.replace('http', 'ws')}/graphql`);
  const followers: Follower[] = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      connectFollower(wsUrls[i % wsUrls.length]!, user.token),
    ),
  );
  try {
    const sent = performance.now();
    const { composeSquad } = await graphql<{ composeSquad: { id: string } }>(
      stack.apis[0]!.url,
      COMPOSE,
      { input: { squad: { gameMode: 'RAID', size: 10 } } },
      user.token,
    );
    const mutationMs = performance.now() - sent;
    if (joinOverMs > 0) {
      followers.forEach((follower, i) => {
        setTimeout(() => follower.subscribe(composeSquad.id), (i * joinOverMs) / count);
      });
    } else for (const follower of followers) follower.subscribe(composeSquad.id);
    await untilFinished(followers, 300_000);
    const { aiJob } = await graphql<{
      aiJob: {
        status: string;
        source: string;
        explanation: string;
        plan: { solveTimeMs: number } | null;
      };
    }>(stack.apis[0]!.url, RESULT, { id: composeSquad.id }, user.token);
    const done = followers.filter((f) => f.terminalAt > 0);
    const wrong = done.find((f) => f.text !== aiJob.explanation);
    if (wrong && process.env.BENCH_AI_DEBUG === '1') {
      const want = aiJob.explanation;
      let at = 0;
      while (at < want.length && want[at] === wrong.text[at]) at += 1;
      console.error(
        `[debug] ${done.length - done.filter((f) => f.text === want).length} inexact; one has ` +
          `${wrong.text.length} chars (${wrong.deltas} deltas) for ${want.length}; first ` +
          `difference at ${at}: got ${JSON.stringify(wrong.text.slice(at, at + 60))}, ` +
          `want ${JSON.stringify(want.slice(at, at + 60))}`,
      );
    }
    const unfinished = followers.filter((f) => f.terminalAt === 0);
    if (unfinished.length > 0 && process.env.BENCH_AI_DEBUG === '1') {
      const reasons = new Map<string, number>();
      for (const f of unfinished) {
        const reason = f.failed ?? `no terminal event (${f.deltas} deltas)`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      console.error(
        `[debug] ${unfinished.length} without a terminal event: ${JSON.stringify([...reasons])}`,
      );
    }
    const terminals = done.map((f) => f.terminalAt);
    return {
      mutationMs,
      firstEventMs: done.map((f) => f.firstEventAt - sent),
      firstDeltaMs: done.filter((f) => f.firstDeltaAt > 0).map((f) => f.firstDeltaAt - sent),
      // Late subscribers get the text so far in the snapshot: measured from their first event.
      streamMs: done.map((f) => f.terminalAt - (f.firstDeltaAt || f.firstEventAt)),
      spreadMs: terminals.length ? Math.max(...terminals) - Math.min(...terminals) : Number.NaN,
      exact: done.filter((f) => f.text === aiJob.explanation).length,
      failed: followers.length - done.length,
      deltas: median(done.map((f) => f.deltas)),
      solveMs: aiJob.plan?.solveTimeMs ?? Number.NaN,
      modelMs,
      source: `${aiJob.status}/${aiJob.source}`,
    };
  } finally {
    closeAll(followers);
  }
}

async function lagP99Ms(api: Started): Promise<number> {
  const response = await fetch(`${api.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  const value = /^nodejs_eventloop_lag_p99_seconds\s+(\S+)/m.exec(text)?.[1];
  return value ? Number(value) * 1000 : Number.NaN;
}

/**
 * The event loop of the API for `solveSeconds`: with solver threads kept busy (two clients
 * sending optimizeSquad back to back), or idle (the ceiling: what the loaded machine allows).
 */
async function loopLag(api: Started, user: BenchUser, solving: boolean) {
  await lagP99Ms(api); // resets the process's histogram
  const until = performance.now() + solveSeconds * 1000;
  const solves: number[] = [];
  const solver = async () => {
    while (performance.now() < until) {
      const { optimizeSquad } = await graphql<{ optimizeSquad: { solveTimeMs: number } }>(
        api.url,
        OPTIMIZE,
        { input: { gameMode: 'ZERG', size: 50, timeLimitMs: 10_000 } },
        user.token,
      );
      solves.push(optimizeSquad.solveTimeMs);
    }
  };
  const probes: number[] = [];
  const probe = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      await graphql(api.url, '{ __typename }');
      probes.push(performance.now() - started);
      await sleep(20);
    }
  };
  await Promise.all(solving ? [solver(), solver(), probe()] : [probe()]);
  return { solves, probes, lagP99: await lagP99Ms(api) };
}

async function main(): Promise<void> {
  const fake = await startFakeMistral();
  fake.setDefault({ kind: 'text', tokens });
  const lines: string[] = [];
  const rows: string[][] = [];
  try {
    for (const mode of modes) {
      console.error(`[${mode}] starting: ${loadLine()}`);
      const stack = await startStack(mode, fake);
      try {
        const [user] = await registerUsers(stack.apis[0]!.url, 1, `ai${Date.now().toString(36)}u`);
        // Warm-up, one follower: solver threads, model client, documents.
        await round(stack, user!, fake, 1);
        const results: RoundResult[] = [];
        for (let i = 0; i < rounds; i += 1) {
          console.error(`[${mode}] round ${i + 1}/${rounds}: ${loadLine()}`);
          results.push(await round(stack, user!, fake));
        }
        const all = (pick: (r: RoundResult) => number[]) => results.flatMap(pick);
        const streamP50 = quantile(
          all((r) => r.streamMs),
          0.5,
        );
        const modelMs = median(results.map((r) => r.modelMs));
        rows.push([
          stack.label,
          fmt.ms(median(results.map((r) => r.mutationMs))),
          fmt.ms(
            quantile(
              all((r) => r.firstEventMs),
              0.5,
            ),
          ),
          fmt.ms(
            quantile(
              all((r) => r.firstDeltaMs),
              0.5,
            ),
          ),
          fmt.ms(median(results.map((r) => r.solveMs))),
          fmt.ms(modelMs),
          fmt.ms(streamP50),
          fmt.ms(
            quantile(
              all((r) => r.streamMs),
              0.99,
            ),
          ),
          `${(streamP50 / modelMs).toFixed(2)}×`,
          fmt.ms(median(results.map((r) => r.spreadMs))),
          `${results.reduce((n, r) => n + r.exact, 0)}/${results.length * followerCount}`,
          String(results.reduce((n, r) => n + r.failed, 0)),
          String(median(results.map((r) => r.deltas))),
          [...new Set(results.map((r) => r.source))].join(','),
        ]);
        if (mode === 'inprocess' || !modes.includes('inprocess')) {
          console.error(
            `[${mode}] ${solveSeconds} s idle, then ${solveSeconds} s of solving: ${loadLine()}`,
          );
          const idle = await loopLag(stack.apis[0]!, user!, false);
          const busy = await loopLag(stack.apis[0]!, user!, true);
          const describe = (label: string, lag: typeof idle) =>
            `${label}: probe { __typename } p50 ${fmt.ms(quantile(lag.probes, 0.5))} ms, ` +
            `p99 ${fmt.ms(quantile(lag.probes, 0.99))} ms over ${lag.probes.length} requests; ` +
            `nodejs_eventloop_lag_p99_seconds ${fmt.ms(lag.lagP99)} ms`;
          const verdict =
            busy.lagP99 < LAG_CEILING_MS
              ? 'under the 50 ms ceiling'
              : `over 50 ms; idle on this machine: ${fmt.ms(idle.lagP99)} ms`;
          lines.push(
            `Event loop, ${solveSeconds} s each (${stack.label}):\n` +
              `- ${describe('idle (ceiling)', idle)}\n` +
              `- ${describe(`solving (${busy.solves.length} optimizeSquad ZERG 50 solves on the solver threads, median ${fmt.ms(median(busy.solves))} ms each)`, busy)}\n` +
              `- event loop p99 while solving ${fmt.ms(busy.lagP99)} ms vs idle ${fmt.ms(idle.lagP99)} ms: ${verdict}`,
          );
        }
      } finally {
        await stack.stop();
      }
    }
  } finally {
    await fake.close();
  }
  console.log(
    `\nAI jobs: composeSquad (RAID 10, meta pool) explained by a ${tokens}-token stream from the fake Mistral, ` +
      `${followerCount} followers, ${rounds} rounds after a warm-up; ${loadLine()}\n`,
  );
  console.log(
    markdownTable(
      [
        'mode',
        'mutation ms',
        'mutation → snapshot p50',
        'mutation → first delta p50',
        'optimizer solve ms',
        'model alone ms',
        'stream p50 ms',
        'stream p99 ms',
        'stream / model',
        'last − first follower ms',
        'exact text',
        'no terminal event',
        'deltas',
        'job',
      ],
      rows,
    ),
  );
  for (const line of lines) console.log(`\n${line}`);
}

await main();
