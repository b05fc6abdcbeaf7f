import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL compiled to WASM) served over
 * the wire protocol on a loopback port, so MikroORM's ordinary PostgreSQL driver talks to it.
 * PGlite runs one statement at a time; the socket server queues statements per connection and
 * keeps a transaction's statements together.
 */
export interface EmbeddedPostgres {
  /** A `postgres://` URL for the in-process server (loopback only). */
  readonly url: string;
  /** Stops the socket server, then closes PGlite so its files are flushed. */
  close(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where the data lives; undefined keeps it in memory (tests). */
  readonly dataDir: string | undefined;
  readonly maxConnections?: number;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const db = await openPGlite(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 10,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  let closed = false;
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      await db.close();
    },
  };
}

/** Lines we add to postgresql.conf, marked so that each start replaces them. */
const MARK = '# gw2-embedded';
/**
 * PGlite's WASM heap grows to hold shared_buffers and never shrinks; PostgreSQL's 128 MB
 * default buffer pool is sized for a server of many connections, PGlite serves one statement
 * at a time and the OS caches its files anyway. 16 MB measured about 140 MB less RSS.
 */
const MEMORY_SETTINGS = [`shared_buffers = 16MB ${MARK}`];

/** The data dir's postgresql.conf with our settings appended (the last occurrence wins). */
function tunedConf(dataDir: string): string | undefined {
  const file = path.join(dataDir, 'postgresql.conf');
  if (!existsSync(file)) return undefined;
  const own = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.endsWith(MARK));
  return [...own, ...MEMORY_SETTINGS].join('\n');
}

/**
 * In memory for tests; on disk otherwise. A fresh data dir is initialised by one instance and
 * served by a second: initdb leaves several hundred MB in the first one's WASM heap, which is
 * released with it (first start measured 790 → 270 MB RSS before serving).
 */
async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return PGlite.create('memory://');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await (await PGlite.create(dataDir)).close();
  const postgresqlconf = tunedConf(dataDir);
  return PGlite.create(dataDir, postgresqlconf ? { postgresqlconf } : {});
}
