import type { Redis } from 'ioredis';
import { pushQueue, type EventLog, type LogRead, type LoggedEvent } from './event-log.js';

/**
 * Event logs as Redis Streams: the entry id of event N is `0-N`, so XRANGE and XREAD address
 * events by index. A counter key numbers them: a Lua script increments it and adds the entry
 * in one step, so concurrent writers (a worker streaming, an API instance cancelling) never
 * clash. One blocking reader per followed stream and process mirrors the stream in memory and
 * fans new entries out to that process's followers: a hundred subscribers of one job cost one
 * connection and one read of the log, however late they join (each late joiner reading the
 * whole log from Redis made Redis answers queue past their timeout under load).
 */

// KEYS: stream, counter. ARGV: payload, approximate max length, base of a new log.
const APPEND = `
if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SET', KEYS[2], ARGV[3]) end
local index = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '0-' .. index, 'e', ARGV[1])
return index`;

type StreamEntry = [id: string, fields: string[]];

const indexOf = (id: string) => Number(id.slice(id.indexOf('-') + 1));

interface Follower<E> {
  /** The stream from its first entry to the reader's cursor, in order (trimmed like Redis's). */
  readonly events: Array<LoggedEvent<E>>;
  readonly listeners: Set<(event: LoggedEvent<E>) => void>;
  stopped: boolean;
  readonly stop: () => void;
}

/** What `read` answers from a log's events, wherever they were read from. */
function readFrom<E>(events: ReadonlyArray<LoggedEvent<E>>, after: number): LogRead<E> {
  const firstIndex = events[0]?.index;
  const tail = events.filter((logged) => logged.index > after);
  const last =
    tail.at(-1)?.index ?? (firstIndex === undefined ? after : Math.max(after, firstIndex));
  return {
    events: tail,
    complete: firstIndex === undefined ? after === 0 : after >= firstIndex - 1 && after <= last,
    last,
  };
}

export function redisEventLog<E>(
  redis: Redis,
  options: { keyPrefix: string; maxLength?: number; blockMs?: number },
): EventLog<E> {
  const streamKey = (name: string) => `${options.keyPrefix}:log:${name}`;
  const counterKey = (name: string) => `${options.keyPrefix}:log:${name}:n`;
  const maxLength = options.maxLength ?? 20_000;
  const blockMs = options.blockMs ?? 5_000;
  const followers = new Map<string, Follower<E>>();

  const decode = ([id, fields]: StreamEntry): LoggedEvent<E> => ({
    index: indexOf(id),
    event: JSON.parse(fields[1] ?? 'null') as E,
  });

  /**
   * The stream's follower in this process, started (once) by reading the whole log and then
   * XREAD-blocking from its end on a connection of its own.
   */
  async function followerFor(name: string): Promise<Follower<E>> {
    const existing = followers.get(name);
    if (existing) return existing;
    const entries = (await redis.xrange(streamKey(name), '-', '+')) as StreamEntry[];
    const already = followers.get(name);
    if (already) return already;
    // Its own timeout: a blocking read waits up to blockMs by design.
    const connection = redis.duplicate({ commandTimeout: blockMs + 5_000 });
    connection.on('error', () => {});
    const follower: Follower<E> = {
      events: entries.map(decode),
      listeners: new Set(),
      stopped: false,
      stop: () => {
        follower.stopped = true;
        connection.disconnect();
      },
    };
    followers.set(name, follower);
    void (async () => {
      let cursor = entries.at(-1)?.[0] ?? '0-0';
      while (!follower.stopped) {
        try {
          const reply = (await connection.xread(
            'BLOCK',
            blockMs,
            'STREAMS',
            streamKey(name),
            cursor,
          )) as Array<[string, StreamEntry[]]> | null;
          for (const entry of reply?.[0]?.[1] ?? []) {
            cursor = entry[0];
            const logged = decode(entry);
            follower.events.push(logged);
            for (const listener of follower.listeners) listener(logged);
          }
          // Trimmed as XADD's approximate MAXLEN trims the stream itself.
          if (follower.events.length > maxLength * 1.1)
            follower.events.splice(0, follower.events.length - maxLength);
        } catch {
          if (follower.stopped) return;
          // Redis is away: wait and read again from the same cursor (nothing is skipped).
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
    return follower;
  }

  return {
    async append(name, event, appendOptions) {
      const index = await redis.eval(
        APPEND,
        2,
        streamKey(name),
        counterKey(name),
        JSON.stringify(event),
        maxLength,
        appendOptions?.base ?? 0,
      );
      return Number(index);
    },

    async read(name, after) {
      const mirrored = followers.get(name);
      if (mirrored) return readFrom(mirrored.events, after);
      const entries = (await redis.xrange(streamKey(name), '-', '+')) as StreamEntry[];
      return readFrom(entries.map(decode), after);
    },

    async *follow(name, after, signal, followOptions) {
      const queue = pushQueue<LoggedEvent<E>>(signal, followOptions?.idleMs ?? 5_000);
      let follower = await followerFor(name);
      // Stopped by its last follower leaving while this one was on its way: start another.
      while (follower.stopped) follower = await followerFor(name);
      // The events so far and then every new one, handed over in one synchronous step: nothing
      // can arrive in between, so nothing is missed, repeated or reordered.
      for (const logged of follower.events) if (logged.index > after) queue.push(logged);
      follower.listeners.add(queue.push);
      try {
        let last = after;
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
        follower.listeners.delete(queue.push);
        if (follower.listeners.size === 0 && followers.get(name) === follower) {
          followers.delete(name);
          follower.stop();
        }
      }
    },

    async expire(name, ttlMs) {
      await redis.multi().pexpire(streamKey(name), ttlMs).pexpire(counterKey(name), ttlMs).exec();
    },

    async close() {
      for (const follower of followers.values()) follower.stop();
      followers.clear();
    },
  };
}
