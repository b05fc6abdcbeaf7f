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
