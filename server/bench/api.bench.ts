/**
 * `npm run bench:api`: HTTP throughput of the project against the HTTP ceiling (ceilings/
 * http-ceiling.ts), measured in the same run in interleaved rounds, on the embedded database
 * and on PostgreSQL. Prints requests per second, p50/p99 at maximum load, the ratio to the
 * ceiling, and p99 at half load (evenly paced at half the project's maximum, for both servers).
 *
 *   npm run bench:api -- [--db embedded,postgres] [--rounds 3] [--seconds 5] [--connections 32]
 *                        [--only catalog,builds,builds-signed-in]
 *
 * Needs the server built (`npm run build`); PostgreSQL at BENCH_POSTGRES_URL (default the local
 * server) for the PostgreSQL rows. Ports BENCH_BASE_PORT (4500) and the next one.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
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
  scratchDir,
  startNode,
  startProject,
  type Started,
} from './support/harness.js';
import { closedLoop, paced, type Request } from './support/load.js';
import { importBuilds, registerUsers } from './support/seed.js';

const CATALOG = `{ professions { id name specializations { id name elite } } }`;
const BUILDS_PAGE = `{ builds(first: 20) { totalCount edges { node { id name chatCode profession { name } owner { username } } } } }`;

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly request: Request;
  /** Same answer whichever database: measured once. */
  readonly databaseFree?: boolean;
}

interface Summary {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** CPU ms the server process spent per answered request at maximum load. */
  readonly cpuPerRequest: number;
}

interface Row {
  readonly scenario: string;
  readonly database: string;
  readonly project: Summary;
  readonly ceiling: Summary;
  readonly halfRate: number;
  readonly projectHalfP99: number;
  readonly ceilingHalfP99: number;
}

const options = flags(process.argv.slice(2));
const databases = (options.get('db') ?? 'embedded,postgres').split(',');
const rounds = Number(options.get('rounds') ?? 3);
const seconds = Number(options.get('seconds') ?? 5);
const connections = Number(options.get('connections') ?? 32);
const only = options.get('only')?.split(',');

function body(query: string): string {
  return JSON.stringify({ query });
}

function startCeiling(
  port: number,
  database: { url?: string; embeddedDir?: string },
): Promise<Started> {
  return startNode({
    name: 'http-ceiling',
    args: [
      '--import',
      '@swc-node/register/esm-register',
      path.join(REPO, 'server/bench/ceilings/http-ceiling.ts'),
    ],
    env: {
      SWC_NODE_PROJECT: path.join(REPO, 'server/bench/tsconfig.json'),
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET: BENCH_JWT_SECRET,
      ...(database.url
        ? { DATABASE_URL: database.url }
        : { EMBEDDED_DATA_DIR: database.embeddedDir! }),
    },
    port,
  });
}

async function measure(
  scenario: Scenario,
  database: string,
  project: Started,
  ceiling: Started,
): Promise<Row> {
  const servers = { project, ceiling };
  // Warm both (JIT, caches, connection pools).
  for (const server of [project, ceiling])
    await closedLoop(server.url, scenario.request, { connections, seconds: 2 });
  type Measured = Awaited<ReturnType<typeof closedLoop>> & { cpuPerRequest: number };
  const results = { project: [] as Measured[], ceiling: [] as Measured[] };
  for (let round = 0; round < rounds; round += 1) {
    const order =
      round % 2 === 0 ? (['project', 'ceiling'] as const) : (['ceiling', 'project'] as const);
    for (const name of order) {
      const cpuBefore = servers[name].cpuMs();
      const result = await closedLoop(servers[name].url, scenario.request, {
        connections,
        seconds,
      });
      const requests = result.rps * seconds;
      const cpuPerRequest = (servers[name].cpuMs() - cpuBefore) / Math.max(1, requests);
      results[name].push({ ...result, cpuPerRequest });
    }
  }
  const summary = (list: readonly Measured[]): Summary => ({
    rps: median(list.map((r) => r.rps)),
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
    cpuPerRequest: median(list.map((r) => r.cpuPerRequest)),
  });
  const projectSummary = summary(results.project);
  const halfRate = Math.max(1, Math.round(projectSummary.rps / 2));
  const half = { project: [] as number[], ceiling: [] as number[] };
  for (let round = 0; round < Math.max(2, rounds - 1); round += 1) {
    const order =
      round % 2 === 0 ? (['project', 'ceiling'] as const) : (['ceiling', 'project'] as const);
    for (const name of order) {
      const result = await paced(servers[name].url, scenario.request, { rate: halfRate, seconds });
      half[name].push(result.p99);
    }
  }
  return {
    scenario: scenario.label,
    database,
    project: projectSummary,
    ceiling: summary(results.ceiling),
    halfRate,
    projectHalfP99: median(half.project),
    ceilingHalfP99: median(half.ceiling),
  };
}

