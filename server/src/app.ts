import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { createAppServices, startBackgroundWork } from './app.services.js';
import { createTransport } from './app.transport.js';
import { Cleanups } from './platform/cleanups.js';
import type { Clock } from './platform/clock.js';
import type { AppConfig } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createLogger } from './platform/logging.js';
import type { AppServices } from './services.js';

export interface App {
  readonly config: AppConfig;
  readonly fastify: FastifyInstance;
  readonly database: Database;
  readonly services: AppServices;
  readonly logger: Logger;
  /** Starts listening; resolves with the base URL (http://host:port). */
  listen(): Promise<string>;
  /**
   * Graceful shutdown: stop accepting, close websockets, let in-flight requests finish
   * (forcing them after SHUTDOWN_TIMEOUT_MS), then close the ORM, the embedded database and Redis.
   */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Where log lines go (tests capture them); stdout by default. */
  readonly logDestination?: DestinationStream;
  /**
   * Where the embedded database keeps its files. Defaults to `${DATA_DIR}/pglite`;
   * `null` keeps it in memory (tests).
   */
  readonly embeddedDataDir?: string | null;
  /** Extra routes for tests (a deliberately slow request, say). */
  readonly registerExtraRoutes?: (fastify: FastifyInstance) => void;
  /** The time for token expiry, refresh expiry and login backoff (tests move a ManualClock). */
  readonly clock?: Clock;
}

/**
 * Wires the services (app.services.ts), then the transports over them (app.transport.ts), then
 * the background work. Whatever was opened is closed in reverse order, on `close()` or when the
 * start fails halfway.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const cleanups = new Cleanups(logger);

  try {
    const wired = await createAppServices(config, logger, options, cleanups);
    const http = await createTransport(
      wired,
      { config, logger, registerExtraRoutes: options.registerExtraRoutes },
      cleanups,
    );
    const { fastify } = http;
    startBackgroundWork(config, wired, fastify.log, cleanups);

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        http.beginShutdown();
        wired.services.system.readiness.stop();
        const force = setTimeout(() => {
          logger.warn('shutdown timeout: closing remaining connections');
          fastify.server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        force.unref();
        await fastify.close();
        clearTimeout(force);
        await cleanups.runAll();
        logger.info('server stopped');
      })();
      return closing;
    };

    return {
      config,
      fastify,
      database: wired.database,
      services: wired.services,
      logger,
      async listen() {
        const address = await fastify.listen({ port: config.port, host: config.host });
        logger.info(
          { address, database: wired.database.kind, redis: Boolean(config.redisUrl) },
          'server listening',
        );
        const { port } = fastify.server.address() as AddressInfo;
        const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
        return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      },
      close,
    };
  } catch (error) {
    await cleanups.runAll();
    throw error;
  }
}
