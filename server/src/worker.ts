import 'reflect-metadata';
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError, loadConfigOrExit, type AppConfig } from './platform/config.js';
import { openDatabase } from './platform/db/database.js';
import { createErrorReporter } from './platform/error-reporting.js';
import { maintenanceJobs } from './platform/jobs/maintenance.js';
import { scheduleMaintenance, startMaintenanceWorker } from './platform/jobs/runner.js';
import { createLearningPipeline, learningPipelineJob } from './modules/meta/meta.jobs.js';
import { createLogger } from './platform/logging.js';
import { serveMetrics } from './platform/metrics-endpoint.js';
import { createMetrics } from './platform/metrics.js';
import { systemClock, type Clock } from './platform/clock.js';
import { closeRedisClient, createRedisClient } from './platform/redis.js';
import { createSolverPool } from './platform/solver/solver-pool.js';
import { startAiWorker } from './modules/ai/ai.services.js';

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * `npm run worker`: processes background jobs from Redis (BullMQ). Needs REDIS_URL and the same
 * DATABASE_URL as the API; the API runs the migrations, the worker does not.
 */
export async function startWorker(
  config: AppConfig,
  options: {
    logDestination?: import('pino').DestinationStream;
    /** The time for off-peak and budget decisions (tests pass a ManualClock). */
    clock?: Clock;
  } = {},
): Promise<RunningWorker> {
  if (!config.redisUrl)
    throw new ConfigError([
      'REDIS_URL: required by the worker (without Redis the API runs jobs itself)',
    ]);
  if (!config.databaseUrl)
    throw new ConfigError([
      'DATABASE_URL: required by the worker (the embedded database belongs to the API process)',
    ]);
  const logger = createLogger({
    level: config.logLevel,
    destination: options.logDestination,
  }).child({ service: 'worker' });
  const database = await openDatabase({
    url: config.databaseUrl,
    embeddedDataDir: undefined,
    logger,
    migrate: false,
  });
  // BullMQ needs `maxRetriesPerRequest: null` on the connections it blocks on.
  const connection = new Redis(config.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: 'gw2-squad-optimizer:worker',
  });
  const metrics = createMetrics({ defaultLabels: { service: 'worker' } });
  const errorReporter = await createErrorReporter(config);
  const pipeline = createLearningPipeline({
    config,
    orm: database.orm,
    metrics,
    errorReporter,
    logger,
    now: () => new Date(),
  });
  await pipeline
    .loadLastSuccess()
    .catch((error: unknown) =>
      logger.warn({ err: error }, 'could not read the last meta snapshot'),
    );
  const jobs = [
    ...maintenanceJobs(config),
    ...(config.learningPipeline.everyMs > 0 ? [learningPipelineJob(pipeline, config)] : []),
  ];
  const settings = { connection, prefix: config.jobQueuePrefix };
  const queue = await scheduleMaintenance(settings, jobs);
  const worker = startMaintenanceWorker({
    settings,
    orm: database.orm,
    logger: logger as FastifyBaseLogger,
    now: () => new Date(),
    jobs,
  });
  const solver = createSolverPool({ threads: config.solverThreads });
  // AI jobs: the same runner as the API's in-process queue, fed by BullMQ.
  const commands = createRedisClient(config.redisUrl, 'worker-commands');
  const ai = await startAiWorker({
    config,
    orm: database.orm,
    metrics,
    clock: options.clock ?? systemClock,
    logger,
    solver,
    redis: commands,
    connection,
  });
  const metricsServer = await serveMetrics(metrics, {
    port: config.metricsPort,
    token: config.metricsToken,
  });
  logger.info(
    {
      metricsPort: metricsServer.port,
      prefix: config.jobQueuePrefix,
      ai: Boolean(config.mistral.apiKey),
    },
    'worker started',
  );
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        // Drains: running AI jobs finish (SIGTERM) before anything they use closes.
        await ai.close();
        await worker.close();
        await queue.close();
        await solver.close();
        await closeRedisClient(commands);
        await metricsServer.close();
        await errorReporter.flush();
        await connection.quit().catch(() => connection.disconnect());
        await database.close();
        logger.info('worker stopped');
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const worker = await startWorker(config);
  const stop = () => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
