import 'reflect-metadata';
import path from 'node:path';
import { loadConfigOrExit } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { createErrorReporter } from '../platform/error-reporting.js';
import { createLogger } from '../platform/logging.js';
import { createMetrics } from '../platform/metrics.js';
import { createLearningPipeline } from '../modules/meta/meta.jobs.js';
import { PipelineTrigger } from '../modules/meta/meta.entity.js';

/**
 * `npm run pipeline:run`: runs the learning pipeline once, now, against the configured database
 * (DATABASE_URL, or the embedded one under DATA_DIR while the server is stopped). Idempotent:
 * a day that has its snapshot is skipped. Exits 1 when the run fails.
 */
const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel });
const database = await openDatabase({
  url: config.databaseUrl,
  embeddedDataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  logger,
});
const errorReporter = await createErrorReporter(config);
const pipeline = createLearningPipeline({
  config,
  orm: database.orm,
  metrics: createMetrics({ defaultMetrics: false }),
  errorReporter,
  logger,
  now: () => new Date(),
});
const outcome = await pipeline.run(PipelineTrigger.MANUAL);
await errorReporter.flush();
await database.close();
const summary =
  outcome.status === 'SUCCEEDED'
    ? `snapshot ${outcome.snapshotVersion} for ${outcome.period} in ${outcome.durationMs} ms, rows read ${JSON.stringify(outcome.rowsRead)}`
    : outcome.status === 'SKIPPED'
      ? `${outcome.period}: ${outcome.reason === 'ALREADY_DONE' ? 'already has its snapshot' : 'running in another process'}`
      : `${outcome.period}: ${outcome.error.message}`;
console.log(`learning pipeline ${outcome.status.toLowerCase()}: ${summary}`);
process.exitCode = outcome.status === 'FAILED' ? 1 : 0;
