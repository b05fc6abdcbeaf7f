import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isBackendUnavailable } from '../unavailable.js';

/** The only codes a client ever sees in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'AI_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes that describe the caller's request, not a fault of ours: never reported to Sentry. */
export const EXPECTED_ERROR_CODES: ReadonlySet<ErrorCode> = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

type Extensions = Record<string, unknown>;

/** Base of every error a resolver or service throws on purpose. */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, extensions: Extensions = {}) {
    super(message, { extensions });
  }
}

/** One invalid field; `field` is the input path, e.g. `input.specializations[2].id`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  /** `httpStatus`: for refusals before execution, answered with that status (e.g. 400). */
  constructor(
    message: string,
    details: { field?: string; problems?: readonly FieldProblem[]; reason?: string } = {},
    httpStatus?: number,
  ) {
    super(message, {
      code: 'BAD_USER_INPUT',
      ...details,
      ...(httpStatus ? { http: { status: httpStatus } } : {}),
    });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be signed in.') {
    super(message, { code: 'UNAUTHENTICATED' });
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do that.') {
    super(message, { code: 'FORBIDDEN' });
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what} not found.`, { code: 'NOT_FOUND' });
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, extensions: Extensions = {}) {
    super(message, { code: 'CONFLICT', ...extensions });
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} s.`, {
      code: 'RATE_LIMITED',
      retryAfter: retryAfterSeconds,
    });
  }
}

export class AiUnavailableError extends AppError {
  readonly code = 'AI_UNAVAILABLE';
  constructor(message = 'The AI service is unavailable right now.') {
    super(message, { code: 'AI_UNAVAILABLE' });
  }
}

/** Seconds a client is asked to wait when a backing service (the database) is unreachable. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;

/**
 * A backing service the request needs is unreachable (PostgreSQL down or restarting): nothing
 * was done, and the same request may succeed shortly. Answered with HTTP 503 and Retry-After
 * when no data came back.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(
    message = 'The service is temporarily unavailable. Try again shortly.',
    readonly retryAfterSeconds = SERVICE_RETRY_AFTER_SECONDS,
  ) {
    super(message, {
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: retryAfterSeconds,
      http: {
        status: 503,
        headers: new Map([['retry-after', String(retryAfterSeconds)]]),
      },
    });
  }
}

/**
 * Apollo's request-level codes (parse, validation, unknown operation, bad request) are the
 * client's fault: they become BAD_USER_INPUT, keeping Apollo's code as `reason`.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The code a formatted error carries, mapping foreign codes onto ours. */
/**
 * Request errors raised without a code (Apollo then labels them INTERNAL_SERVER_ERROR): past
 * 50 invalid variable values graphql-js aborts with a plain error, and Apollo refuses a
 * persisted-query hash that does not match the query. Both are the caller's input.
 */
const UNCODED_REQUEST_ERRORS: ReadonlyArray<[RegExp, string]> = [
  [/^Too many errors processing variables/, 'TOO_MANY_VARIABLE_ERRORS'],
  [/^provided sha does not match query/, 'PERSISTED_QUERY_HASH_MISMATCH'],
];

export function normaliseErrorCode(
  code: unknown,
  message?: string,
): { code: ErrorCode; reason?: string } {
  if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && message !== undefined) {
    const known = UNCODED_REQUEST_ERRORS.find(([pattern]) => pattern.test(message));
    if (known) return { code: 'BAD_USER_INPUT', reason: known[1] };
  }
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { code: code as ErrorCode };
  // type-graphql's @Authorized() raises UNAUTHORIZED for a signed-in caller without the role.
  if (code === 'UNAUTHORIZED') return { code: 'FORBIDDEN' };
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code))
    return { code: 'BAD_USER_INPUT', reason: code };
  return { code: 'INTERNAL_SERVER_ERROR' };
}

/**
 * Apollo's `formatError`: every error leaves with one of our codes. Anything unexpected
 * (a thrown TypeError, a database error) becomes a generic INTERNAL_SERVER_ERROR: its message
 * and stack stay in the logs, and in production nothing internal leaves the server.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  options: { exposeInternals: boolean },
  original?: unknown,
): GraphQLFormattedError {
  const { code, reason } = normaliseErrorCode(formatted.extensions?.code, formatted.message);
  if (
    code === 'INTERNAL_SERVER_ERROR' &&
    original !== undefined &&
    isBackendUnavailable(original)
  ) {
    const unavailable = new ServiceUnavailableError();
    return {
      message: unavailable.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: unavailable.code, retryAfter: unavailable.retryAfterSeconds },
    };
  }
  if (code === 'INTERNAL_SERVER_ERROR') {
    return {
      message: 'Internal server error.',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code,
        ...(options.exposeInternals ? { internalMessage: formatted.message } : {}),
      },
    };
  }
  const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
  return {
    ...formatted,
    extensions: { ...extensions, code, ...(reason ? { reason } : {}) },
  };
}

/** A GraphQL-shaped body for errors raised before GraphQL runs (bad JSON, oversize body). */
export function graphqlErrorBody(message: string, code: ErrorCode, reason?: string) {
  return { errors: [{ message, extensions: { code, ...(reason ? { reason } : {}) } }] };
}
