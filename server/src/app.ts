import 'reflect-metadata';
import path from 'node:path';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { AppConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { createApolloServer } from './platform/graphql/apollo.js';
import type { GraphQLContext } from './platform/graphql/context.js';
import { buildAppSchema } from './platform/graphql/schema.js';
import { attachWebSocketTransport, type WebSocketTransport } from './platform/graphql/websocket.js';
import { httpErrorHandler } from './platform/http/error-handler.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { requestIdFor } from './platform/http/request-id.js';
import { registerStaticRoutes } from './platform/http/static.routes.js';
import { createErrorReporter } from './platform/error-reporting.js';
import { registerMaintenanceSchedules, startInProcessJobs } from './platform/jobs/runner.js';
import { createLogger, runInRequestScope } from './platform/logging.js';
import { createMetrics, isAuthorizedScrape } from './platform/metrics.js';
import { createAppPubSub } from './platform/pubsub.js';
import { ReadinessMonitor, type ReadinessCheck } from './platform/readiness.js';
import { closeRedisClient, createRedisClient } from './platform/redis.js';
import type { AppServices } from './services.js';
import { AccessTokens } from './modules/accounts/access-token.js';
import { AccountService } from './modules/accounts/account.service.js';
import {
  authenticate,
  authorizationParam,
  InvalidTokenError,
} from './modules/accounts/authenticate.js';
import { bearerToken } from './modules/accounts/access-token.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Viewer } from './platform/graphql/context.js';
import { RateLimitedError } from './platform/graphql/errors.js';
import { createArmor } from './platform/security/armor.js';
import { upgradeClientIp } from './platform/security/client-ip.js';
import { fastifyCookieJar, noCookies, type CookieJar } from './platform/security/cookies.js';
import { registerHttpHardening } from './platform/security/http-hardening.js';
import { rateLimitHttpPlugin } from './platform/security/rate-limit.plugin.js';
import { createRateLimits } from './platform/security/rate-limits.js';

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
  readonly logDestination?: import('pino').DestinationStream;
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

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<App> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const cleanups: Array<() => Promise<void>> = [];
  const closeOpened = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error) => logger.error({ err: error }, 'cleanup failed'));
  };

  try {
    const database = await openDatabase({
      url: config.databaseUrl,
      embeddedDataDir:
        options.embeddedDataDir === null
          ? undefined
          : (options.embeddedDataDir ?? path.join(config.dataDir, 'pglite')),
      logger,
    });
    cleanups.push(() => database.close());

    const errorReporter = await createErrorReporter(config);
    cleanups.push(async () => void (await errorReporter.flush()));
    const metrics = createMetrics();
    database.observeQueries((query) => metrics.observeDbQuery(query.durationMs / 1000, query.sql));
    metrics.trackDbPool(() => database.poolStats());
    cleanups.push(async () => metrics.trackDbPool(undefined));

    const pubSubHandle = createAppPubSub(config.redisUrl, (error) =>
      logger.warn({ err: error }, 'pubsub: a Redis command failed (event lost)'),
    );
    cleanups.push(() => pubSubHandle.close());
    let redis: Redis | undefined;
    if (config.redisUrl) {
      const client = createRedisClient(config.redisUrl, 'commands');
      redis = client;
      cleanups.push(() => closeRedisClient(client));
    }

    const checks: ReadinessCheck[] = [{ name: 'database', probe: () => database.ping() }];
    if (redis) {
      const client = redis;
      checks.push({ name: 'redis', probe: async () => void (await client.ping()) });
    }
    const readiness = new ReadinessMonitor(
      checks,
      pubSubHandle.pubSub,
      logger.child({ component: 'readiness' }),
    );

    const clock = options.clock ?? systemClock;
    const accessTokens = new AccessTokens(config.jwtSecret, clock);
    const rateLimits = createRateLimits(config.rateLimits, redis);
    const services: AppServices = {
      pubSub: pubSubHandle.pubSub,
      metrics,
      errorReporter,
      clock,
      rateLimits,
      accounts: {
        service: new AccountService(accessTokens, clock, logger as FastifyBaseLogger),
        secureCookies: config.isProduction,
      },
      system: {
        version: config.version,
        environment: config.env,
        databaseKind: database.kind,
        redis: Boolean(config.redisUrl),
        readiness,
      },
    };

    const schema = await buildAppSchema(pubSubHandle.pubSub);
    const exposeInternals = !config.isProduction;

    const fastify = Fastify({
      loggerInstance: logger as FastifyBaseLogger,
      bodyLimit: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      genReqId: requestIdFor,
      logController: new LogController({ requestIdLogLabel: 'req_id' }),
      return503OnClosing: true,
      forceCloseConnections: 'idle',
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      runInRequestScope({ reqId: request.id, log: request.log }, done);
    });
    fastify.addHook('onResponse', async (request, reply) => {
      metrics.observeHttp(
        request.method,
        request.routeOptions.url,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    });
    fastify.setErrorHandler<import('fastify').FastifyError>((error, request, reply) => {
      if ((error.statusCode ?? 500) >= 500) errorReporter.report(error, { reqId: request.id });
      return httpErrorHandler(error, request, reply);
    });
    await registerHttpHardening(fastify, {
      isProduction: config.isProduction,
      corsOrigins: config.corsOrigins,
      rateLimits,
      // Signature and expiry only (no database): enough to key the limit by user.
      identify: async (request) => {
        const token = bearerToken(request.headers.authorization);
        if (!token) return undefined;
        const verified = await accessTokens.verify(token);
        return verified.ok ? verified.claims.userId : undefined;
      },
    });
    // While shutting down, in-flight responses ask the client to close its keep-alive
    // connection, so the server is not held open by sockets that just went idle.
    let shuttingDown = false;
    fastify.addHook('onSend', async (_request, reply) => {
      if (shuttingDown) void reply.header('connection', 'close');
    });
    fastify.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
      if (!isAuthorizedScrape(request.headers.authorization, config.metricsToken)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send('unauthorized\n');
      }
      return reply.type(metrics.contentType).send(await metrics.render());
    });

    const createContext = async (input: {
      reqId: string;
      log: FastifyBaseLogger;
      ip: string;
      viewer: Viewer | null;
      em?: import('@mikro-orm/postgresql').EntityManager;
      cookies: CookieJar;
    }): Promise<GraphQLContext> => ({
      reqId: input.reqId,
      log: input.log,
      ip: input.ip,
      em: input.em ?? database.orm.em.fork(),
      viewer: input.viewer,
      services,
      cookies: input.cookies,
    });
    // An invalid bearer token fails the request (401) instead of running it anonymously.
    const httpViewer = async (
      authorization: unknown,
      em: import('@mikro-orm/postgresql').EntityManager,
    ) => {
      const result = await authenticate(authorization, {
        tokens: accessTokens,
        accounts: services.accounts.service,
        em,
      });
      if (!result.ok) throw new InvalidTokenError(result.reason);
      return result.viewer;
    };
    // The viewer of each socket, decided once at connection_init.
    const socketViewers = new WeakMap<import('node:http').IncomingMessage, Viewer | null>();

    const armor = createArmor({ exposeLimits: exposeInternals });
    const apollo = await createApolloServer({
      schema,
      introspection: config.introspection,
      exposeInternals,
      metrics,
      errorReporter,
      plugins: [...armor.plugins, rateLimitHttpPlugin<GraphQLContext>()],
      validationRules: armor.validationRules,
      parseOptions: armor.parseOptions,
    });
    cleanups.push(() => apollo.stop());
    fastify.route({
      url: '/graphql',
      method: ['GET', 'POST', 'OPTIONS'],
      handler: fastifyApolloHandler(apollo, {
        context: async (request, reply) => {
          const em = database.orm.em.fork();
          return createContext({
            reqId: request.id,
            log: request.log,
            ip: request.ip,
            em,
            viewer: await httpViewer(request.headers.authorization, em),
            cookies: fastifyCookieJar(request, reply),
          });
        },
      }),
    });

    let websockets: WebSocketTransport | undefined;
    fastify.addHook('onReady', async () => {
      websockets = attachWebSocketTransport({
        server: fastify.server,
        schema,
        exposeInternals,
        metrics,
        validationRules: armor.validationRules,
        onConnect: async (request, connectionParams) => {
          const ip = upgradeClientIp(request, config.trustProxy);
          try {
            await rateLimits.consume('global', `ip:${ip}`);
          } catch (error) {
            if (error instanceof RateLimitedError)
              return { code: 4429, reason: 'Too many requests' };
            throw error;
          }
          const result = await authenticate(authorizationParam(connectionParams), {
            tokens: accessTokens,
            accounts: services.accounts.service,
            em: database.orm.em.fork(),
          });
          if (!result.ok)
            return {
              code: 4401,
              reason: result.reason === 'expired' ? 'Token expired' : 'Unauthorized',
            };
          socketViewers.set(request, result.viewer);
          return null;
        },
        createContext: async (request) => {
          const reqId = requestIdFor(request);
          return createContext({
            reqId,
            log: logger.child({ req_id: reqId, transport: 'websocket' }),
            ip: upgradeClientIp(request, config.trustProxy),
            viewer: socketViewers.get(request) ?? null,
            cookies: noCookies,
          });
        },
      });
    });
    // Upgraded sockets would hold the HTTP server open: close them before it waits for requests.
    fastify.addHook('preClose', async () => {
      await websockets?.close();
    });

    registerHealthRoutes(fastify, readiness);
    options.registerExtraRoutes?.(fastify);
    await registerStaticRoutes(fastify, config.clientDistDir);
    await fastify.ready();
    readiness.start();
    cleanups.push(async () => readiness.stop());

    // Housekeeping jobs: timers here without Redis; with Redis the schedule goes to BullMQ and
    // `npm run worker` processes it (every instance upserts the same schedulers: idempotent).
    if (config.redisUrl) {
      const schedules = registerMaintenanceSchedules(
        config.redisUrl,
        config.jobQueuePrefix,
        (error) => logger.error({ err: error }, 'could not register the job schedules'),
      );
      cleanups.push(async () => schedules.stop());
    } else {
      const jobs = startInProcessJobs({
        orm: database.orm,
        logger: fastify.log,
        now: () => clock.now(),
      });
      cleanups.push(() => jobs.close());
    }

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        shuttingDown = true;
        readiness.stop();
        const force = setTimeout(() => {
          logger.warn('shutdown timeout: closing remaining connections');
          fastify.server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        force.unref();
        await fastify.close();
        clearTimeout(force);
        await closeOpened();
        logger.info('server stopped');
      })();
      return closing;
    };

    return {
      config,
      fastify,
      database,
      services,
      logger,
      async listen() {
        const address = await fastify.listen({ port: config.port, host: config.host });
        logger.info(
          { address, database: database.kind, redis: Boolean(config.redisUrl) },
          'server listening',
        );
        const { port } = fastify.server.address() as import('node:net').AddressInfo;
        const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
        return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      },
      close,
    };
  } catch (error) {
    await closeOpened();
    throw error;
  }
}
