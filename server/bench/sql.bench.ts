/**
 * `npm run bench:sql`: SQL statements per operation for the main queries, at 5 and at 50 team
 * members, counted on the built server (embedded database in memory) through the database's
 * statement observer. Every count must be the same at 5 and 50: reads are batched per request
 * (or per live change), never per member or per subscriber. server/test/teams/sql-count.test.ts
 * and fanout.test.ts assert the same.
 *
 *   npm run build && npm run bench:sql
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { BENCH_JWT_SECRET, REPO, markdownTable } from './support/harness.js';
import {
  createTeamWithMembers,
  graphql,
  importBuilds,
  registerUsers,
  shareTeam,
  type BenchUser,
} from './support/seed.js';

interface AppModule {
  createApp(
    config: unknown,
    options: { embeddedDataDir: null; logDestination: NodeJS.WritableStream },
  ): Promise<{
    listen(): Promise<string>;
    close(): Promise<void>;
    database: { observeQueries(observer: (event: { sql: string }) => void): () => void };
  }>;
}

const TEAM = `query ($id: ID!) { team(id: $id) { id version viewerAccess owner { username }
  members { id label role { key } build { id name owner { username } specializations { specialization { id name elite } } } }
  coverage { score gaps { message } } shares { access user { username } } } }`;
const TEAMS = `{ teams(first: 20) { edges { node { id name members { id build { name } } coverage { score } } } } }`;
const BUILDS = `{ builds(first: 20) { totalCount edges { node { id name chatCode profession { name } owner { username } } } } }`;
const LIVE = `subscription ($teamId: ID!) { teamUpdated(teamId: $teamId) { id version members { id label build { name owner { username } } } coverage { score } viewerAccess } }`;
const RENAME = `mutation ($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id version } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gw2-bench-sql-'));
  const { loadConfig } = (await import(path.join(REPO, 'server/dist/platform/config.js'))) as {
    loadConfig(env: Record<string, string>): unknown;
  };
  const { createApp } = (await import(path.join(REPO, 'server/dist/app.js'))) as AppModule;
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    JWT_SECRET: BENCH_JWT_SECRET,
    CLIENT_DIST_DIR: path.join(dataDir, 'none'),
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_HOUR: '100000',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
    RATE_LIMIT_GLOBAL_PER_HOUR: '100000',
  });
  const app = await createApp(config, { embeddedDataDir: null, logDestination: process.stderr });
  const url = await app.listen();
  const counted = async (work: () => Promise<unknown>): Promise<number> => {
    let count = 0;
    const stop = app.database.observeQueries(({ sql }) => {
      if (!/^select 1$/i.test(sql.trim())) count += 1;
    });
    try {
      await work();
    } finally {
      stop();
    }
    return count;
  };
  try {
    const [owner, editor, reader] = await registerUsers(url, 3, `sql${Date.now().toString(36)}u`);
    const builds = [
      ...(await importBuilds(url, owner!, 5, 'PUBLIC')),
      ...(await importBuilds(url, editor!, 5, 'PUBLIC')),
    ];
    const teams: Record<number, string> = {};
    for (const size of [5, 50]) {
      teams[size] = await createTeamWithMembers(url, owner!, {
        gameMode: 'ZERG',
        size,
        buildIds: builds,
      });
      await shareTeam(url, owner!, teams[size]!, editor!.username, 'EDIT');
    }
    const rows: string[][] = [];
    const row = async (label: string, at: (size: number) => Promise<number>) => {
      const five = await at(5);
      const fifty = await at(50);
      rows.push([label, String(five), String(fifty), five === fifty ? 'yes' : '**no**']);
    };
    const query =
      (q: string, user: BenchUser | undefined, variables: (size: number) => object) =>
      async (size: number) => {
        await graphql(url, q, variables(size) as Record<string, unknown>, user?.token); // warm the session
        return counted(() =>
          graphql(url, q, variables(size) as Record<string, unknown>, user?.token),
        );
      };
    await row(
      'team(id), deep, as owner',
      query(TEAM, owner, (size) => ({ id: teams[size] })),
    );
    await row(
      'team(id), deep, as editor',
      query(TEAM, editor, (size) => ({ id: teams[size] })),
    );
    await row(
      'team(id), deep, anonymous',
      query(TEAM, undefined, (size) => ({ id: teams[size] })),
    );
    await row(
      'teams(first: 20) with members and coverage',
      query(TEAMS, owner, () => ({})),
    );
    await row(
      'builds(first: 20) page, signed in',
      query(BUILDS, reader, () => ({})),
    );
    await row('updateTeam (rename), whole mutation', async (size) =>
      counted(() =>
        graphql(url, RENAME, { id: teams[size], input: { name: `Renamed ${size}` } }, owner!.token),
      ),
    );
    for (const subscribers of [1, 20]) {
      await row(`teamUpdated fan-out per change, ${subscribers} subscriber(s)`, async (size) => {
        const rename = (name: string) =>
          graphql<{ updateTeam: { version: number } }>(
            url,
            RENAME,
            { id: teams[size], input: { name } },
            owner!.token,
          );
        // The rename alone (no subscriber), then the rename with its deliveries: the
        // difference is what the fan-out read.
        const alone = await counted(() => rename(`Alone ${size}`));
        const sockets = await subscribe(url, [owner!, editor!, reader!], teams[size]!, subscribers);
        try {
          const withFanout = await counted(async () => {
            const { version } = (await rename(`Live ${size}`)).updateTeam;
            await Promise.all(sockets.map((socket) => socket.until(version)));
          });
          return withFanout - alone;
        } finally {
          for (const socket of sockets) socket.close();
        }
      });
    }
    console.log(
      '\nbench:sql — SQL statements per operation (the session check and readiness probes left out)\n',
    );
    console.log(markdownTable(['operation', '5 members', '50 members', 'constant'], rows));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `count` live subscribers of the team (users in turn), each resolved once its first state arrived. */
async function subscribe(url: string, users: readonly BenchUser[], teamId: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      const versions: number[] = [];
      const waiters: Array<() => void> = [];
      socket.on('open', () =>
        socket.send(
          JSON.stringify({
            type: 'connection_init',
            payload: { Authorization: `Bearer ${users[i % users.length]!.token}` },
          }),
        ),
      );
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          payload?: { data?: { teamUpdated?: { version: number } } };
        };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: LIVE, variables: { teamId } },
            }),
          );
        } else if (message.type === 'next' && message.payload?.data?.teamUpdated) {
          versions.push(message.payload.data.teamUpdated.version);
          for (const wake of waiters.splice(0)) wake();
        }
      });
      const until = async (version: number) => {
        while (!versions.some((v) => v >= version))
          await new Promise<void>((resolve) => waiters.push(resolve));
      };
      return until(1).then(() => ({ until, close: () => socket.close() }));
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
