import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../graphql/errors.js';
import type { RateLimits } from './rate-limits.js';

/**
 * The official render service, where the game API's icon URLs point: the app shows profession
 * and specialization icons from there (letter tiles when an image fails). The only origin
 * besides this one the app loads anything from.
 */
export const ICON_ORIGIN = 'https://render.guildwars2.com';

const APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', ICON_ORIGIN],
  fontSrc: ["'self'"],
  // 'self' covers the same-origin websocket (ws:/wss:) in current browsers.
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * GraphiQL at /docs/: monaco sets inline styles and GraphiQL's CSS inlines its fonts. Still no
 * inline or eval'd script.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface HttpHardeningOptions {
  readonly isProduction: boolean;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  readonly rateLimits: RateLimits;
  /** The signed-in user of a request (verified token), for per-user global limits. */
  identify(request: FastifyRequest): Promise<string | undefined>;
}

/** Paths outside the API that are never rate limited: probes, metrics and static files. */
function isApiRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0];
  return path === '/graphql' || path === '/graphql/';
}

/**
 * Cookies, security headers with a CSP, CORS with an allowlist, and the global rate limit
 * for /graphql (per user when signed in, per IP otherwise). Register before any route.
 */
export async function registerHttpHardening(
  fastify: FastifyInstance,
  options: HttpHardeningOptions,
): Promise<void> {
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...APP_CSP_DIRECTIVES,
        // Only behind TLS: on plain-http development it would break every request.
        ...(options.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Cross-origin icons (ICON_ORIGIN) are plain <img> loads, which COEP would block.
    crossOriginEmbedderPolicy: false,
    hsts: options.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  const allowed = new Set(options.corsOrigins);
  await fastify.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/docs')) void reply.header('content-security-policy', DOCS_CSP);
    return payload;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request) || request.method === 'OPTIONS') return;
    const userId = await options.identify(request);
    try {
      await options.rateLimits.consume('global', userId ? `user:${userId}` : `ip:${request.ip}`);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return reply
        .code(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .send({
          errors: [
            {
              message: error.message,
              extensions: { code: 'RATE_LIMITED', retryAfter: error.retryAfterSeconds },
            },
          ],
        });
    }
  });
}
