import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RateLimitedError } from '../graphql/errors.js';

/**
 * The buckets of the runbook: `global` for every API request (per IP, per user when signed
 * in), `auth` for sign-in and account operations (per IP), `ai` for AI operations (per user).
 */
export type RateLimitBucket = 'global' | 'auth' | 'ai';

export interface BucketLimits {
  readonly perMinute: number;
  readonly perHour: number;
}

export interface RateLimitConfig {
  readonly global: BucketLimits;
  readonly auth: BucketLimits;
  readonly ai: BucketLimits;
  /** Prefix of every key in Redis: instances of one deployment share it, tests do not. */
  readonly keyPrefix: string;
}

export interface RateLimits {
  /** Takes one request from `bucket` for `key`; throws RateLimitedError over either window. */
  consume(bucket: RateLimitBucket, key: string): Promise<void>;
}

const WINDOWS = [
  { name: 'minute', seconds: 60, limit: (limits: BucketLimits) => limits.perMinute },
  { name: 'hour', seconds: 3600, limit: (limits: BucketLimits) => limits.perHour },
] as const;

/**
 * Rate limits in memory, or in Redis when a client is given, so every instance draws from one
 * budget. If Redis fails, each instance falls back to its own memory rather than letting
 * everything through or refusing everyone; give a client made with `failFastOnceReady` so a
 * request never waits for reconnects during an outage.
 */
export function createRateLimits(config: RateLimitConfig, redis?: Redis): RateLimits {
  const build = (bucket: RateLimitBucket) =>
    WINDOWS.map((window) => {
      const options = {
        keyPrefix: `${config.keyPrefix}:${bucket}:${window.name}`,
        points: window.limit(config[bucket]),
        duration: window.seconds,
      };
      return redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
    });
  const limiters: Record<RateLimitBucket, RateLimiterAbstract[]> = {
    global: build('global'),
    auth: build('auth'),
    ai: build('ai'),
  };

  return {
    async consume(bucket, key) {
      for (const limiter of limiters[bucket]) {
        try {
          await limiter.consume(key);
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes)
            throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
          throw rejection;
        }
      }
    },
  };
}
