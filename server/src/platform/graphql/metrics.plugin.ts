import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../metrics.js';
import type { GraphQLContext } from './context.js';

/**
 * Counts every GraphQL request by operation name and type, with the codes of its errors.
 * A request that never reached execution (parse or validation failure) counts its errors only.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation, operationName }) {
          const errors =
            response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => error.extensions?.code as string | undefined);
          if (!operation) {
            for (const code of codes) metrics.countGraphqlError(code);
            return;
          }
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(operationName ?? null, operation.operation, seconds, codes);
        },
      };
    },
  };
}
