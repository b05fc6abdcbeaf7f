import type { Redis } from 'ioredis';

/**
 * The daily token budget (the runbook's HighAICost threshold as a hard stop): once a UTC day's
 * tokens reach the limit, the assistant answers without the model until the next day. With
 * Redis the count is shared by every instance and worker; without, it is this process's.
 */
export interface TokenBudget {
  readonly dailyLimit: number;
  /** Tokens counted so far on `now`'s UTC day. */
  used(now: Date): Promise<number>;
  add(tokens: number, now: Date): Promise<void>;
}

const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const TWO_DAYS_S = 2 * 24 * 60 * 60;

export function memoryTokenBudget(dailyLimit: number): TokenBudget {
  const byDay = new Map<string, number>();
  return {
    dailyLimit,
    used: async (now) => byDay.get(dayOf(now)) ?? 0,
    async add(tokens, now) {
      const day = dayOf(now);
      byDay.set(day, (byDay.get(day) ?? 0) + tokens);
      for (const key of byDay.keys()) if (key < day) byDay.delete(key);
    },
  };
}

export function redisTokenBudget(redis: Redis, keyPrefix: string, dailyLimit: number): TokenBudget {
  const key = (now: Date) => `${keyPrefix}:ai:tokens:${dayOf(now)}`;
  return {
    dailyLimit,
    async used(now) {
      return Number((await redis.get(key(now))) ?? 0);
    },
    async add(tokens, now) {
      if (tokens <= 0) return;
      await redis.multi().incrby(key(now), tokens).expire(key(now), TWO_DAYS_S).exec();
    },
  };
}
