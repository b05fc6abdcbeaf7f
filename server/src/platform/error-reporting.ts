import type { AppConfig } from './config.js';
import { EXPECTED_ERROR_CODES, normaliseErrorCode } from './graphql/errors.js';

/**
 * Where unexpected errors go. With SENTRY_DSN they are sent to Sentry tagged with the request
 * id, the user and the GraphQL operation; expected errors (BAD_USER_INPUT, NOT_FOUND, ...) are
 * the caller's and are never reported. Without a DSN reporting is a no-op.
 */
export interface ErrorReporter {
  readonly enabled: boolean;
  report(error: unknown, context: ErrorContext): void;
  /** Sends what is queued (shutdown, tests). */
  flush(timeoutMs?: number): Promise<boolean>;
}

export interface ErrorContext {
  readonly reqId?: string;
  readonly userId?: string;
  readonly operationName?: string;
  /** The error's `extensions.code`, when known: expected codes are not reported. */
  readonly code?: unknown;
}

export function isReportable(code: unknown, message?: string): boolean {
  if (code === undefined && message === undefined) return true;
  return !EXPECTED_ERROR_CODES.has(normaliseErrorCode(code, message).code);
}

let sentryInitialised = false;

export async function createErrorReporter(config: AppConfig): Promise<ErrorReporter> {
  if (!config.sentryDsn) {
    return { enabled: false, report: () => {}, flush: async () => true };
  }
  // Loaded only when configured: the SDK costs about half a second of start-up.
  const Sentry = await import('@sentry/node');
  // Sentry is process-wide; a second app in the same process (tests) reuses the client.
  if (!sentryInitialised) {
    Sentry.init({
      dsn: config.sentryDsn,
      release: `gw2-squad-optimizer@${config.version}`,
      environment: config.env,
      sendDefaultPii: false,
      tracesSampleRate: 0,
      // Errors only: no OpenTelemetry auto-instrumentation, no global handlers (main.ts owns
      // process events); errors are captured explicitly with their request context.
      skipOpenTelemetrySetup: true,
      defaultIntegrations: false,
    });
    sentryInitialised = true;
  }
  return {
    enabled: true,
    report(error, context) {
      if (!isReportable(context.code)) return;
      Sentry.withScope((scope) => {
        if (context.reqId) scope.setTag('req_id', context.reqId);
        if (context.userId) scope.setUser({ id: context.userId });
        if (context.operationName) scope.setTag('graphql.operation', context.operationName);
        Sentry.captureException(error);
      });
    },
    flush: (timeoutMs = 2_000) => Sentry.flush(timeoutMs),
  };
}
