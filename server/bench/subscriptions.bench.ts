/**
 * `npm run bench:subscriptions`: live fan-out of `teamUpdated` against the bare ceiling
 * (ceilings/ws-ceiling.ts) in the same run: subscribers opened at a paced rate, then renames of
 * the team; each subscriber notes when the new version reached it. Modes: the embedded
 * database, PostgreSQL, and two project instances through a private redis-server (subscribers
 * split between them, the rename sent to the first). Prints delivery p50/p99 per subscriber
 * count, the mutation's own latency with no subscriber and with all of them, the achieved
 * subscribe rate, sockets reset, and the project's RSS after the clients left.
 *
 *   npm run bench:subscriptions -- [--modes embedded,postgres,redis] [--sizes 1000,5000]
 *     [--docs small,client] [--events 5] [--subscribe-rate 2500] [--rss-wait 60]
 *
 * Needs `npm run build`, PostgreSQL for the postgres/redis modes, `redis-server` on the PATH
 * for the redis mode (started privately on BENCH_REDIS_PORT, default 15500).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { print, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import {
  BASE_PORT,
  BENCH_JWT_SECRET,
  REPO,
  copyEmbeddedData,
  createScratchPostgres,
  flags,
  fmt,
  loadLine,
  markdownTable,
  median,
  quantile,
  scratchDir,
  startNode,
  startPrivateRedis,
  startProject,
  type Started,
} from './support/harness.js';
import {
  createTeamWithMembers,
  graphql,
  importBuilds,
  registerUsers,
  shareTeam,
  type BenchUser,
} from './support/seed.js';
import { Fleet } from './support/subscribers.js';

const options = flags(process.argv.slice(2));
const modes = (options.get('modes') ?? 'embedded,postgres,redis').split(',');
const sizes = (options.get('sizes') ?? '1000,5000').split(',').map(Number);
const docs = (options.get('docs') ?? 'small,client').split(',');
const eventCount = Number(options.get('events') ?? 5);
const subscribeRate = Number(options.get('subscribe-rate') ?? 2500);
const rssWaitSeconds = Number(options.get('rss-wait') ?? 60);
const REDIS_PORT = Number(process.env.BENCH_REDIS_PORT ?? 15500);

/** The app's own TeamUpdated subscription (client/src/pages/TeamPage.vue), from the generated documents. */
function clientTeamUpdated(): { subscription: string; fragments: string } {
  const source = readFileSync(path.join(REPO, 'client/src/gql/graphql.ts'), 'utf8');
  const line = source.split('\n').find((l) => l.startsWith('export const TeamUpdatedDocument = '));
  if (!line) throw new Error('TeamUpdatedDocument not found in client/src/gql/graphql.ts');
  const json = line.slice(
    'export const TeamUpdatedDocument = '.length,
    line.lastIndexOf(' as unknown as'),
  );
  const document = JSON.parse(json) as DocumentNode;
  const fragments = document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
    .map((d) => print(d))
    .join('\n');
  return { subscription: print(document), fragments };
}

const CLIENT = clientTeamUpdated();
const DOCUMENTS: Record<string, string> = {
  small: `subscription ($teamId: ID!) { teamUpdated(teamId: $teamId) { id version name } }`,
  client: CLIENT.subscription,
};
const RENAME = `mutation ($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id version } }`;

interface Target {
  readonly label: string;
  readonly wsUrls: string[];
  readonly httpUrl: string;
  readonly process: Started;
  readonly initialState: boolean;
}

interface RunResult {
  readonly target: string;
  readonly size: number;
  readonly subscribeRate: number;
  readonly p50: number;
  readonly p99: number;
  readonly missing: number;
  readonly resets: number;
  readonly mutationIdle: number;
  readonly mutationLoaded: number;
  readonly errors: string[];
}

async function rename(
  url: string,
  token: string,
  teamId: string,
  name: string,
): Promise<{ version: number; ms: number }> {
  const started = performance.now();
  const data = await graphql<{ updateTeam: { version: number } }>(
    url,
    RENAME,
    { id: teamId, input: { name } },
    token,
  );
  return { version: data.updateTeam.version, ms: performance.now() - started };
}

async function login(url: string, users: readonly BenchUser[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const user of users) {
    const data = await graphql<{ login: { accessToken: string } }>(
      url,
      `
        mutation ($input: LoginInput!) {
          login(input: $input) {
            accessToken
          }
        }
      `,
      { input: { login: user.username, password: 'bench-password-1234' } },
    );
    tokens.push(data.login.accessToken);
  }
  return tokens;
}

