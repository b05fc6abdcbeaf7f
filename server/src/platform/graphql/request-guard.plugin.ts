import type { ApolloServerPlugin } from '@apollo/server';
import { BadUserInputError } from './errors.js';
import type { RequestTextChecker } from './request-text.js';

export const SUBSCRIPTION_OVER_HTTP_MESSAGE =
  'Subscriptions run over the websocket at /graphql (graphql-transport-ws protocol), not over HTTP.';

/**
 * Checks of a resolved HTTP operation before anything executes: subscriptions are refused
 * (they need the websocket), every text input passes the shared text rules; and a response
 * that carries no data because a backing service is down answers 503 with Retry-After.
 */
export function requestGuardPlugin<C extends object>(
  checkText: RequestTextChecker,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation === 'subscription')
            throw new BadUserInputError(
              SUBSCRIPTION_OVER_HTTP_MESSAGE,
              { reason: 'SUBSCRIPTION_OVER_HTTP' },
              400,
            );
          checkText(document, request.variables);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== null && data !== undefined) return;
          const unavailable = errors?.find(
            (error) => error.extensions?.code === 'SERVICE_UNAVAILABLE',
          );
          if (!unavailable) return;
          response.http.status = 503;
          const retryAfter = unavailable.extensions?.retryAfter;
          if (typeof retryAfter === 'number')
            response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
