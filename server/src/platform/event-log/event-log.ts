/**
 * Resumable event streams: each stream (one per AI job) is an ordered log with a running
 * index. A producer appends; any number of followers read the log from any index and then
 * live, so a late or reconnecting subscriber gets exactly the events after the last index it
 * saw (the resumable-stream model). In memory without Redis; a Redis Stream per log with it
 * (redis-event-log.ts), so producers and followers may live in different processes.
 */

export interface LoggedEvent<E> {
  readonly index: number;
  readonly event: E;
}

export interface LogRead<E> {
  /** Events with an index above the one asked for, in order. */
  readonly events: ReadonlyArray<LoggedEvent<E>>;
  /**
   * Whether the log still holds every event after the index asked for (false when it was
   * trimmed, expired, or lost with a restarted process).
   */
  readonly complete: boolean;
  /** The last index in the log (the one asked for when the log is empty). */
  readonly last: number;
}

export interface EventLog<E> {
  /**
   * Appends and returns the event's index: one more than the last, safe with several writers.
   * `base` numbers the first event of a log that does not exist yet (`base + 1`).
   */
  append(stream: string, event: E, options?: { base?: number }): Promise<number>;
  read(stream: string, after: number): Promise<LogRead<E>>;
  /**
   * Events with an index above `after` as they are appended, until `signal` aborts. Yields
   * `null` now and then while nothing happens (at most every `idleMs`), so a follower can look
   * around (is the job still alive?) without a timer of its own.
   */
  follow(
    stream: string,
    after: number,
    signal: AbortSignal,
    options?: { idleMs?: number },
  ): AsyncIterable<LoggedEvent<E> | null>;
  /** Drops the log `ttlMs` from now (a finished job keeps it for late subscribers). */
  expire(stream: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/** An async queue fed by push(), read with for-await; ends when the signal aborts. */
export function pushQueue<T>(
  signal: AbortSignal,
  idleMs: number,
): {
  push(value: T): void;
  iterate(): AsyncGenerator<T | null>;
} {
  const buffered: T[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  signal.addEventListener('abort', notify, { once: true });
  return {
    push(value) {
      buffered.push(value);
      notify();
    },
    async *iterate() {
      while (!signal.aborted) {
        if (buffered.length === 0) {
          const woke = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), idleMs);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          if (!woke && !signal.aborted) yield null;
          continue;
        }
        yield buffered.shift() as T;
      }
    },
  };
}

interface MemoryStream<E> {
  base: number;
  events: Array<LoggedEvent<E>>;
  expiry?: NodeJS.Timeout;
}

/** One process's logs, in memory. */
export function memoryEventLog<E>(): EventLog<E> {
  const streams = new Map<string, MemoryStream<E>>();
  // Kept apart from the streams: following a log that does not exist yet must not create it.
  const listeners = new Map<string, Set<(event: LoggedEvent<E>) => void>>();
  const get = (name: string, base = 0) => {
    let stream = streams.get(name);
    if (!stream) {
      stream = { base, events: [] };
      streams.set(name, stream);
    }
    return stream;
  };
  const lastOf = (stream: MemoryStream<E>) => stream.events.at(-1)?.index ?? stream.base;

  return {
    async append(name, event, options) {
      const stream = get(name, options?.base ?? 0);
      const logged = { index: lastOf(stream) + 1, event };
      stream.events.push(logged);
      for (const listener of listeners.get(name) ?? []) listener(logged);
      return logged.index;
    },
    async read(name, after) {
      const stream = streams.get(name);
      if (!stream) return { events: [], complete: after === 0, last: after };
      const last = lastOf(stream);
      return {
        events: stream.events.filter((logged) => logged.index > after),
        complete: after >= stream.base && after <= last,
        last,
      };
    },
    async *follow(name, after, signal, options) {
      const queue = pushQueue<LoggedEvent<E>>(signal, options?.idleMs ?? 5_000);
      const followers = listeners.get(name) ?? new Set();
      listeners.set(name, followers);
      followers.add(queue.push);
      try {
        let last = after;
        for (const logged of streams.get(name)?.events ?? [])
          if (logged.index > last) queue.push(logged);
        for await (const logged of queue.iterate()) {
          if (logged === null) {
            yield null;
            continue;
          }
          if (logged.index <= last) continue;
          last = logged.index;
          yield logged;
        }
      } finally {
        followers.delete(queue.push);
        if (followers.size === 0) listeners.delete(name);
      }
    },
    async expire(name, ttlMs) {
      const stream = streams.get(name);
      if (!stream) return;
      clearTimeout(stream.expiry);
      stream.expiry = setTimeout(() => {
        if (streams.get(name) === stream) streams.delete(name);
      }, ttlMs);
      stream.expiry.unref();
    },
    async close() {
      for (const stream of streams.values()) clearTimeout(stream.expiry);
      streams.clear();
    },
  };
}