/** Subscribes up to each size in turn and measures `eventCount` renames at each. */
async function run(
  target: Target,
  document: string,
  users: readonly BenchUser[],
  teamId: string,
  loginUrl: string,
): Promise<RunResult[]> {
  // Fresh tokens per run (they live 15 minutes); the ceiling checks the same signature.
  const tokens = await login(loginUrl, users);
  const owner = tokens[0]!;
  const idle: number[] = [];
  for (let i = 0; i < 3; i += 1)
    idle.push((await rename(target.httpUrl, owner, teamId, `Idle ${i}`)).ms);
  const fleet = new Fleet({ urls: target.wsUrls, tokens, query: document, variables: { teamId } });
  const results: RunResult[] = [];
  try {
    for (const size of sizes) {
      const adding = size - fleet.subscribers.length;
      const started = performance.now();
      await fleet.open(adding, subscribeRate);
      const finished = await fleet.untilSubscribed(target.initialState);
      const rate = (adding / (finished - started)) * 1000;
      await sleep(1000);
      const delays: number[] = [];
      const mutations: number[] = [];
      let missing = 0;
      for (let event = 0; event < eventCount; event += 1) {
        const since = performance.now();
        const { version, ms } = await rename(
          target.httpUrl,
          owner,
          teamId,
          `Squad ${size}-${event}`,
        );
        mutations.push(ms);
        const delivered = await fleet.deliveries(version, since);
        delays.push(...delivered.delays);
        missing += delivered.missing;
        await sleep(300);
      }
      results.push({
        target: target.label,
        size,
        subscribeRate: rate,
        p50: quantile(delays, 0.5),
        p99: quantile(delays, 0.99),
        missing,
        resets: fleet.resets,
        mutationIdle: median(idle),
        mutationLoaded: median(mutations),
        errors: [...fleet.errors],
      });
      console.error(
        `  ${target.label} ${size}: p99 ${fmt.ms(quantile(delays, 0.99))} ms, subscribe ${fmt.int(rate)}/s, resets ${fleet.resets}, ${loadLine()}`,
      );
    }
  } finally {
    await fleet.close();
  }
  return results;
}

interface ModeReport {
  readonly mode: string;
  readonly document: string;
  readonly rows: RunResult[];
}

