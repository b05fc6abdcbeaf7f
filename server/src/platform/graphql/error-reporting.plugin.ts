import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { isBackendUnavailable } from '../unavailable.js';
import { isReportable, type ErrorReporter } from '../error-reporting.js';
import { currentRequestScope } from '../logging.js';
import { normaliseErrorCode } from './errors.js';
import type { GraphQLContext } from './context.js';

/** A backing service is down: answered SERVICE_UNAVAILABLE, logged as a warning. */
function isOutage(error: unknown, code: unknown): boolean {
  return code === 'SERVICE_UNAVAILABLE' || isBackendUnavailable(error);
}

/** The error a resolver threw, under graphql-js's located wrapper. */
function originalOf(error: GraphQLError): Error {
  return error.originalError ?? error;
}

/**
 * Unexpected errors (not the caller's fault) are logged with the request id, the operation
 * and the stack, always; and sent to Sentry when it is configured. An unreachable database is
 * logged as a warning (it answers SERVICE_UNAVAILABLE) and not reported per request.
 */
export function errorReportingPlugin(reporter: ErrorReporter): ApolloServerPlugin<GraphQLContext> {
  return {
    async contextCreationDidFail({ error }) {
      const code = (error as Partial<GraphQLError>).extensions?.code;
      if (!isReportable(code)) return;
      // The request's logger (with its req_id) is in the async scope of the HTTP request.
      const log = currentRequestScope()?.log;
      if (isOutage(error, code)) log?.warn({ err: error }, 'database unavailable');
      else log?.error({ err: error, operation: null }, 'context creation failed');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName, operation }) {
          // Without an operation the document did not parse or validate: the caller's fault.
          if (!operation) return;
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!isReportable(code, error.message)) continue;
            const original = originalOf(error);
            const fields = {
              err: original,
              operation: operationName ?? null,
              path: error.path?.join('.'),
            };
            if (isOutage(original, code)) {
              contextValue.log.warn(fields, 'database unavailable');
              continue;
            }
            // AI_UNAVAILABLE and the like are degraded dependencies, not bugs of ours.
            if (normaliseErrorCode(code, error.message).code === 'INTERNAL_SERVER_ERROR')
              contextValue.log.error(fields, 'unexpected error');
            else contextValue.log.warn(fields, 'dependency unavailable');
            reporter.report(original, {
              reqId: contextValue.reqId,
              userId: contextValue.viewer?.userId,
              operationName: operationName ?? undefined,
              code,
            });
          }
        },
      };
    },
  };
}
