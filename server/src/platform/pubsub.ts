import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient } from './redis.js';

/** Readiness as published (JSON-safe: it may cross Redis). */
export interface ReadinessPayload {
  readonly ready: boolean;
  readonly checkedAt: string;
  readonly checks: ReadonlyArray<{ name: string; ok: boolean; detail: string | null }>;
}

/** A team changed (or was deleted); small on purpose: the team itself is reloaded per viewer. */
export interface TeamUpdatedPayload {
  readonly teamId: string;
  readonly version: number;
  readonly deleted: boolean;
}

/**
 * Every topic with its payload. Payloads are JSON-safe (no Dates, no class instances): with
 * REDIS_URL they travel between instances as JSON. A `[id, payload]` tuple is a per-id topic.
 */
export type PubSubChannels = {
  READINESS_CHANGED: [ReadinessPayload];
  /** Per team id: which version a change produced (subscribers reload what they may see). */
  TEAM_UPDATED: [teamId: string, payload: TeamUpdatedPayload];
};

export type AppPubSub = ReturnType<typeof createPubSub<PubSubChannels>>;

export interface PubSubHandle {
  readonly pubSub: AppPubSub;
  readonly distributed: boolean;
  close(): Promise<void>;
}

type RedisCommand = 'publish' | 'subscribe' | 'unsubscribe';
const FIRE_AND_FORGET: ReadonlySet<PropertyKey> = new Set<RedisCommand>([
  'publish',
  'subscribe',
  'unsubscribe',
]);

/**
 * The Redis event target calls publish/subscribe/unsubscribe without handling their promises:
 * with Redis down each would become an unhandled rejection. This view of the client reports
 * those failures instead (the events are lost; /ready says Redis is down).
 */
function reportingFailures(client: Redis, onError: (error: unknown) => void): Redis {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!FIRE_AND_FORGET.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        result.catch(onError);
        return result;
      };
    },
  });
}

/** In memory without Redis; with Redis every instance sees every event. */
export function createAppPubSub(
  redisUrl: string | undefined,
  onError: (error: unknown) => void = () => {},
): PubSubHandle {
  if (!redisUrl) {
    return { pubSub: createPubSub<PubSubChannels>(), distributed: false, close: async () => {} };
  }
  // A subscribed ioredis connection can't publish, hence two clients.
  const publishClient: Redis = createRedisClient(redisUrl, 'pubsub-publish');
  const subscribeClient: Redis = createRedisClient(redisUrl, 'pubsub-subscribe');
  const eventTarget = createRedisEventTarget({
    publishClient: reportingFailures(publishClient, onError),
    subscribeClient: reportingFailures(subscribeClient, onError),
  });
  return {
    pubSub: createPubSub<PubSubChannels>({ eventTarget }),
    distributed: true,
    async close() {
      await Promise.all([closeRedisClient(publishClient), closeRedisClient(subscribeClient)]);
    },
  };
}
