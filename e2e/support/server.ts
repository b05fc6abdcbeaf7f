import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltServer {
  /** e.g. http://127.0.0.1:39123 */
  readonly baseUrl: string;
  /** Stops the server (SIGTERM) and removes its data directory; says how it exited. */
  stop(): Promise<{ exitCode: number | null; output: string }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with code ${server.exitCode}:\n${log()}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${url}/health within 180 s:\n${log()}`);
}

/**
 * Starts the built server (API, app and playground on one port) on the embedded database in a
 * fresh data directory: no external service, no language model unless `env` configures one.
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-e2e-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SENTRY_DSN', 'MISTRAL_API_KEY', 'JWT_SECRET']) {
    delete inherited[name];
  }
  let output = '';
  const server = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every spec signs players in from 127.0.0.1: the runbook's per-IP limits would stop
      // the suite, not a player. rate-limits tests cover them.
      RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
      RATE_LIMIT_GLOBAL_PER_HOUR: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      RATE_LIMIT_AUTH_PER_HOUR: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(baseUrl, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      return { exitCode: server.exitCode, output };
    },
  };
}
