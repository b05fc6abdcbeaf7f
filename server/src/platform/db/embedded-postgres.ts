import { mkdirSync } from 'node:fs';
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
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://');
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
