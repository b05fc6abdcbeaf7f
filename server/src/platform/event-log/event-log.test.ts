import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, redisAvailable } from '../../../test/support/services.js';
import { memoryEventLog, type EventLog, type LoggedEvent } from './event-log.js';
import { redisEventLog } from './redis-event-log.js';

type Event = { n: number };

async function collect(
  log: EventLog<Event>,
  stream: string,
  after: number,
  count: number,
): Promise<Array<LoggedEvent<Event>>> {
  const controller = new AbortController();
  const seen: Array<LoggedEvent<Event>> = [];
  for await (const logged of log.follow(stream, after, controller.signal, { idleMs: 50 })) {
    if (logged) seen.push(logged);
    if (seen.length >= count) controller.abort();
  }
  return seen;
}

const clients: Redis[] = [];
const variants: Array<[string, () => EventLog<Event>]> = [
  ['memory', () => memoryEventLog<Event>()],
];
if (redisAvailable) {
  variants.push([
    'redis',
    () => {
      const client = new Redis(REDIS_URL);
      clients.push(client);
      return redisEventLog<Event>(client, {
        keyPrefix: `test:${randomBytes(4).toString('hex')}`,
        blockMs: 200,
      });
    },
  ]);
}
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
});

describe.each(variants)('%s event log', (_name, create) => {
  it('numbers events, reads after an index and follows live without gaps or duplicates', async () => {
    const log = create();
    for (let n = 1; n <= 5; n += 1) expect(await log.append('job', { n })).toBe(n);
    const read = await log.read('job', 2);
    expect(read).toEqual({
      events: [3, 4, 5].map((n) => ({ index: n, event: { n } })),
      complete: true,
      last: 5,
    });
    const following = collect(log, 'job', 3, 7);
    // Appended while the follower catches up and after: all arrive once, in order.
    for (let n = 6; n <= 10; n += 1) await log.append('job', { n });
    expect((await following).map((logged) => logged.index)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    await log.close();
  });

  it('lets concurrent writers share one numbering', async () => {
    const log = create();
    const indexes = await Promise.all(
      Array.from({ length: 20 }, (_, n) => log.append('busy', { n })),
    );
    expect([...indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    const { events } = await log.read('busy', 0);
    expect(events.map((logged) => logged.index)).toEqual(indexes.slice().sort((a, b) => a - b));
    await log.close();
  });

  it('says when it no longer holds what a reader asks for', async () => {
    const log = create();
    expect((await log.read('never', 0)).complete).toBe(true);
    expect((await log.read('never', 7)).complete).toBe(false);
    await log.append('fresh', { n: 1 }, { base: 1_000_000 });
    expect(await log.append('fresh', { n: 2 }, { base: 0 })).toBe(1_000_002);
    expect((await log.read('fresh', 12)).complete).toBe(false);
    expect((await log.read('fresh', 1_000_000)).complete).toBe(true);
    expect((await log.read('fresh', 1_000_001)).events).toEqual([
      { index: 1_000_002, event: { n: 2 } },
    ]);
    await log.expire('fresh', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await log.read('fresh', 0)).toEqual({ events: [], complete: true, last: 0 });
    await log.close();
  });

  it('yields null while idle so a follower can look around', async () => {
    const log = create();
    const controller = new AbortController();
    let idle = 0;
    for await (const logged of log.follow('quiet', 0, controller.signal, { idleMs: 20 })) {
      if (logged === null) idle += 1;
      if (idle === 2) controller.abort();
    }
    expect(idle).toBe(2);
    await log.close();
  });
});

describe.skipIf(!redisAvailable)('redis event log followers', () => {
  const create = (client: Redis) =>
    redisEventLog<Event>(client, {
      keyPrefix: `test:${randomBytes(4).toString('hex')}`,
      blockMs: 200,
    });

  it('gives late joiners the log from where they read it, reading the log from Redis once', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const log = create(client);
    let wholeLogReads = 0;
    const xrange = client.xrange.bind(client);
    // Counts the reads of a whole log (the expensive part of joining a long stream).
    client.xrange = ((...args: Parameters<typeof xrange>) => {
      if (args[1] === '-') wholeLogReads += 1;
      return xrange(...args);
    }) as typeof client.xrange;
    for (let n = 1; n <= 50; n += 1) await log.append('long', { n });
    const first = collect(log, 'long', 0, 200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const joiners: Array<Promise<number[]>> = [];
    for (let n = 51; n <= 200; n += 1) {
      await log.append('long', { n });
      if (n % 10 === 5) {
        // As a subscription joins: read the log so far, then follow from its last index.
        const { last, events } = await log.read('long', 0);
        expect(events.map((logged) => logged.index)).toEqual(range(1, last));
        joiners.push(
          collect(log, 'long', last, 200 - last).then((seen) => seen.map((l) => l.index)),
        );
      }
    }
    expect((await first).map((logged) => logged.index)).toEqual(range(1, 200));
    for (const seen of await Promise.all(joiners))
      expect(seen).toEqual(range(201 - seen.length, 200));
    // Once for the first follower of this process; every joiner after it reads the mirror.
    expect(wholeLogReads).toBe(1);
    await log.close();
  });

  it('starts a new reader when the last follower left while another was joining', async () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    const log = create(client);
    await log.append('handover', { n: 1 });
    const leaving = new AbortController();
    const gone = (async () => {
      for await (const logged of log.follow('handover', 0, leaving.signal, { idleMs: 50 }))
        if (logged) leaving.abort();
    })();
    // Joins while the only follower is leaving (its reader stops in the same turn).
    const joining = collect(log, 'handover', 1, 3);
    await gone;
    for (let n = 2; n <= 4; n += 1) await log.append('handover', { n });
    expect((await joining).map((logged) => logged.index)).toEqual([2, 3, 4]);
    await log.close();
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
