/**
 * Queues of work identified by an id (AI jobs): the work itself lives in the database, so a
 * queue only says which id to run next and lets a running one be stopped. In process without
 * Redis (bounded concurrency, FIFO); BullMQ with it (bullmq-work-queue.ts), processed by
 * `npm run worker`.
 */
import type { Logger } from 'pino';

/** Runs the work with this id; aborting `signal` asks it to stop. */
export type WorkRunner = (id: string, signal: AbortSignal) => Promise<unknown>;

export interface WorkQueue {
  enqueue(id: string): Promise<void>;
  /** Stops the work if it runs (here or, with Redis, in any worker); `reason` is the abort reason. */
  stop(id: string, reason: Error): Promise<void>;
  /** Ids waiting to start. */
  depth(): Promise<number>;
  /**
   * Stops taking work and waits up to `drainMs` for running work; what is still running then is
   * aborted with `interrupted` (it runs again after a restart).
   */
  close(): Promise<void>;
}

export function inProcessWorkQueue(options: {
  readonly run: WorkRunner;
  readonly concurrency: number;
  readonly drainMs: number;
  readonly interrupted: () => Error;
  readonly logger: Logger;
}): WorkQueue {
  const waiting: string[] = [];
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let closed = false;

  const pump = () => {
    while (!closed && running.size < options.concurrency && waiting.length > 0) {
      const id = waiting.shift() as string;
      if (running.has(id)) continue;
      const controller = new AbortController();
      const done = options
        .run(id, controller.signal)
        .then(
          () => undefined,
          (error: unknown) => options.logger.error({ err: error, id }, 'queued work failed'),
        )
        .finally(() => {
          running.delete(id);
          pump();
        });
      running.set(id, { controller, done });
    }
  };

  return {
    async enqueue(id) {
      if (closed) return;
      if (!waiting.includes(id) && !running.has(id)) waiting.push(id);
      pump();
    },
    async stop(id, reason) {
      const at = waiting.indexOf(id);
      if (at >= 0) waiting.splice(at, 1);
      running.get(id)?.controller.abort(reason);
    },
    depth: async () => waiting.length,
    async close() {
      closed = true;
      waiting.length = 0;
      const all = Promise.all([...running.values()].map((entry) => entry.done));
      const timer = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), options.drainMs).unref(),
      );
      if ((await Promise.race([all, timer])) === 'timeout') {
        for (const entry of running.values()) entry.controller.abort(options.interrupted());
        await all;
      }
    },
  };
}
