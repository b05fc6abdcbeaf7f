import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of a test's own (initdb under a temp dir, its own port), so fault tests
 * can stop, kill and restart it without touching the machine's server. As root the cluster
 * runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

const binDir = findBinDir();

export const privatePostgresAvailable = (() => {
  const found = binDir !== undefined;
  if (!found && process.env.CI)
    throw new Error('initdb/pg_ctl (/usr/lib/postgresql/*/bin) are required in CI');
  if (!found) console.warn('[tests] initdb is not installed: private PostgreSQL tests are skipped');
  return found;
})();

const runAsRoot = process.getuid?.() === 0;

function run(command: string, args: string[]): void {
  const [file, argv] = runAsRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(binDir!, command), ...args]]
    : [path.join(binDir!, command), args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (connections are terminated, as when an operator stops the server). */
  stop(): void;
  /** SIGKILL of the postmaster: a crash; the next start recovers from the WAL. */
  kill(): void;
  start(): void;
  /** Stops it and removes its files. */
  destroy(): void;
}

export async function startPrivatePostgres(
  options: { port?: number } = {},
): Promise<PrivatePostgres> {
  if (!binDir) throw new Error('initdb not found');
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), 'gw2-pg-'));
  const dataDir = path.join(dir, 'data');
  if (runAsRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  const stop = () => {
    spawnSync(
      runAsRoot ? 'runuser' : path.join(binDir!, 'pg_ctl'),
      [
        ...(runAsRoot ? ['-u', 'postgres', '--', path.join(binDir!, 'pg_ctl')] : []),
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
        'stop',
      ],
      { stdio: 'ignore' },
    );
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    kill() {
      const pidFile = path.join(dataDir, 'postmaster.pid');
      if (!existsSync(pidFile)) return;
      const pid = Number(execFileSync('head', ['-1', pidFile]).toString().trim());
      // The whole server at once, as an OOM kill or a power cut would: postmaster and backends.
      const children = (spawnSync('pgrep', ['-P', String(pid)]).stdout?.toString() ?? '')
        .split('\n')
        .filter(Boolean)
        .map(Number);
      for (const target of [pid, ...children]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      const alive = (target: number) => {
        try {
          process.kill(target, 0);
          return true;
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && [pid, ...children].some(alive)) {
        execFileSync('sleep', ['0.1']);
      }
      rmSync(pidFile, { force: true });
    },
    start,
    destroy() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}
