/**
 * The fan-out ceiling: bare graphql-ws + graphql-js over the project's schema with an in-memory
 * pubsub. A rename bumps the team's version with raw `pg` and reads the team row once; every
 * subscriber then executes its selection over the same plain object (the team as the project
 * answered it once, handed over by the benchmark through POST /prime) with default resolvers.
 * A subscriber gets the current state first, then every change. Sockets are checked by JWT
 * signature only. No logging, limits or hardening.
 *
 * Environment: PORT; DATABASE_URL or EMBEDDED_DATA_DIR (a copy of the project's embedded
 * database served in this process); JWT_SECRET.
 */
import http from 'node:http';
import { execute, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { attachResolvers, documentCache, projectSchema } from './schema.js';

type TeamState = Record<string, unknown> & { id: string; version: number; name: string };

/** One subscriber's queue: the latest states it has not taken yet. */
class Inbox implements AsyncIterableIterator<TeamState> {
  private readonly queued: TeamState[] = [];
  private waiting: ((result: IteratorResult<TeamState>) => void) | undefined;
  private done = false;
  constructor(private readonly onClose: () => void) {}
  push(state: TeamState): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: state, done: false });
    } else this.queued.push(state);
  }
  next(): Promise<IteratorResult<TeamState>> {
    const value = this.queued.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }
  return(): Promise<IteratorResult<TeamState>> {
    this.done = true;
    this.onClose();
    this.waiting?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }
  [Symbol.asyncIterator](): this {
    return this;
  }
}

async function main(): Promise<void> {
  let databaseUrl = process.env.DATABASE_URL;
  let closeEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: process.env.EMBEDDED_DATA_DIR });
    databaseUrl = embedded.url;
    closeEmbedded = () => embedded.close();
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: closeEmbedded ? 5 : 10 });
  const key = new TextEncoder().encode(process.env.JWT_SECRET ?? '');
  const teams = new Map<string, TeamState>();
  const subscribers = new Map<string, Set<Inbox>>();

  const schema = projectSchema();
  attachResolvers(schema, {
    Mutation: {
      updateTeam: async (_root, args) => {
        const { id, input } = args as { id: string; input: { name: string } };
        await pool.query(
          'update teams set name = $1, version = version + 1, updated_at = now() where id = $2',
          [input.name, id],
        );
        const { rows } = await pool.query<{ name: string; version: number }>(
          'select name, version from teams where id = $1',
          [id],
        );
        const state = { ...teams.get(id)!, ...rows[0]! };
        teams.set(id, state);
        for (const inbox of subscribers.get(id) ?? []) inbox.push(state);
        return state;
      },
    },
    Subscription: {
      teamUpdated: {
        subscribe: (_root, args) => {
          const { teamId } = args as { teamId: string };
          let set = subscribers.get(teamId);
          if (!set) subscribers.set(teamId, (set = new Set()));
          const members = set;
          const inbox: Inbox = new Inbox(() => members.delete(inbox));
          members.add(inbox);
          const current = teams.get(teamId);
          if (current) inbox.push(current);
          return inbox;
        },
        resolve: (state) => state,
      },
    },
  });
  const documents = documentCache(schema);

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (request.url === '/ready') return response.end('{"ready":true}');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
          query?: string;
          variables?: Record<string, unknown>;
          team?: TeamState;
        };
        if (request.url === '/prime' && body.team) {
          teams.set(body.team.id, body.team);
          return response.end('{"primed":true}');
        }
        const cached = documents(body.query ?? '');
        if (cached.errors) {
          response.statusCode = 400;
          return response.end(
            JSON.stringify({ errors: cached.errors.map((e) => ({ message: e.message })) }),
          );
        }
        const result = (await execute({
          schema,
          document: cached.document,
          variableValues: body.variables,
        })) as ExecutionResult;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(result));
      })();
    });
  });
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = String(ctx.connectionParams?.Authorization ?? '');
        try {
          await jwtVerify(authorization.replace(/^Bearer /, ''), key, { algorithms: ['HS256'] });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (_ctx, _id, payload) => {
        const cached = documents(payload.query);
        if (cached.errors) return cached.errors.map((e) => ({ message: e.message })) as never;
        return { schema, document: cached.document, variableValues: payload.variables };
      },
    },
    wsServer,
  );
  server.listen(Number(process.env.PORT ?? 4501), '127.0.0.1');

  const stop = async () => {
    for (const client of wsServer.clients) client.terminate();
    wsServer.close();
    server.close();
    await pool.end();
    await closeEmbedded?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
