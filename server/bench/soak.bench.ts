/**
 * npm run soak: the built server (embedded database, fresh data dir) under N minutes of mixed
 * load at a fixed rate. Every 10 s: RSS, V8 heap, event-loop lag (p99) and the error rate go
 * into a CSV; at the end a summary and a PNG plot (an SVG rendered by the machine's chromium).
 *
 *   SOAK_MINUTES=30 SOAK_RATE=40 SOAK_OUT=docs/soak npm run soak
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CREATE_BUILD, LOGIN, REGISTER, gql, sleep, spawnServer } from '../test/faults/support.js';
import { renderPlot, type Sample } from './support/soak-plot.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 40);
const OUT = path.resolve(process.env.SOAK_OUT ?? 'docs/soak');
const SAMPLE_MS = 10_000;
const USERS = 20;
const METRICS_TOKEN = 'soak-metrics-token-0123456789';

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id version } }`;
const RENAME_TEAM = `mutation ($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id version } }`;
const ADD_MEMBER = `mutation ($teamId: ID!, $input: AddTeamMemberInput!) { addTeamMember(teamId: $teamId, input: $input) { id version } }`;
const TEAM = `query ($id: ID!) { team(id: $id) { id name version members { id playerName } coverage { score } } }`;
const BUILDS = `{ builds(first: 20) { edges { node { id name profession chatCode owner { username } } } } }`;
const CATALOG = `{ professions { name specializations { name elite } } }`;
const LIVE = `subscription ($teamId: ID!) { teamUpdated(teamId: $teamId) { id version name } }`;

interface Player {
  readonly username: string;
  readonly password: string;
  token: string;
  teams: string[];
  builds: string[];
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-soak-'));
  const started = Date.now();
  const server = await spawnServer({
    DATA_DIR: dataDir,
    // As in production (one access-log line per request); the harness reads "server listening".
    LOG_LEVEL: 'info',
    METRICS_TOKEN,
    RATE_LIMIT_AI_PER_MINUTE: '1000',
  });
  const pid = server.child.pid!;
  console.log(
    `[soak] server pid ${pid} at ${server.url}, first start ${((Date.now() - started) / 1000).toFixed(1)} s, RSS ${rssMb(pid).toFixed(0)} MB`,
  );
  const { url } = server;

  const players: Player[] = [];
  for (let index = 0; index < USERS; index++) {
    const username = `soak_${index}_${Date.now() % 100000}`;
    const password = `correct horse soak ${index}`;
    const registered = await gql<{ register: { accessToken: string } }>(url, REGISTER, {
      input: { username, email: `${username}@example.test`, password },
    });
    players.push({
      username,
      password,
      token: registered.data!.register.accessToken,
      teams: [],
      builds: [],
    });
  }

  let requests = 0;
  let errors = 0;
  let serverErrors = 0;
  const latencies: number[] = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

  const sockets: Array<{ dispose(): void }> = [];
  const operations: Array<
    [number, (player: Player) => Promise<{ status: number; errors?: unknown[] }>]
  > = [
    [20, () => gql(url, BUILDS)],
    [8, () => gql(url, CATALOG)],
    [
      12,
      (p) => (p.teams.length ? gql(url, TEAM, { id: pick(p.teams) }, p.token) : gql(url, BUILDS)),
    ],
    [
      15,
      async (p) => {
        const answer = await gql<{ createBuild: { id: string } }>(
          url,
          CREATE_BUILD,
          {
            input: {
              name: `b${requests}`,
              profession: pick(['Guardian', 'Warrior', 'Necromancer']),
            },
          },
          p.token,
        );
        if (answer.data?.createBuild && p.builds.length < 50)
          p.builds.push(answer.data.createBuild.id);
        return answer;
      },
    ],
    [
      6,
      async (p) => {
        const answer = await gql<{ createTeam: { id: string } }>(
          url,
          CREATE_TEAM,
          { input: { name: `t${requests}`, gameMode: 'RAID', size: 10, visibility: 'PUBLIC' } },
          p.token,
        );
        if (answer.data?.createTeam && p.teams.length < 20) p.teams.push(answer.data.createTeam.id);
        return answer;
      },
    ],
    [
      10,
      (p) =>
        p.teams.length
          ? gql(url, RENAME_TEAM, { id: pick(p.teams), input: { name: `r${requests}` } }, p.token)
          : gql(url, BUILDS),
    ],
    [
      8,
      (p) =>
        p.teams.length && p.builds.length
          ? gql(
              url,
              ADD_MEMBER,
              {
                teamId: pick(p.teams),
                input: { buildId: pick(p.builds), playerName: `m${requests}` },
              },
              p.token,
            )
          : gql(url, BUILDS),
    ],
    [
      3,
      async (p) => {
        const answer = await gql<{ login: { accessToken: string } }>(url, LOGIN, {
          input: { login: p.username, password: p.password },
        });
        if (answer.data?.login) p.token = answer.data.login.accessToken;
        return answer;
      },
    ],
    [
      5,
      (p) =>
        gql(
          url,
          CREATE_BUILD,
          { input: { name: 'bad\u0000name', profession: 'Guardian' } },
          p.token,
        ),
    ],
    // Subscribers come and go: at most 40 open at once.
    [
      4,
      async (p) => {
        if (!p.teams.length) return { status: 200 };
        if (sockets.length >= 40) sockets.shift()!.dispose();
        const client = createClient({
          url: `${url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { Authorization: `Bearer ${p.token}` },
          retryAttempts: 0,
        });
        client.subscribe(
          { query: LIVE, variables: { teamId: pick(p.teams) } },
          { next: () => {}, error: () => {}, complete: () => {} },
        );
        sockets.push(client);
        return { status: 200 };
      },
    ],
  ];
  const totalWeight = operations.reduce((sum, [weight]) => sum + weight, 0);
  const chooseOperation = () => {
    let roll = Math.random() * totalWeight;
    for (const [weight, run] of operations) {
      roll -= weight;
      if (roll <= 0) return run;
    }
    return operations[0]![1];
  };
  // Expected refusals (the NUL names) are not errors of the server.
  const fire = async () => {
    const began = performance.now();
    const answer = await chooseOperation()(pick(players));
    latencies.push(performance.now() - began);
    requests++;
    if (answer.status === 0 || answer.status >= 500) serverErrors++;
    const unexpected = (
      answer.errors as Array<{ extensions?: { code?: string } }> | undefined
    )?.some((error) => error.extensions?.code !== 'BAD_USER_INPUT');
    if (unexpected || answer.status === 0 || answer.status >= 500) errors++;
  };

  const samples: Sample[] = [];
  const csv = path.join(OUT, 'soak.csv');
  writeFileSync(
    csv,
    'elapsed_s,rss_mb,heap_used_mb,heap_total_mb,external_mb,event_loop_lag_p99_ms,requests,error_rate,server_errors,p99_latency_ms\n',
  );
  const sample = async (elapsed: number, windowRequests: number, windowErrors: number) => {
    const response = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const text = await response.text();
    const sorted = latencies.splice(0).sort((a, b) => a - b);
    const row: Sample = {
      elapsed,
      rssMb: rssMb(pid),
      heapUsedMb: metric(text, 'nodejs_heap_size_used_bytes') / 1048576,
      heapTotalMb: metric(text, 'nodejs_heap_size_total_bytes') / 1048576,
      externalMb: metric(text, 'nodejs_external_memory_bytes') / 1048576,
      lagP99Ms: metric(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
      requests: windowRequests,
      errorRate: windowRequests ? windowErrors / windowRequests : 0,
      serverErrors,
      p99LatencyMs: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    };
    samples.push(row);
    writeFileSync(
      csv,
      [
        row.elapsed,
        row.rssMb,
        row.heapUsedMb,
        row.heapTotalMb,
        row.externalMb,
        row.lagP99Ms,
        row.requests,
        row.errorRate,
        row.serverErrors,
        row.p99LatencyMs,
      ]
        .map((value) => (Number.isInteger(value) ? String(value) : value.toFixed(3)))
        .join(',') + '\n',
      { flag: 'a' },
    );
    console.log(
      `[soak] ${elapsed}s rss ${row.rssMb.toFixed(0)} MB heap ${row.heapUsedMb.toFixed(0)} MB lag p99 ${row.lagP99Ms.toFixed(1)} ms ${windowRequests} req errors ${(row.errorRate * 100).toFixed(2)} %`,
    );
  };

  const loadStart = Date.now();
  const end = loadStart + MINUTES * 60_000;
  let nextSample = loadStart;
  let windowRequests = 0;
  let windowErrors = 0;
  const inFlight = new Set<Promise<void>>();
  for (let tick = 0; Date.now() < end; tick++) {
    const due = loadStart + (tick * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    if (Date.now() >= nextSample) {
      await sample(
        Math.round((Date.now() - loadStart) / 1000),
        requests - windowRequests,
        errors - windowErrors,
      );
      windowRequests = requests;
      windowErrors = errors;
      nextSample += SAMPLE_MS;
    }
    // Fixed rate: a slow answer does not slow the offered load (bounded in flight).
    if (inFlight.size < 200) {
      const running: Promise<void> = fire().finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
  }
  await Promise.all(inFlight);
  await sample(
    Math.round((Date.now() - loadStart) / 1000),
    requests - windowRequests,
    errors - windowErrors,
  );
  for (const socket of sockets) socket.dispose();
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });

  const afterWarmup = samples.filter((row) => row.elapsed >= 120);
  const steady = afterWarmup.length > 1 ? afterWarmup : samples;
  const rss = steady.map((row) => row.rssMb);
  const summary = {
    minutes: MINUTES,
    ratePerSecond: RATE,
    requests,
    errors,
    serverErrors,
    errorRate: requests ? errors / requests : 0,
    rssMb: {
      first: samples[0]!.rssMb,
      min: Math.min(...rss),
      max: Math.max(...rss),
      last: rss.at(-1)!,
    },
    heapUsedMb: {
      max: Math.max(...samples.map((row) => row.heapUsedMb)),
      last: samples.at(-1)!.heapUsedMb,
    },
    rssSlopeMbPerHourAfter2Min: slope(steady.map((row) => [row.elapsed / 3600, row.rssMb])),
    heapSlopeMbPerHourAfter2Min: slope(steady.map((row) => [row.elapsed / 3600, row.heapUsedMb])),
    lagP99MsMax: Math.max(...samples.map((row) => row.lagP99Ms)),
  };
  writeFileSync(path.join(OUT, 'soak-summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const svg = renderPlot(samples, `Soak: ${MINUTES} min at ${RATE} req/s (embedded database)`);
  const svgFile = path.join(OUT, 'soak.svg');
  writeFileSync(svgFile, svg);
  execFileSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--screenshot=${path.join(OUT, 'soak.png')}`,
      '--window-size=1000,640',
      `file://${svgFile}`,
    ],
    { stdio: 'ignore' },
  );
  rmSync(svgFile);
  console.log(`[soak] summary ${JSON.stringify(summary)}`);
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
