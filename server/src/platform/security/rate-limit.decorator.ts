import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import type { RateLimitBucket } from './rate-limits.js';

/**
 * Charges each call of the decorated resolver to `bucket`: per client IP for `auth` (the
 * caller is usually not signed in yet), per user for `ai` (per IP for anonymous callers).
 * Over the limit the operation fails with RATE_LIMITED and `extensions.retryAfter`.
 *
 * ```ts
 * @Mutation(() => Advice)
 * @Authorized()
 * @RateLimit('ai')
 * askForAdvice(...) {}
 * ```
 */
export function RateLimit(
  bucket: Exclude<RateLimitBucket, 'global'>,
): MethodDecorator & PropertyDecorator {
  const charge: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
    const key =
      bucket === 'auth' || !context.viewer ? `ip:${context.ip}` : `user:${context.viewer.userId}`;
    await context.services.rateLimits.consume(bucket, key);
    return next();
  };
  return UseMiddleware(charge);
}