async function benchMode(mode: string): Promise<{ reports: ModeReport[]; rss: string }> {
  const dataDir = scratchDir(`subs-${mode}`);
  const scratch = mode === 'embedded' ? undefined : await createScratchPostgres('subs');
  const redis = mode === 'redis' ? await startPrivateRedis(REDIS_PORT) : undefined;
  const ports = { a: BASE_PORT + 10, b: BASE_PORT + 11, ceiling: BASE_PORT + 12 };
  const started: Started[] = [];
  try {
    const startA = () =>
      startProject({
        name: 'project-a',
        port: ports.a,
        dataDir,
        databaseUrl: scratch?.url,
        redisUrl: redis?.url,
      });
    let a = await startA();
    console.error(
      `[${mode}] seeding: 20 users, a public raid team of 10 members shared with 2 of them`,
    );
    const users = await registerUsers(a.url, 20, `sub${Date.now().toString(36)}u`);
    const builds = await importBuilds(a.url, users[0]!, 10, 'PUBLIC');
    const teamId = await createTeamWithMembers(a.url, users[0]!, {
      gameMode: 'RAID',
      size: 10,
      buildIds: builds,
    });
    await shareTeam(a.url, users[0]!, teamId, users[1]!.username, 'EDIT');
    await shareTeam(a.url, users[0]!, teamId, users[2]!.username, 'VIEW');
    const team = await graphql<{ team: Record<string, unknown> }>(
      a.url,
      `
        query ($id: ID!) {
          team(id: $id) {
            id
            ...TeamPage_team
          }
        }
        ${CLIENT.fragments}
      `,
      { id: teamId },
      users[0]!.token,
    );
    let ceilingDir: string | undefined;
    if (!scratch) {
      await a.stop();
      ceilingDir = scratchDir('subs-ceiling-db');
      rmSync(ceilingDir, { recursive: true, force: true });
      copyEmbeddedData(dataDir, ceilingDir);
      a = await startA();
    }
    started.push(a);
    const b =
      mode === 'redis'
        ? await startProject({
            name: 'project-b',
            port: ports.b,
            dataDir: scratchDir('subs-b'),
            databaseUrl: scratch?.url,
            redisUrl: redis?.url,
          })
        : undefined;
    if (b) started.push(b);
    const ceiling = await startNode({
      name: 'ws-ceiling',
      args: [
        '--import',
        '@swc-node/register/esm-register',
        path.join(REPO, 'server/bench/ceilings/ws-ceiling.ts'),
      ],
      env: {
        SWC_NODE_PROJECT: path.join(REPO, 'server/bench/tsconfig.json'),
        NODE_ENV: 'production',
        PORT: String(ports.ceiling),
        JWT_SECRET: BENCH_JWT_SECRET,
        ...(scratch ? { DATABASE_URL: scratch.url } : { EMBEDDED_DATA_DIR: ceilingDir! }),
      },
      port: ports.ceiling,
    });
    started.push(ceiling);
    await fetch(`${ceiling.url}/prime`, {
      method: 'POST',
      body: JSON.stringify({ team: team.team }),
    });

    const ws = (s: Started) => s.url.replace('http', 'ws') + '/graphql';
    const projectTarget: Target = {
      label: b ? 'project ×2 via Redis' : 'project',
      wsUrls: b ? [ws(a), ws(b)] : [ws(a)],
      httpUrl: a.url,
      process: a,
      initialState: process.env.BENCH_INITIAL_STATE !== 'false',
    };
    const ceilingTarget: Target = {
      label: 'ceiling',
      wsUrls: [ws(ceiling)],
      httpUrl: ceiling.url,
      process: ceiling,
      initialState: true,
    };
    const reports: ModeReport[] = [];
    let peak = 0;
    for (const [index, doc] of docs.entries()) {
      const order =
        index % 2 === 0 ? [projectTarget, ceilingTarget] : [ceilingTarget, projectTarget];
      const rows: RunResult[] = [];
      for (const target of order) {
        console.error(`[${mode}] ${doc} document, ${target.label}: ${loadLine()}`);
        rows.push(...(await run(target, DOCUMENTS[doc]!, users, teamId, a.url)));
        peak = Math.max(peak, a.rssMb(), b?.rssMb() ?? 0);
      }
      reports.push({ mode, document: doc, rows });
    }
    // Memory after the clients left: sampled every 10 s.
    const samples: string[] = [`peak ${fmt.int(peak)} MB`];
    for (let waited = 0; waited <= rssWaitSeconds; waited += 10) {
      samples.push(`${waited} s: ${fmt.int(a.rssMb())} MB`);
      if (waited < rssWaitSeconds) await sleep(10_000);
    }
    return { reports, rss: `${mode}: project RSS ${samples.join(', ')}` };
  } finally {
    for (const process of started.reverse()) await process.stop();
    await redis?.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const startLoad = loadLine();
  const all: ModeReport[] = [];
  const memory: string[] = [];
  for (const mode of modes) {
    const { reports, rss } = await benchMode(mode);
    all.push(...reports);
    memory.push(rss);
  }
  console.log(
    `\nbench:subscriptions — ${eventCount} renames per size, subscribers opened at ${subscribeRate}/s`,
  );
  console.log(`at start: ${startLoad}; at end: ${loadLine()}\n`);
  const rows: string[][] = [];
  for (const report of all) {
    for (const size of sizes) {
      const project = report.rows.find((r) => r.target !== 'ceiling' && r.size === size);
      const ceiling = report.rows.find((r) => r.target === 'ceiling' && r.size === size);
      if (!project || !ceiling) continue;
      rows.push([
        report.mode,
        report.document,
        fmt.int(size),
        `${fmt.ms(project.p50)} / ${fmt.ms(project.p99)}`,
        `${fmt.ms(ceiling.p50)} / ${fmt.ms(ceiling.p99)}`,
        fmt.ratio(ceiling.p99 / project.p99),
        `${fmt.ms(project.mutationIdle)} → ${fmt.ms(project.mutationLoaded)}`,
        `${fmt.int(project.subscribeRate)} / ${fmt.int(ceiling.subscribeRate)}`,
        `${project.resets} / ${ceiling.resets}`,
        `${project.missing} / ${ceiling.missing}`,
      ]);
    }
  }
  console.log(
    markdownTable(
      [
        'mode',
        'document',
        'subscribers',
        'project p50 / p99 ms',
        'ceiling p50 / p99 ms',
        'ratio (ceiling p99 ÷ project p99)',
        'project mutation ms (idle → loaded)',
        'subscribe/s project / ceiling',
        'resets',
        'missed',
      ],
      rows,
    ),
  );
  console.log('');
  for (const line of memory) console.log(line);
  const errors = all.flatMap((r) =>
    r.rows.flatMap((row) => row.errors.map((e) => `${r.mode} ${row.target}: ${e}`)),
  );
  if (errors.length > 0) console.log(`\nfirst errors:\n${errors.slice(0, 10).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
