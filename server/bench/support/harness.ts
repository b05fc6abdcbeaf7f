/**
 * What every benchmark needs around the load itself: processes it starts and stops, scratch
 * PostgreSQL databases, a private redis-server, the machine's load and a table printer.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SERVER_MAIN = path.join(REPO, 'server', 'dist', 'main.js');
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789';
/** Where benchmark servers listen: the range this benchmark may use on a shared machine. */
export const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 4500);
const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function loadLine(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return `load average ${one} ${five} ${fifteen} (${cpus().length} cores)`;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `gw2-bench-${prefix}-`));
}

export interface Started {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Resident set size in MB, from /proc. */
  rssMb(): number;
  /** CPU time (user + system) the process used so far, in ms (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system) of a process in ms, from /proc/<pid>/stat. On a shared machine a
 * server's throughput depends on the CPU it is given; the CPU it spends per request does not.
 */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `node args` with `env` and waits until `readyPath` answers 200. Output goes to a log
 * file under the system temp folder (printed when the process fails to start).
 */
export async function startNode(options: {
  name: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<Started> {
  const logFile = path.join(tmpdir(), `gw2-bench-${options.name}-${options.port}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, options.args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', out, out],
    cwd: REPO,
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) {
      throw new Error(`${options.name} exited (${exited}) before it was ready:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready in time:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/ready'}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    name: options.name,
    url,
    child,
    rssMb: () => rssOf(child.pid),
    cpuMs: () => cpuMsOf(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The environment of a project instance under load: production, limits out of the way. */
export function projectEnv(options: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
}): Record<string, string> {
  const huge = '100000000';
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    JWT_SECRET: BENCH_JWT_SECRET,
    CLIENT_DIST_DIR: path.join(options.dataDir, 'no-client'),
    RATE_LIMIT_GLOBAL_PER_MINUTE: huge,
    RATE_LIMIT_GLOBAL_PER_HOUR: huge,
    RATE_LIMIT_AUTH_PER_MINUTE: huge,
    RATE_LIMIT_AUTH_PER_HOUR: huge,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  };
}

/** Node's arguments to run the project's `main`: BENCH_PROFILE_DIR=dir adds a CPU profile. */
export function projectArgs(main: string): string[] {
  const profile = process.env.BENCH_PROFILE_DIR;
  return [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), main];
}

export function startProject(options: {
  name?: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  serverMain?: string;
}): Promise<Started> {
  return startNode({
    name: options.name ?? 'project',
    args: projectArgs(options.serverMain ?? process.env.BENCH_SERVER_MAIN ?? SERVER_MAIN),
    env: projectEnv(options),
    port: options.port,
  });
}

/** The project's embedded database files, copied so a ceiling can serve the same rows. */
export function copyEmbeddedData(fromDataDir: string, toDir: string): void {
  cpSync(path.join(fromDataDir, 'pglite'), toDir, { recursive: true });
}

export interface ScratchPostgres {
  readonly url: string;
  drop(): Promise<void>;
}

/** A database of its own on the machine's PostgreSQL, dropped afterwards. */
export async function createScratchPostgres(label: string): Promise<ScratchPostgres> {
  const name = `bench_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** A redis-server of its own (no persistence), so nothing shared is touched. */
export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  const dir = scratchDir('redis');
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  const { Redis } = await import('ioredis');
  for (let attempt = 0; ; attempt += 1) {
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (error) {
      probe.disconnect();
      if (attempt > 50) throw error;
      await sleep(100);
    }
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The q-quantile (0..1) of samples, nearest rank. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A Markdown table (so the output pastes into docs/PERFORMANCE.md as it is). */
export function markdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (value: number) =>
    Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-',
  ms: (value: number) =>
    Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '-',
  ratio: (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-'),
};

/** Parses `--name value` flags. */
export function flags(argv: readonly string[]): Map<string, string> {
  const parsed = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) parsed.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--'))
      parsed.set(name, argv[++i]!);
    else parsed.set(name, 'true');
  }
  return parsed;
}
