import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type App, type CreateAppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';

export type DatabaseTarget = 'embedded' | 'postgres';

export interface TestServer {
  readonly app: App;
  readonly url: string;
  /** Every log line written so far, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Every log line as written (for "no secret in any line" checks). */
  readonly rawLogs: string[];
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLHttpResult<T>>;
  websocket(connectionParams?: Record<string, unknown>): WsClient;
  close(): Promise<void>;
}

export interface GraphQLHttpResult<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  };
}

export interface TestServerOptions extends Pick<CreateAppOptions, 'registerExtraRoutes' | 'clock'> {
  readonly database?: DatabaseTarget;
  /** Reuse a database (a second instance on the same data). */
  readonly databaseUrl?: string;
  readonly embeddedDataDir?: string;
  readonly env?: Record<string, string>;
}

/** Starts the real server (real database, real HTTP and websocket) on an ephemeral port. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-test-'));
  let scratch: ScratchDatabase | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl && options.database === 'postgres') {
    scratch = await createScratchDatabase('server');
    databaseUrl = scratch.url;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    CLIENT_DIST_DIR: path.join(dataDir, 'no-client'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        rawLogs.push(line);
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const app = await createApp(config, {
    logDestination: destination,
    embeddedDataDir: options.embeddedDataDir ?? null,
    registerExtraRoutes: options.registerExtraRoutes,
    clock: options.clock,
  });
  const url = await app.listen();
  const sockets: WsClient[] = [];

  return {
    app,
    url,
    logs,
    rawLogs,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLHttpResult<never>['body'],
      };
    },
    websocket(connectionParams) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams,
        lazy: true,
        retryAttempts: 0,
      });
      sockets.push(client);
      return client;
    },
    async close() {
      await Promise.all(sockets.map((socket) => socket.dispose()));
      await app.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects the first `count` results of a subscription. */
export function takeFromSubscription<T>(
  client: WsClient,
  query: string,
  count: number,
  variables?: Record<string, unknown>,
) {
  return new Promise<Array<{ data?: T | null; errors?: unknown[] }>>((resolve, reject) => {
    const results: Array<{ data?: T | null; errors?: unknown[] }> = [];
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          results.push(value as { data?: T | null; errors?: unknown[] });
          if (results.length >= count) {
            unsubscribe();
            resolve(results);
          }
        },
        error: reject,
        complete: () => resolve(results),
      },
    );
  });
}
