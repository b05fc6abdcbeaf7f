import type { Redis } from 'ioredis';
import { pushQueue, type EventLog, type LoggedEvent } from './event-log.js';

/**
 * Event logs as Redis Streams: the entry id of event N is `0-N`, so XRANGE and XREAD address
 * events by index. A counter key numbers them: a Lua script increments it and adds the entry
 * in one step, so concurrent writers (a worker streaming, an API instance cancelling) never
 * clash. One blocking reader per followed stream and process fans new entries out to that
 * process's followers, so a hundred subscribers of one job cost one connection.
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
  readonly listeners: Set<(event: LoggedEvent<E>) => void>;
  readonly stop: () => void;
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

  /** Starts (once per stream) the reader that XREAD-blocks from the stream's current end. */
  async function followerFor(name: string): Promise<Follower<E>> {
    const existing = followers.get(name);
    if (existing) return existing;
    const last = (await redis.xrevrange(streamKey(name), '+', '-', 'COUNT', 1))[0];
    const already = followers.get(name);
    if (already) return already;
    const connection = redis.duplicate();
    connection.on('error', () => {});
    let stopped = false;
    const follower: Follower<E> = {
      listeners: new Set(),
      stop: () => {
        stopped = true;
        connection.disconnect();
      },
    };
    followers.set(name, follower);
    void (async () => {
      let cursor = last ? last[0] : '0-0';
      while (!stopped) {
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
            for (const listener of follower.listeners) listener(logged);
          }
        } catch {
          if (stopped) return;
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
      const [entries, first] = await Promise.all([
        redis.xrange(streamKey(name), `(0-${after}`, '+') as Promise<StreamEntry[]>,
        redis.xrange(streamKey(name), '-', '+', 'COUNT', 1) as Promise<StreamEntry[]>,
      ]);
      const events = entries.map(decode);
      const firstIndex = first[0] ? indexOf(first[0][0]) : undefined;
      const last =
        events.at(-1)?.index ?? (firstIndex === undefined ? after : Math.max(after, firstIndex));
      return {
        events,
        complete: firstIndex === undefined ? after === 0 : after >= firstIndex - 1 && after <= last,
        last,
      };
    },

    async *follow(name, after, signal, followOptions) {
      const queue = pushQueue<LoggedEvent<E>>(signal, followOptions?.idleMs ?? 5_000);
      const follower = await followerFor(name);
      // Listening first, then catching up: live events wait until the catch-up is queued, and
      // anything that comes both ways is dropped by index below. Nothing is missed or reordered.
      const early: Array<LoggedEvent<E>> = [];
      let listener: (logged: LoggedEvent<E>) => void = (logged) => void early.push(logged);
      const relay = (logged: LoggedEvent<E>) => listener(logged);
      follower.listeners.add(relay);
      try {
        const caughtUp = (await redis.xrange(streamKey(name), `(0-${after}`, '+')) as StreamEntry[];
        for (const entry of caughtUp) queue.push(decode(entry));
        for (const logged of early) queue.push(logged);
        listener = queue.push;
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
        follower.listeners.delete(relay);
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
