import type { ApolloError } from '@apollo/client/core';

/** One error as the server (or the transport) reported it: for the details toggle. */
export interface ErrorDetail {
  message: string;
  code: string | null;
}

/** The `extensions.code` values of the API (docs/ARCHITECTURE.md), plus transport failures. */
export type ErrorKind =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'AI_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR';

/** An error as a player reads it. */
export interface PlayerError {
  kind: ErrorKind;
  /** What happened and what to do, in words for a player; never a code. */
  message: string;
  /** Seconds the server asked to wait (RATE_LIMITED, SERVICE_UNAVAILABLE). */
  retryAfter: number | null;
  /** Signing in (again) is the way forward. */
  needsSignIn: boolean;
  /** Everything the server said, codes included, for a bug report. */
  details: ErrorDetail[];
}

interface ErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
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

function isApolloError(error: unknown): error is ApolloError {
  return typeof error === 'object' && error !== null && 'graphQLErrors' in error;
}

/** Every error an ApolloError carries, GraphQL errors first, the transport failure last. */
function errorsOf(error: ApolloError): ErrorLike[] {
  const errors: ErrorLike[] = [
    ...error.graphQLErrors,
    ...error.protocolErrors,
    ...error.clientErrors,
  ];
  if (error.networkError) {
    const fromBody = bodyErrors(error.networkError);
    errors.push(...(fromBody.length > 0 ? fromBody : [error.networkError]));
  }
  return errors.length > 0 ? errors : [{ message: error.message }];
}

/**
 * Flattens an ApolloError into what the server said: GraphQL errors first, then errors a
 * failed HTTP response carried, then the transport failure itself.
 */
export function describeApolloError(error: ApolloError): ErrorDetail[] {
  return errorsOf(error).map(toDetail);
}

// Apollo's request-level failures (the app sent a document the API refuses): not the player's doing.
const REQUEST_REASONS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

const SENTENCES: Record<ErrorKind, string> = {
  BAD_USER_INPUT: 'Check what you entered and try again.',
  UNAUTHENTICATED: 'Sign in to do this.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'It may have been deleted, or it is private and its owner has not shared it with you.',
  CONFLICT: 'Someone else changed this at the same time. Reload and try again.',
  RATE_LIMITED: 'Too many requests at once.',
  AI_UNAVAILABLE:
    'The AI assistant is unavailable right now; everything else works. Try again later.',
  SERVICE_UNAVAILABLE: 'The server is busy or restarting. Try again shortly.',
  INTERNAL_SERVER_ERROR:
    'Something went wrong on our side. Try again; if it keeps happening, report it with the details below.',
  NETWORK_ERROR: 'Could not reach the server. Check your connection and try again.',
};

const KINDS = new Set<string>(Object.keys(SENTENCES));

/**
 * The server writes its own messages for players (bad input, conflicts, "Wrong login or
 * password."), except type-graphql's authorization text and anything internal.
 */
function playerWritten(message: string): boolean {
  return (
    message.length > 0 && !/^Access denied!/.test(message) && message !== 'Internal server error.'
  );
}

function seconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

function kindOf(error: ErrorLike, transport: boolean): ErrorKind {
  const code = error.extensions?.code;
  if (typeof code === 'string' && KINDS.has(code)) return code as ErrorKind;
  return transport ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR';
}

/** What to tell a player about any error a GraphQL operation (or anything else) threw. */
export function explainError(error: unknown): PlayerError {
  const errors: ErrorLike[] = isApolloError(error)
    ? errorsOf(error)
    : [{ message: error instanceof Error ? error.message : String(error) }];
  const first = errors[0] ?? {};
  // Without a code, an error that came with no GraphQL error is a transport failure.
  const transport =
    isApolloError(error) && error.graphQLErrors.length === 0 && error.networkError !== null;
  const kind = kindOf(first, transport);
  const serverMessage = typeof first.message === 'string' ? first.message.trim() : '';
  const retryAfter = seconds(first.extensions?.retryAfter);
  const details = errors.map(toDetail);
  return {
    kind,
    message: sentence(kind, serverMessage, first.extensions ?? {}, retryAfter),
    retryAfter,
    needsSignIn: kind === 'UNAUTHENTICATED',
    details,
  };
}

function sentence(
  kind: ErrorKind,
  serverMessage: string,
  extensions: Record<string, unknown>,
  retryAfter: number | null,
): string {
  switch (kind) {
    case 'BAD_USER_INPUT':
      if (REQUEST_REASONS.has(String(extensions.reason))) {
        return 'The app sent a request the server could not accept. Reload the page and try again.';
      }
      return playerWritten(serverMessage) ? serverMessage : SENTENCES.BAD_USER_INPUT;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'CONFLICT':
      return playerWritten(serverMessage) ? serverMessage : SENTENCES[kind];
    case 'NOT_FOUND':
      return playerWritten(serverMessage)
        ? `${serverMessage} ${SENTENCES.NOT_FOUND}`
        : `Not found. ${SENTENCES.NOT_FOUND}`;
    case 'RATE_LIMITED':
      return retryAfter
        ? `Too many requests at once: wait ${retryAfter} s and try again.`
        : `${SENTENCES.RATE_LIMITED} Wait a moment and try again.`;
    case 'SERVICE_UNAVAILABLE':
      return retryAfter
        ? `The server is busy or restarting. Try again shortly (in about ${retryAfter} s).`
        : SENTENCES.SERVICE_UNAVAILABLE;
    default:
      return SENTENCES[kind];
  }
}
