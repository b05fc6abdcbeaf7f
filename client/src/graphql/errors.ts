import type { ApolloError } from '@apollo/client/core';

/** One error as shown to a player: the server's message and its `extensions.code`. */
export interface ErrorDetail {
  message: string;
  code: string | null;
}

interface ErrorLike {
  message?: unknown;
  extensions?: { code?: unknown } | null;
}

function toDetail(error: ErrorLike): ErrorDetail {
  const code = error.extensions?.code;
  return {
    message: typeof error.message === 'string' ? error.message : 'Unknown error',
    code: typeof code === 'string' ? code : null,
  };
}

/** GraphQL errors an HTTP error response carried in its body (e.g. a 400 or 503). */
function bodyErrors(networkError: object): ErrorLike[] {
  if (!('result' in networkError)) return [];
  const result: unknown = networkError.result;
  if (typeof result !== 'object' || result === null || !('errors' in result)) return [];
  return Array.isArray(result.errors) ? (result.errors as ErrorLike[]) : [];
}

/**
 * Flattens an ApolloError into what the server said: GraphQL errors first, then errors a
 * failed HTTP response carried, then the transport failure itself.
 */
export function describeApolloError(error: ApolloError): ErrorDetail[] {
  const details = [...error.graphQLErrors, ...error.protocolErrors, ...error.clientErrors].map(
    toDetail,
  );
  if (error.networkError) {
    const fromBody = bodyErrors(error.networkError).map(toDetail);
    details.push(...(fromBody.length > 0 ? fromBody : [toDetail(error.networkError)]));
  }
  return details.length > 0 ? details : [{ message: error.message, code: null }];
}
