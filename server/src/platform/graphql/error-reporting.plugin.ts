import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorReporter } from '../error-reporting.js';
import type { GraphQLContext } from './context.js';

/** Reports resolver errors that are not the caller's fault, with the request's context. */
export function errorReportingPlugin(reporter: ErrorReporter): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName, operation }) {
          // Without an operation the document did not parse or validate: the caller's fault.
          if (!operation) return;
          for (const error of errors) {
            reporter.report(error.originalError ?? error, {
              reqId: contextValue.reqId,
              userId: contextValue.viewer?.userId,
              operationName: operationName ?? undefined,
              code: error.extensions?.code,
            });
          }
        },
      };
    },
  };
}
