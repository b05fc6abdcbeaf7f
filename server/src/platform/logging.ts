import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The request a piece of code runs for. `log` is Fastify's child logger for the request, so
 * every line written through `scopedLogger()` carries its `req_id`, wherever in the call tree.
 */
export interface RequestScope {
  readonly reqId: string;
  log: FastifyBaseLogger;
}

const requestScopeStorage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return requestScopeStorage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return requestScopeStorage.getStore();
}

/**
 * Paths pino replaces with "[Redacted]". Passwords, tokens and cookies must never reach a
 * log line: request headers, GraphQL variables and anything named like a secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  '*.password',
  '*.*.password',
  'currentPassword',
  '*.currentPassword',
  '*.*.currentPassword',
  'newPassword',
  '*.newPassword',
  '*.*.newPassword',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'variables',
  '*.variables',
  'secret',
  '*.secret',
  'jwtSecret',
  '*.jwtSecret',
  'apiKey',
  '*.apiKey',
  'connectionParams',
  '*.connectionParams',
];

/** The current request's logger, or `fallback` outside a request (start-up, jobs). */
export function scopedLogger(fallback: FastifyBaseLogger): FastifyBaseLogger {
  return requestScopeStorage.getStore()?.log ?? fallback;
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'gw2-squad-optimizer' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    },
    options.destination,
  );
}