async function benchDatabase(database: string, includeDatabaseFree: boolean): Promise<Row[]> {
  const dataDir = scratchDir(`api-${database}`);
  const scratch = database === 'postgres' ? await createScratchPostgres('api') : undefined;
  const projectPort = BASE_PORT;
  const ceilingPort = BASE_PORT + 1;
  let project: Started | undefined;
  let ceiling: Started | undefined;
  try {
    project = await startProject({ port: projectPort, dataDir, databaseUrl: scratch?.url });
    console.error(
      `[${database}] seeding 200 public builds of 2 owners, 20 private builds of a third user`,
    );
    const users = await registerUsers(project.url, 3, `api${Date.now().toString(36)}u`);
    await importBuilds(project.url, users[0]!, 100, 'PUBLIC');
    await importBuilds(project.url, users[1]!, 100, 'PUBLIC');
    await importBuilds(project.url, users[2]!, 20, 'PRIVATE');
    const viewer = users[2]!;
    let ceilingDir: string | undefined;
    if (!scratch) {
      // The ceiling serves a copy of the same embedded files from its own process.
      await project.stop();
      ceilingDir = scratchDir('api-ceiling-db');
      rmSync(ceilingDir, { recursive: true, force: true });
      copyEmbeddedData(dataDir, ceilingDir);
      project = await startProject({ port: projectPort, dataDir });
    }
    ceiling = await startCeiling(ceilingPort, { url: scratch?.url, embeddedDir: ceilingDir });

    const scenarios: Scenario[] = [
      {
        key: 'catalog',
        label: 'catalog: `professions { id name specializations { id name elite } }`',
        request: { path: '/graphql', body: body(CATALOG) },
        databaseFree: true,
      },
      {
        key: 'builds',
        label: 'builds page (20 of 200 public, totalCount, owner)',
        request: { path: '/graphql', body: body(BUILDS_PAGE) },
      },
      {
        key: 'builds-signed-in',
        label: 'builds page, signed in (session check)',
        request: {
          path: '/graphql',
          body: body(BUILDS_PAGE),
          headers: { authorization: `Bearer ${viewer.token}` },
        },
      },
    ];
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      if (only && !only.includes(scenario.key)) continue;
      if (scenario.databaseFree && !includeDatabaseFree) continue;
      console.error(`[${database}] ${scenario.key}: ${loadLine()}`);
      rows.push(
        await measure(scenario, scenario.databaseFree ? 'none' : database, project, ceiling),
      );
    }
    const rss = project.rssMb();
    console.error(`[${database}] project RSS after the runs: ${fmt.int(rss)} MB`);
    return rows;
  } finally {
    await ceiling?.stop();
    await project?.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const startLoad = loadLine();
  const rows: Row[] = [];
  for (const [index, database] of databases.entries())
    rows.push(...(await benchDatabase(database, index === 0)));
  console.log(
    `\nbench:api — ${rounds} interleaved rounds of ${seconds} s, ${connections} connections; half load paced evenly`,
  );
  console.log(
    'CPU ratio = ceiling CPU per request ÷ project CPU per request: what the rps ratio would be on a machine with nothing else running, for servers bound by their own CPU (on PostgreSQL the database works in its own processes, the same statements for both).',
  );
  console.log(`at start: ${startLoad}; at end: ${loadLine()}\n`);
  console.log(
    markdownTable(
      [
        'query',
        'database',
        'project rps',
        'ceiling rps',
        'ratio',
        'project p50 / p99 ms',
        'ceiling p50 / p99 ms',
        'CPU ms per request project / ceiling',
        'CPU ratio',
        'half load rps',
        'project p99 at half',
        'ceiling p99 at half',
        'errors',
      ],
      rows.map((row) => [
        row.scenario,
        row.database,
        fmt.int(row.project.rps),
        fmt.int(row.ceiling.rps),
        fmt.ratio(row.project.rps / row.ceiling.rps),
        `${fmt.ms(row.project.p50)} / ${fmt.ms(row.project.p99)}`,
        `${fmt.ms(row.ceiling.p50)} / ${fmt.ms(row.ceiling.p99)}`,
        `${row.project.cpuPerRequest.toFixed(2)} / ${row.ceiling.cpuPerRequest.toFixed(2)}`,
        fmt.ratio(row.ceiling.cpuPerRequest / row.project.cpuPerRequest),
        fmt.int(row.halfRate),
        fmt.ms(row.projectHalfP99),
        fmt.ms(row.ceilingHalfP99),
        String(row.project.errors + row.ceiling.errors),
      ]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
