import { randomUUID } from 'node:crypto';
import { createPubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, failFastOnceReady } from './redis.js';

/** Readiness as published (JSON-safe: it may cross Redis). */
export interface ReadinessPayload {
  readonly ready: boolean;
  readonly checkedAt: string;
  readonly checks: ReadonlyArray<{ name: string; ok: boolean; detail: string | null }>;
}

/** A team changed (or was deleted); small on purpose: each instance reads the team once. */
export interface TeamUpdatedPayload {
  readonly teamId: string;
  readonly version: number;
  readonly deleted: boolean;
}

/** Sign-in sessions ended (logout, refresh-token reuse, password change, account deleted). */
export interface SessionsRevokedPayload {
  /** Session (refresh-token family) ids that ended. */
  readonly sessionIds: readonly string[];
  /** Users all of whose sessions ended. */
  readonly userIds: readonly string[];
}

/**
 * Every topic with its payload. Payloads are JSON-safe (no Dates, no class instances): with
 * REDIS_URL they travel between instances as JSON. A `[id, payload]` tuple is a per-id topic.
 */
export type PubSubChannels = {
  READINESS_CHANGED: [ReadinessPayload];
  /** Per team id: which version a change produced (subscribers get the team as they may see it). */
  TEAM_UPDATED: [teamId: string, payload: TeamUpdatedPayload];
  SESSIONS_REVOKED: [SessionsRevokedPayload];
};

export type AppPubSub = ReturnType<typeof createPubSub<PubSubChannels>>;

export interface PubSubHandle {
  readonly pubSub: AppPubSub;
  readonly distributed: boolean;
  /**
   * Whether every event published anywhere reaches this instance right now. Always true in
   * process; with Redis, false while the subscriber connection is down (events are missed).
   */
  isLive(): boolean;
  /**
   * Called when events may have been missed and delivery works again (the Redis subscriber
   * connection is back and subscribed): listeners re-read what they show.
   */
  onResumed(listener: () => void): () => void;
  close(): Promise<void>;
}

type Callback = (event: { readonly detail: unknown }) => void;
type Listener = Callback | { handleEvent: Callback };
const callbackOf = (listener: Listener): Callback =>
  typeof listener === 'function' ? listener : listener.handleEvent.bind(listener);

/** Local listeners per topic (an EventTarget would warn past 10 listeners of one topic). */
class LocalTopics {
  private readonly byTopic = new Map<string, Map<Listener, Callback>>();

  add(topic: string, listener: Listener): boolean {
    let listeners = this.byTopic.get(topic);
    const first = listeners === undefined;
    if (!listeners) this.byTopic.set(topic, (listeners = new Map()));
    listeners.set(listener, callbackOf(listener));
    return first;
  }

  /** True when the topic has no listener left. */
  remove(topic: string, listener: Listener): boolean {
    const listeners = this.byTopic.get(topic);
    if (!listeners) return false;
    listeners.delete(listener);
    if (listeners.size > 0) return false;
    this.byTopic.delete(topic);
    return true;
  }

  dispatch(topic: string, detail: unknown): void {
    const listeners = this.byTopic.get(topic);
    if (!listeners) return;
    const event = { type: topic, detail };
    for (const callback of [...listeners.values()]) callback(event);
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }
}

/**
 * The event target createPubSub subscribes through. Its typed signatures are generic per event
 * type, which a plain object cannot implement without a cast; the behaviour is typed here.
 */
function eventTarget(handlers: {
  add(topic: string, listener: Listener): void;
  remove(topic: string, listener: Listener): void;
  dispatch(topic: string, detail: unknown): void;
}): PubSubEventTarget<PubSubChannels> {
  const target = {
    addEventListener: (topic: string, listener: Listener | null) => {
      if (listener) handlers.add(topic, listener);
    },
    removeEventListener: (topic: string, listener: Listener | null) => {
      if (listener) handlers.remove(topic, listener);
    },
    dispatchEvent: (event: { readonly type: string; readonly detail: unknown }) => {
      handlers.dispatch(event.type, event.detail);
      return true;
    },
  };
  return target as unknown as PubSubEventTarget<PubSubChannels>;
}

