import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AccessTokens } from './modules/accounts/access-token.js';
import { AccountService } from './modules/accounts/account.service.js';
import { SessionCache } from './modules/accounts/session-cache.js';
import { TeamLive } from './modules/teams/team.live.js';
import type { Cleanups } from './platform/cleanups.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { createErrorReporter } from './platform/error-reporting.js';
import { maintenanceJobs } from './platform/jobs/maintenance.js';
import { registerMaintenanceSchedules, startInProcessJobs } from './platform/jobs/runner.js';
import {
  createLearningPipeline,
  learningPipelineJob,
  pipelineSchedule,
} from './modules/meta/meta.jobs.js';
import { createMetrics } from './platform/metrics.js';
import { createAppPubSub } from './platform/pubsub.js';
import { ReadinessMonitor, type ReadinessCheck } from './platform/readiness.js';
import { closeRedisClient, createRedisClient, failFastOnceReady } from './platform/redis.js';
import { createRateLimits } from './platform/security/rate-limits.js';
import { createSolverPool } from './platform/solver/solver-pool.js';
import { createAiServices, type AiWiring } from './modules/ai/ai.services.js';
import type { AppServices } from './services.js';

export interface AppServicesOptions {
  /** See CreateAppOptions.embeddedDataDir. */
  readonly embeddedDataDir?: string | null;
  readonly clock?: Clock;
}

/** What the transports need besides the services resolvers see. */
export interface WiredServices {
  readonly database: Database;
  readonly services: AppServices;
  /** Verifies access tokens: the viewer of a request or socket, the key of its rate limit. */
  readonly accessTokens: AccessTokens;
  /** The AI assistant's queue and logs (see startBackgroundWork). */
  readonly ai: AiWiring;
}

/**
 * Opens the infrastructure (database, error reporter, metrics, pubsub, Redis) and builds the
 * services resolvers use. Every resource registers its cleanup as soon as it is open.
 *
 * To add a service: open what it needs here, register its cleanup with `cleanups.add` right
 * after, add it to {@link AppServices} (services.ts) and to the object below. Work that must
 * wait until the server is ready (workers, timers) starts in {@link startBackgroundWork}.
 */
export async function createAppServices(
  config: AppConfig,
  logger: Logger,
  options: AppServicesOptions,
  cleanups: Cleanups,
): Promise<WiredServices> {
  const database = await openDatabase({
    url: config.databaseUrl,
    embeddedDataDir:
      options.embeddedDataDir === null
        ? undefined
        : (options.embeddedDataDir ?? path.join(config.dataDir, 'pglite')),
    logger,
  });
  cleanups.add(() => database.close());

  const errorReporter = await createErrorReporter(config);
  cleanups.add(async () => void (await errorReporter.flush()));
  const metrics = createMetrics();
  database.observeQueries((query) => metrics.observeDbQuery(query.durationMs / 1000, query.sql));
  metrics.trackDbPool(() => database.poolStats());
  cleanups.add(() => metrics.trackDbPool(undefined));

  const pubSubHandle = createAppPubSub(config.redisUrl, (error) =>
    logger.warn({ err: error }, 'pubsub: a Redis command failed (event lost)'),
  );
  cleanups.add(() => pubSubHandle.close());
  let redis: Redis | undefined;
  if (config.redisUrl) {
    // Limits and probes: during an outage commands fail at once (the limits count in memory
    // meanwhile); a Redis that stopped answering fails them after 2 s.
    const client = failFastOnceReady(
      createRedisClient(config.redisUrl, 'commands', { commandTimeout: 2000 }),
    );
    redis = client;
    cleanups.add(() => closeRedisClient(client));
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

  const teamLive = new TeamLive({
    pubSub: pubSubHandle.pubSub,
    run: (sql, params) => database.orm.em.getConnection().execute(sql, [...params]),
    isLive: () => pubSubHandle.isLive(),
    onError: (error) => logger.error({ err: error }, 'live teams: reading a team failed'),
  });
  const clock = options.clock ?? systemClock;
  const sessions = new SessionCache({
    pubSub: pubSubHandle.pubSub,
    isLive: () => pubSubHandle.isLive(),
    now: () => clock.now().getTime(),
    onError: (error) => logger.error({ err: error }, 'sessions: a revocation was not applied'),
  });
  // Events published while Redis was unreachable were missed: read every live team again and
  // forget every remembered session (a revocation may be among them).
  const stopResync = pubSubHandle.onResumed(() => {
    sessions.clear();
    teamLive.resync();
  });
  cleanups.add(async () => {
    stopResync();
    teamLive.close();
    sessions.close();
  });

  const accessTokens = new AccessTokens(config.jwtSecret, clock);
  const solver = createSolverPool({ threads: config.solverThreads });
  cleanups.add(() => solver.close());
  const ai = createAiServices({
    config,
    orm: database.orm,
    metrics,
    clock,
    logger,
    solver,
    redis,
    drainMs: config.shutdownTimeoutMs,
  });
  cleanups.add(() => ai.close());
  const services: AppServices = {
    pubSub: pubSubHandle.pubSub,
    metrics,
    errorReporter,
    clock,
    rateLimits: createRateLimits(config.rateLimits, redis),
    teamLive,
    meta: {
      pipeline: createLearningPipeline({
        config,
        orm: database.orm,
        metrics,
        errorReporter,
        logger,
        now: () => clock.now(),
      }),
      minSample: config.learningPipeline.minSample,
    },
    solver,
    ai: ai.services,
    accounts: {
      service: new AccountService(
        accessTokens,
        clock,
        logger as FastifyBaseLogger,
        sessions,
        config.adminUsernames,
      ),
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
  return { database, services, accessTokens, ai };
}

/**
 * Starts what runs beside the requests once the server is ready: readiness probing and the
 * housekeeping jobs. Timers here without Redis; with Redis the schedule goes to BullMQ and
 * `npm run worker` processes it (every instance upserts the same schedulers: idempotent).
 */
export function startBackgroundWork(
  config: AppConfig,
  { database, services, ai }: WiredServices,
  logger: FastifyBaseLogger,
  cleanups: Cleanups,
): void {
  const { readiness } = services.system;
  readiness.start();
  cleanups.add(() => readiness.stop());

  if (config.redisUrl) {
    const schedules = registerMaintenanceSchedules(
      config.redisUrl,
      config.jobQueuePrefix,
      (error) => logger.error({ err: error }, 'could not register the job schedules'),
      [
        ...maintenanceJobs(config),
        ...(config.learningPipeline.everyMs > 0 ? [pipelineSchedule(config)] : []),
      ],
    );
    cleanups.add(() => schedules.stop());
  } else {
    const { pipeline } = services.meta;
    const jobs = startInProcessJobs({
      orm: database.orm,
      logger,
      now: () => services.clock.now(),
      jobs: [
        ...maintenanceJobs(config),
        ...(config.learningPipeline.everyMs > 0 ? [learningPipelineJob(pipeline, config)] : []),
      ],
    });
    pipeline
      .loadLastSuccess()
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'could not read the last meta snapshot'),
      );
    cleanups.add(() => jobs.close());
  }
  // Without Redis this process runs the AI jobs: pick up those the last one left unfinished.
  ai.resumeUnfinished().catch((error: unknown) =>
    logger.error({ err: error }, 'could not resume unfinished AI jobs'),
  );
}
