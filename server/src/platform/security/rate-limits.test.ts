import type { IncomingMessage } from 'node:http';
import { graphql } from 'graphql';
import { Ctx, Query, Resolver, buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from '../graphql/context.js';
import { RateLimitedError } from '../graphql/errors.js';
import { upgradeClientIp } from './client-ip.js';
import { RateLimit } from './rate-limit.decorator.js';
import { createRateLimits, type RateLimitConfig } from './rate-limits.js';

const config = (overrides: Partial<RateLimitConfig> = {}): RateLimitConfig => ({
  global: { perMinute: 100, perHour: 2000 },
  auth: { perMinute: 2, perHour: 50 },
  ai: { perMinute: 2, perHour: 3 },
  keyPrefix: 'unit',
  ...overrides,
});

describe('createRateLimits (memory)', () => {
  it('refuses over the per-minute limit with a retry time, per key and per bucket', async () => {
    const limits = createRateLimits(config());
    await limits.consume('auth', 'ip:a');
    await limits.consume('auth', 'ip:a');
    const refusal = await limits.consume('auth', 'ip:a').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(limits.consume('auth', 'ip:b')).resolves.toBeUndefined();
    await expect(limits.consume('ai', 'ip:a')).resolves.toBeUndefined();
  });
});

@Resolver()
class AdviceResolver {
  @Query(() => String)
  @RateLimit('ai')
  advice(@Ctx() _context: GraphQLContext): string {
    return 'stack might';
  }
}

describe('@RateLimit', () => {
  it('charges AI calls per user, and anonymous calls per IP', async () => {
    const schema = await buildSchema({ resolvers: [AdviceResolver], validate: false });
    const rateLimits = createRateLimits(config());
    const contextFor = (userId: string | null, ip = '10.0.0.1') =>
      ({
        ip,
        viewer: userId ? { userId, role: 'USER' } : null,
        services: { rateLimits },
      }) as unknown as GraphQLContext; // only the fields the middleware reads
    const ask = async (context: GraphQLContext) =>
      (await graphql({ schema, source: '{ advice }', contextValue: context })).errors?.[0]
        ?.extensions?.code ?? 'OK';

    expect(await ask(contextFor('alice'))).toBe('OK');
    expect(await ask(contextFor('alice', '10.0.0.2'))).toBe('OK');
    // Alice's budget follows her across addresses; Bob on her address has his own.
    expect(await ask(contextFor('alice', '10.0.0.3'))).toBe('RATE_LIMITED');
    expect(await ask(contextFor('bob'))).toBe('OK');
    expect(await ask(contextFor(null))).toBe('OK');
    expect(await ask(contextFor(null))).toBe('OK');
    expect(await ask(contextFor(null))).toBe('RATE_LIMITED');
  });
});

describe('upgradeClientIp', () => {
  const request = (headers: Record<string, string>) =>
    ({ headers, socket: { remoteAddress: '172.18.0.5' } }) as unknown as IncomingMessage;
  it('uses the peer unless the proxy is trusted', () => {
    const forwarded = request({ 'x-forwarded-for': '203.0.113.7, 172.18.0.5' });
    expect(upgradeClientIp(forwarded, false)).toBe('172.18.0.5');
    expect(upgradeClientIp(forwarded, true)).toBe('203.0.113.7');
    expect(upgradeClientIp(request({}), true)).toBe('172.18.0.5');
  });
});
