/**
 * The HTTP ceiling: Fastify + graphql-js over the project's schema with documents parsed and
 * validated once, the catalog from @gw2/game precomputed, and the builds page read with raw
 * `pg` (the same three statements as the project: page, count, owners batched). Signed-in
 * callers are checked by JWT signature only. No logging, no limits, no hardening: the least a
 * server can do for these queries.
 *
 * Environment: PORT; DATABASE_URL, or EMBEDDED_DATA_DIR to serve a copy of the project's
 * embedded database from this process (as the project does); JWT_SECRET; POOL_SIZE.
 */
import { listProfessions, listSpecializations, getProfession } from '@gw2/game';
import DataLoader from 'dataloader';
import Fastify from 'fastify';
import { execute, type ExecutionResult } from 'graphql';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';
import { attachResolvers, documentCache, projectSchema } from './schema.js';

interface Context {
  readonly viewerId: string | null;
  readonly owners: DataLoader<string, { id: string; username: string } | null>;
}

interface BuildRow {
  id: string;
  name: string;
  chat_code: string;
  profession: string;
  owner_id: string;
  created_at: Date;
}

async function main(): Promise<void> {
  let databaseUrl = process.env.DATABASE_URL;
  let closeEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: process.env.EMBEDDED_DATA_DIR });
    databaseUrl = embedded.url;
    closeEmbedded = () => embedded.close();
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: Number(process.env.POOL_SIZE ?? (closeEmbedded ? 5 : 10)),
  });
  const key = new TextEncoder().encode(process.env.JWT_SECRET ?? '');

  const specializationsOf = new Map<
    string,
    { all: readonly unknown[]; elite: readonly unknown[]; core: readonly unknown[] }
  >(
    listProfessions().map((p) => [
      p.id,
      {
        all: listSpecializations({ profession: p.id }),
        elite: listSpecializations({ profession: p.id, elite: true }),
        core: listSpecializations({ profession: p.id, elite: false }),
      },
    ]),
  );
  const schema = projectSchema();
  attachResolvers(schema, {
    Query: {
      professions: () => listProfessions(),
      builds: async (_root, args, context) => {
        const { first } = args as { first: number };
        const { viewerId } = context as Context;
        const where = viewerId
          ? `(visibility = 'PUBLIC' or owner_id = $1)`
          : `visibility = 'PUBLIC'`;
        const params = viewerId ? [viewerId] : [];
        const page = await pool.query<BuildRow>(
          `select id, name, chat_code, profession, owner_id, created_at from builds where ${where}` +
            ` order by created_at desc, id desc limit ${Number(first) + 1}`,
          params,
        );
        const rows = page.rows.slice(0, first);
        return {
          edges: rows.map((row) => ({
            cursor: Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url'),
            node: row,
          })),
          pageInfo: { hasNextPage: page.rows.length > first, endCursor: null },
          totalCount: async () =>
            (
              await pool.query<{ n: number }>(
                `select count(*)::int as n from builds where ${where}`,
                params,
              )
            ).rows[0]!.n,
        };
      },
    },
    Profession: {
      specializations: (root, args) => {
        const { elite } = args as { elite?: boolean | null };
        const lists = specializationsOf.get((root as { id: string }).id)!;
        return elite === true ? lists.elite : elite === false ? lists.core : lists.all;
      },
    },
    BuildConnection: {
      totalCount: (root) => (root as { totalCount: () => Promise<number> }).totalCount(),
    },
    Build: {
      chatCode: (root) => (root as BuildRow).chat_code,
      profession: (root) => getProfession((root as BuildRow).profession),
      owner: (root, _args, context) =>
        (context as Context).owners.load((root as BuildRow).owner_id),
    },
  });
  const documents = documentCache(schema);

  const fastify = Fastify({ logger: false });
  fastify.get('/ready', async () => ({ ready: true }));
  fastify.post('/graphql', async (request, reply) => {
    const body = request.body as { query?: string; variables?: Record<string, unknown> };
    const cached = documents(body.query ?? '');
    if (cached.errors)
      return reply.code(400).send({ errors: cached.errors.map((e) => ({ message: e.message })) });
    let viewerId: string | null = null;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      try {
        const { payload } = await jwtVerify(authorization.slice(7), key, { algorithms: ['HS256'] });
        viewerId = typeof payload.sub === 'string' ? payload.sub : null;
      } catch {
        return reply.code(401).send({ errors: [{ message: 'invalid token' }] });
      }
    }
    const context: Context = {
      viewerId,
      owners: new DataLoader(async (ids) => {
        const { rows } = await pool.query<{ id: string; username: string }>(
          'select id, username from users where id = any($1::uuid[])',
          [ids],
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
    const result = (await execute({
      schema,
      document: cached.document,
      variableValues: body.variables,
      contextValue: context,
    })) as ExecutionResult;
    return reply.type('application/json').send(JSON.stringify(result));
  });
  await fastify.listen({ port: Number(process.env.PORT ?? 4501), host: '127.0.0.1' });

  const stop = async () => {
    await fastify.close();
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
