import type { ApolloServerPlugin } from '@apollo/server';

/**
 * An operation refused by a rate limit answers like the HTTP layer does: `Retry-After`, and
 * status 429 when nothing else of the operation succeeded.
 */
export function rateLimitHttpPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const limited = errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
          if (!limited) return;
          const retryAfter = limited.extensions?.retryAfter;
          if (typeof retryAfter === 'number')
            response.http.headers.set('retry-after', String(retryAfter));
          if (data === null || data === undefined) response.http.status = 429;
        },
      };
    },
  };
}
