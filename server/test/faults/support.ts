import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_ENTRY = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Limits that would otherwise answer a write loop by themselves (they are tested elsewhere). */
export const UNLIMITED = {
  RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
  RATE_LIMIT_GLOBAL_PER_HOUR: '1000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
  RATE_LIMIT_AUTH_PER_HOUR: '1000000',
};

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
  readonly lines: string[];
  kill(): Promise<void>;
}

/**
 * `npm start` as a real process (the built dist/main.js), so it can be killed with SIGKILL.
 * Resolves with its URL once it logs that it listens; rejects if it exits first.
 */
export async function spawnServer(
  env: Record<string, string>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: npm run build first`);
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      JWT_SECRET,
      CLIENT_DIST_DIR: path.join(env.DATA_DIR ?? '/nonexistent', 'no-client'),
      ...UNLIMITED,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 2000) lines.shift();
        const match = /"address":"(http:\/\/[^"]+)".*"server listening"/.exec(line);
        if (match) resolve(match[1]!);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    void exited.then(() =>
      reject(new Error(`server exited before listening:\n${lines.slice(-20).join('\n')}`)),
    );
  });
  return {
    child,
    url,
    exited,
    lines,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface GraphQLAnswer<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One POST to /graphql; a dropped connection answers status 0 (not acknowledged). */
export async function gql<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLAnswer<T>> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
    return { status: response.status, ...body };
  } catch {
    return { status: 0 };
  }
}

export const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`;
export const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
export const CREATE_BUILD = `mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }`;
export const MY_BUILDS = `query ($after: String) { builds(first: 100, after: $after, filter: { owner: ME }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

/** Every id of the caller's builds, page by page. */
export async function myBuildIds(url: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page: GraphQLAnswer<{
      builds: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }> = await gql(url, MY_BUILDS, { after }, token);
    if (!page.data) throw new Error(`builds: ${JSON.stringify(page.errors)}`);
    for (const edge of page.data.builds.edges) ids.add(edge.node.id);
    if (!page.data.builds.pageInfo.hasNextPage) return ids;
    after = page.data.builds.pageInfo.endCursor;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A line of figures, easy to grep from CI output. */
export function figures(name: string, values: Record<string, string | number>): string {
  const line = `[faults] ${name}: ${Object.entries(values)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ')}`;
  // eslint-disable-next-line no-console -- the figures are this harness's output
  console.log(line);
  return line;
}
