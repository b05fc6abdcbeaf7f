import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { WorkQueue, WorkRunner } from './work-queue.js';

/**
 * Work queues in Redis (BullMQ). The API side adds ids and announces stops; `npm run worker`
 * processes them. An id is also the BullMQ job id, so adding it twice queues it once. A worker
 * killed mid-run loses its lock; another worker's stalled-job check puts the id back and it runs
 * again (the runner counts attempts). Stops travel on a Redis channel every worker listens to.
 */
export interface BullSettings {
  readonly connection: Redis;
  readonly prefix: string;
  readonly queueName: string;
}

const stopChannel = (settings: BullSettings) => `${settings.prefix}:${settings.queueName}:stop`;

export function bullmqWorkQueue(settings: BullSettings): WorkQueue {
  const queue = new Queue(settings.queueName, {
    connection: settings.connection,
    prefix: settings.prefix,
  });
  return {
    async enqueue(id) {
      await queue.add(
        'run',
        { id },
        {
          jobId: id,
          // Infrastructure failures (the database away) are retried; the runner itself records
          // every failure it understands and returns normally.
          attempts: 3,
          backoff: { type: 'exponential', delay: 2_000 },
          removeOnComplete: { age: 3_600, count: 1_000 },
          removeOnFail: { age: 24 * 3_600 },
        },
      );
    },
    async stop(id) {
      await settings.connection.publish(stopChannel(settings), id);
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
    async close() {
      await queue.close();
    },
  };
}

export interface BullConsumer {
  close(): Promise<void>;
}

/** `npm run worker`'s side: runs ids from the queue; `close()` drains what is running (SIGTERM). */
export async function startBullmqConsumer(options: {
  readonly settings: BullSettings;
  readonly run: WorkRunner;
  readonly concurrency: number;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  /** Abort reason for a stop announced by an API instance (a cancel). */
  readonly stopped: () => Error;
  readonly logger: Logger;
}): Promise<BullConsumer> {
  const { settings, logger } = options;
  const running = new Map<string, AbortController>();
  const listener = settings.connection.duplicate();
  listener.on('error', (error) => logger.warn({ err: error }, 'work queue: stop channel error'));
  await listener.subscribe(stopChannel(settings));
  listener.on('message', (_channel: string, id: string) =>
    running.get(id)?.abort(options.stopped()),
  );

  const worker = new Worker<{ id: string }>(
    settings.queueName,
    async (job) => {
      const controller = new AbortController();
      running.set(job.data.id, controller);
      try {
        await options.run(job.data.id, controller.signal);
      } finally {
        running.delete(job.data.id);
      }
    },
    {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.stalledIntervalMs,
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, error) =>
    logger.error({ id: job?.data.id, err: error }, 'work queue: run failed'),
  );
  worker.on('stalled', (id) => logger.warn({ id }, 'work queue: stalled run put back'));
  worker.on('error', (error) => logger.error({ err: error }, 'work queue: worker error'));
  return {
    async close() {
      await worker.close();
      listener.disconnect();
    },
  };
}