function inProcess(): PubSubHandle {
  const local = new LocalTopics();
  const target = eventTarget({
    add: (topic, listener) => void local.add(topic, listener),
    remove: (topic, listener) => void local.remove(topic, listener),
    dispatch: (topic, detail) => local.dispatch(topic, detail),
  });
  return {
    pubSub: createPubSub<PubSubChannels>({ eventTarget: target }),
    distributed: false,
    isLive: () => true,
    onResumed: () => () => {},
    close: async () => {},
  };
}

/** What crosses Redis: the event and the instance that published it. */
interface Envelope {
  readonly origin: string;
  readonly detail: unknown;
}

/**
 * Across instances through Redis, built for outages:
 * - local first: an event reaches this instance's subscribers at once, without the Redis round
 *   trip, and this instance ignores its own events coming back from Redis;
 * - publishing never waits: with Redis down the publish fails at once (no offline queue) and
 *   the latest event of each topic is published again when the connection is back;
 * - the subscriber connection re-subscribes every topic after a reconnect, then tells
 *   {@link PubSubHandle.onResumed} listeners that events may have been missed meanwhile.
 */
function throughRedis(redisUrl: string, onError: (error: unknown) => void): PubSubHandle {
  const origin = randomUUID();
  const local = new LocalTopics();
  // A subscribed ioredis connection can't publish, hence two clients.
  const publisher: Redis = failFastOnceReady(
    createRedisClient(redisUrl, 'pubsub-publish', {
      maxRetriesPerRequest: 0,
      commandTimeout: 2000,
    }),
  );
  const subscriber: Redis = createRedisClient(redisUrl, 'pubsub-subscribe', {
    // Topics are subscribed again on every 'ready' below, after the handshake.
    autoResubscribe: false,
    maxRetriesPerRequest: null,
  });
  const failed = new Map<string, string>();
  const resumedListeners = new Set<() => void>();
  let live = false;
  let everLive = false;

  const publish = (topic: string, message: string) => {
    publisher.publish(topic, message).then(
      () => {
        if (failed.get(topic) === message) failed.delete(topic);
      },
      (error: unknown) => {
        failed.set(topic, message);
        onError(error);
      },
    );
  };
  publisher.on('ready', () => {
    const retry = [...failed];
    failed.clear();
    for (const [topic, message] of retry) publish(topic, message);
  });

  subscriber.on('message', (topic: string, message: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (error) {
      onError(error);
      return;
    }
    if (envelope.origin !== origin) local.dispatch(topic, envelope.detail);
  });
  subscriber.on('ready', () => {
    const topics = local.topics();
    const subscribed = topics.length > 0 ? subscriber.subscribe(...topics) : Promise.resolve();
    subscribed.then(
      () => {
        live = true;
        if (everLive) for (const listener of resumedListeners) listener();
        everLive = true;
      },
      (error: unknown) => onError(error),
    );
  });
  subscriber.on('close', () => {
    live = false;
  });

  const target = eventTarget({
    add(topic, listener) {
      if (local.add(topic, listener) && subscriber.status === 'ready') {
        subscriber.subscribe(topic).catch(onError);
      }
    },
    remove(topic, listener) {
      if (local.remove(topic, listener) && subscriber.status === 'ready') {
        subscriber.unsubscribe(topic).catch(onError);
      }
    },
    dispatch(topic, detail) {
      local.dispatch(topic, detail);
      publish(topic, JSON.stringify({ origin, detail: detail ?? null } satisfies Envelope));
    },
  });
  return {
    pubSub: createPubSub<PubSubChannels>({ eventTarget: target }),
    distributed: true,
    isLive: () => live,
    onResumed(listener) {
      resumedListeners.add(listener);
      return () => resumedListeners.delete(listener);
    },
    async close() {
      resumedListeners.clear();
      await Promise.all([closeRedisClient(publisher), closeRedisClient(subscriber)]);
    },
  };
}

/** In memory without Redis; with Redis every instance sees every event. */
export function createAppPubSub(
  redisUrl: string | undefined,
  onError: (error: unknown) => void = () => {},
): PubSubHandle {
  return redisUrl ? throughRedis(redisUrl, onError) : inProcess();
}
