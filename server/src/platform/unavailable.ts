/** Socket errors meaning the database could not be reached (or went away mid-request). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is shutting down, starting, or out of connections: class 08
 * (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300.
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

// What pg and knex say when a pooled connection dies or none can be had. "Transaction query
// already complete" is knex refusing the next statement of a transaction it rolled back because
// its connection died (the connection error itself goes to the pool, not to the caller); no code
// here issues a statement on a finished transaction otherwise, so it means the same outage.
const DATABASE_UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|terminating connection due to administrator command|the database system is (starting up|shutting down)|Client has encountered a connection error|Transaction query already complete/i;

// What ioredis says when Redis does not answer in time, went away, or is down (commands fail
// fast once connected: redis.ts). The subscriptions and jobs that need Redis are then unavailable.
const REDIS_UNAVAILABLE_MESSAGES =
  /^Command timed out$|^Connection is closed\.?$|Stream isn't writeable and enableOfflineQueue options is false|Reached the max retries per request limit/;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && chain.length < 16) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    chain.push(current);
    const { originalError, cause, errors } = current as {
      originalError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    queue.push(originalError, cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return chain;
}

/**
 * Whether an error means a backing service (PostgreSQL, real or embedded, or Redis) is
 * unreachable rather than that the request was wrong: the request may be retried shortly.
 */
export function isBackendUnavailable(error: unknown): boolean {
  return causes(error).some((candidate) => {
    const { code, message, name } = candidate as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
    };
    if (name === 'ConnectionException' || name === 'MaxRetriesPerRequestError') return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || unavailableSqlState(code)))
      return true;
    return (
      typeof message === 'string' &&
      (DATABASE_UNAVAILABLE_MESSAGES.test(message) || REDIS_UNAVAILABLE_MESSAGES.test(message))
    );
  });
}
