/**
 * Assembles the AI assistant for a process: the model gateway (Mistral when a key is set), the
 * token budget and event logs (Redis with REDIS_URL, memory without), the job service for the
 * API, and where jobs run: this process's queue without Redis, `npm run worker` with it.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { AppConfig } from '../../platform/config.js';
import { memoryEventLog, type EventLog } from '../../platform/event-log/event-log.js';
import { redisEventLog } from '../../platform/event-log/redis-event-log.js';
import { bullmqWorkQueue, startBullmqConsumer } from '../../platform/jobs/bullmq-work-queue.js';
import { inProcessWorkQueue, type WorkQueue } from '../../platform/jobs/work-queue.js';
import type { Metrics } from '../../platform/metrics.js';
import type { SquadSolver } from '../../platform/solver/solver-pool.js';
import { AiJob, AiJobStatus } from './ai-job.entity.js';
import type { AiJobLogEvent } from './ai-job.events.js';
import { JobCancelled, JobInterrupted, runAiJob, type AiRuntime } from './ai-job.runner.js';
import { AiJobService } from './ai-job.service.js';
import { createMistralModel } from './model/mistral.client.js';
import { createModelGateway, type ModelGateway } from './model/model.gateway.js';
import { memoryTokenBudget, redisTokenBudget } from './model/token-budget.js';

export const AI_QUEUE = 'ai-jobs';

/** What resolvers use (through the context's services). */
export interface AiServices {
  readonly jobs: AiJobService;
  readonly log: EventLog<AiJobLogEvent>;
  /** How long a quiet subscription waits before it looks at the job's row. */
  readonly idleMs: number;
}

export interface AiDeps {
  readonly config: AppConfig;
  readonly orm: MikroORM<PostgreSqlDriver>;
  readonly metrics: Metrics;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly solver: SquadSolver;
  /** The process's Redis command client, when REDIS_URL is set. */
  readonly redis: Redis | undefined;
}

function gatewayFor(deps: AiDeps): ModelGateway {
  const { config, metrics } = deps;
  const { mistral } = config;
  return createModelGateway({
    model: mistral.apiKey
      ? createMistralModel(
          {
            apiKey: mistral.apiKey,
            serverUrl: mistral.serverUrl,
            model: mistral.model,
            requestTimeoutMs: mistral.requestTimeoutMs,
            maxTokens: mistral.maxTokens,
          },
          (operation, seconds, result) =>
            metrics.observeMistralRequest(
              operation,
              result.ok
                ? {
                    ok: true,
                    promptTokens: result.usage.promptTokens,
                    completionTokens: result.usage.completionTokens,
                  }
                : { ok: false, reason: result.reason },
              seconds,
            ),
        )
      : null,
    budget: deps.redis
      ? redisTokenBudget(deps.redis, config.jobQueuePrefix, config.ai.dailyTokenBudget)
      : memoryTokenBudget(config.ai.dailyTokenBudget),
    offPeak: config.ai.offPeak,
    clock: deps.clock,
    settings: {
      retries: mistral.retries,
      backoffInitialMs: 250,
      backoffMaxMs: 4_000,
      breakerThreshold: mistral.breakerThreshold,
      halfOpenAfterMs: mistral.breakerHalfOpenMs,
    },
    onCircuitChange: (open) => metrics.setMistralCircuitOpen(open),
  });
}

function logFor(deps: AiDeps): EventLog<AiJobLogEvent> {
  return deps.redis
    ? redisEventLog<AiJobLogEvent>(deps.redis, { keyPrefix: `${deps.config.jobQueuePrefix}:ai` })
    : memoryEventLog<AiJobLogEvent>();
}

function runtimeFor(deps: AiDeps, log: EventLog<AiJobLogEvent>, gateway: ModelGateway): AiRuntime {
  return {
    orm: deps.orm,
    log,
    gateway,
    solver: deps.solver,
    metrics: deps.metrics,
    clock: deps.clock,
    logger: deps.logger,
    settings: {
      answerTimeoutMs: deps.config.ai.answerTimeoutMs,
      logRetentionMs: deps.config.ai.eventLogTtlMs,
    },
  };
}

export interface AiWiring {
  readonly services: AiServices;
  /** Without Redis: runs the jobs left unfinished by the last process (call once ready). */
  resumeUnfinished(): Promise<void>;
  close(): Promise<void>;
}

/** The API's part. Without Redis it also runs the jobs; with Redis it only queues them. */
export function createAiServices(deps: AiDeps & { readonly drainMs: number }): AiWiring {
  const log = logFor(deps);
  const gateway = gatewayFor(deps);
  let queue: WorkQueue;
  if (deps.redis) {
    queue = bullmqWorkQueue({
      connection: deps.redis,
      prefix: deps.config.jobQueuePrefix,
      queueName: AI_QUEUE,
    });
  } else {
    const runtime = runtimeFor(deps, log, gateway);
    queue = inProcessWorkQueue({
      run: (id, signal) => runAiJob(runtime, id, signal),
      concurrency: deps.config.ai.concurrency,
      drainMs: deps.drainMs,
      interrupted: () => new JobInterrupted('the server is stopping'),
      logger: deps.logger,
    });
  }
  deps.metrics.trackAiQueue(() => queue.depth());
  const jobs = new AiJobService({
    log,
    queue,
    gateway,
    metrics: deps.metrics,
    clock: deps.clock,
    logRetentionMs: deps.config.ai.eventLogTtlMs,
  });
  return {
    services: { jobs, log, idleMs: deps.config.ai.streamIdleMs },
    async resumeUnfinished() {
      if (deps.redis) return;
      const unfinished = await deps.orm.em
        .fork()
        .find(
          AiJob,
          { status: { $in: [AiJobStatus.QUEUED, AiJobStatus.RUNNING] } },
          { fields: ['id'], orderBy: { createdAt: 'asc' } },
        );
      for (const job of unfinished) await queue.enqueue(job.id);
    },
    async close() {
      deps.metrics.trackAiQueue(undefined);
      await queue.close();
      await log.close();
    },
  };
}

/** `npm run worker`'s part: runs queued jobs until closed (SIGTERM drains running ones). */
export async function startAiWorker(
  deps: AiDeps & { readonly redis: Redis; readonly connection: Redis },
) {
  const log = logFor(deps);
  const gateway = gatewayFor(deps);
  // Loading the SDK blocks the event loop for a moment: done before taking jobs, so it never
  // delays a running job's lock renewal.
  await gateway.warmUp();
  const runtime = runtimeFor(deps, log, gateway);
  const consumer = await startBullmqConsumer({
    settings: {
      connection: deps.connection,
      prefix: deps.config.jobQueuePrefix,
      queueName: AI_QUEUE,
    },
    run: (id, signal) => runAiJob(runtime, id, signal),
    concurrency: deps.config.ai.concurrency,
    lockDurationMs: deps.config.ai.lockMs,
    stalledIntervalMs: deps.config.ai.stalledIntervalMs,
    stopped: () => new JobCancelled('cancelled by its owner'),
    logger: deps.logger,
  });
  return {
    async close() {
      await consumer.close();
      await log.close();
    },
  };
}
