import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import type { ErrorReporter } from '../error-reporting.js';
import { runInRequestScope } from '../logging.js';
import { isAuthorizedScrape } from '../metrics-endpoint.js';
import type { Metrics } from '../metrics.js';
import { registerHttpHardening } from '../security/http-hardening.js';
import type { RateLimits } from '../security/rate-limits.js';
import { httpErrorHandler } from './error-handler.js';
import { requestIdFor } from './request-id.js';

export interface HttpServerOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly errorReporter: ErrorReporter;
  readonly rateLimits: RateLimits;
  /** The signed-in user of a request (verified token), for per-user global limits. */
  identify(request: FastifyRequest): Promise<string | undefined>;
}

export interface HttpServer {
  readonly fastify: FastifyInstance;
  /** From now on responses ask clients to close their keep-alive connections. */
  beginShutdown(): void;
}

/**
 * The Fastify instance with what every route shares: request ids and request-scoped logs,
 * HTTP metrics, error reporting and mapping, the hardening (cookies, headers, CORS, the global
 * rate limit) and GET /metrics. Routes are added by the caller.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { config, metrics, errorReporter } = options;
  const fastify = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    // One access-log line per request (the onResponse hook below) instead of Fastify's two. With
    // a logController Fastify reads the option from the controller only: the top-level
    // `disableRequestLogging` is ignored there (and deprecated), which logged three lines.
    logController: new LogController({ requestIdLogLabel: 'req_id', disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runInRequestScope({ reqId: request.id, log: request.log }, done);
  });
  // The access line holds only the method, path, status and time, none of them a field the
  // redaction looks for, so it skips the redaction pass (4x the cost of the line without it).
  // The path leaves out the query string: a GraphQL GET carries its variables (a password,
  // a token) there.
  const accessLog = options.logger.child({}, { redact: [] });
  fastify.addHook('onResponse', async (request, reply) => {
    accessLog.info(
      {
        req_id: request.id,
        req: { method: request.method, url: request.url.split('?', 1)[0] },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
    metrics.observeHttp(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  fastify.setErrorHandler<FastifyError>((error, request, reply) => {
    if ((error.statusCode ?? 500) >= 500) errorReporter.report(error, { reqId: request.id });
    return httpErrorHandler(error, request, reply);
  });
  await registerHttpHardening(fastify, {
    isProduction: config.isProduction,
    corsOrigins: config.corsOrigins,
    rateLimits: options.rateLimits,
    identify: options.identify,
  });
  // While shutting down, in-flight responses ask the client to close its keep-alive
  // connection, so the server is not held open by sockets that just went idle.
  let shuttingDown = false;
  fastify.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) void reply.header('connection', 'close');
  });
  fastify.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (!isAuthorizedScrape(request.headers.authorization, config.metricsToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send('unauthorized\n');
    }
    return reply.type(metrics.contentType).send(await metrics.render());
  });
  return {
    fastify,
    beginShutdown: () => {
      shuttingDown = true;
    },
  };
}
