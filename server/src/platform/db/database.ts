import path from 'node:path';
import {
  MikroORM,
  type LogContext,
  type Logger as OrmLogger,
  type LoggerNamespace,
} from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { entities } from '../../modules/entities.js';
import { migrations } from './migrations/index.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

export type DatabaseKind = 'EMBEDDED' | 'POSTGRES';

/** One executed SQL statement, as seen by observers (metrics, SQL-count tests). */
export interface QueryEvent {
  readonly sql: string;
  readonly durationMs: number;
}
export type QueryObserver = (event: QueryEvent) => void;

export interface Database {
  readonly kind: DatabaseKind;
  readonly orm: MikroORM<PostgreSqlDriver>;
  /** Registers an observer of every statement; returns the function that removes it. */
  observeQueries(observer: QueryObserver): () => void;
  /** Connections of the pool right now (for the saturation metrics). */
  poolStats(): { used: number; free: number; pending: number } | undefined;
  /** Answers `SELECT 1`; throws when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Real PostgreSQL; when absent an embedded PostgreSQL is started. */
  readonly url: string | undefined;
  /** Data directory of the embedded database; undefined keeps it in memory. */
  readonly embeddedDataDir: string | undefined;
  readonly logger: Logger;
  readonly poolSize?: number;
  /** Run pending migrations before returning (the server always does). */
  readonly migrate?: boolean;
}

/** Routes MikroORM's own messages to pino and every executed statement to the observers. */
class ObservingOrmLogger implements OrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly observers: Set<QueryObserver>,
  ) {}
  log(namespace: string, message: string): void {
    this.logger.debug({ namespace }, message);
  }
  error(namespace: string, message: string): void {
    this.logger.error({ namespace }, message);
  }
  warn(namespace: string, message: string): void {
    this.logger.warn({ namespace }, message);
  }
  logQuery(context: LogContext): void {
    if (!context.query) return;
    const event = { sql: context.query, durationMs: context.took ?? 0 };
    for (const observer of this.observers) observer(event);
  }
  setDebugMode(_debugMode: boolean | LoggerNamespace[]): void {}
  isEnabled(): boolean {
    return false;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const observers = new Set<QueryObserver>();
  let embedded: EmbeddedPostgres | undefined;
  let clientUrl = options.url;
  if (!clientUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: options.embeddedDataDir });
    clientUrl = embedded.url;
  }
  const logger = options.logger.child({ component: 'database' });
  let orm: MikroORM<PostgreSqlDriver>;
  try {
    orm = await MikroORM.init<PostgreSqlDriver>({
      driver: PostgreSqlDriver,
      clientUrl,
      entities: [...entities],
      extensions: [Migrator],
      discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
      migrations: {
        migrationsList: [...migrations],
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        path: path.join('server', 'src', 'platform', 'db', 'migrations'),
      },
      pool: { min: 0, max: options.poolSize ?? (embedded ? 5 : 10) },
      loggerFactory: () => new ObservingOrmLogger(logger, observers),
      // Work must fork an EntityManager per request/operation; the global one is a bug.
      allowGlobalContext: false,
      forceUtcTimezone: true,
      colors: false,
    });
    if (options.migrate ?? true) {
      const applied = await orm.getMigrator().up();
      if (applied.length > 0)
        logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  let closed = false;
  return {
    kind: embedded ? 'EMBEDDED' : 'POSTGRES',
    orm,
    observeQueries(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
    poolStats() {
      // knex keeps a tarn.js pool; it exists once the first connection was asked for.
      const pool = orm.em.getConnection().getKnex().client.pool as
        { numUsed(): number; numFree(): number; numPendingAcquires(): number } | undefined;
      return pool
        ? { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() }
        : undefined;
    },
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await orm.close(true);
      await embedded?.close();
    },
  };
}
