import type { IncomingMessage } from 'node:http';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AccessTokens } from '../../modules/accounts/access-token.js';
import {
  authenticate,
  authorizationParam,
  InvalidTokenError,
} from '../../modules/accounts/authenticate.js';
import type { AppServices } from '../../services.js';
import type { Cleanups } from '../cleanups.js';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { isBackendUnavailable } from '../unavailable.js';
import { requestIdFor } from '../http/request-id.js';
import { createArmor } from '../security/armor.js';
import { upgradeClientIp } from '../security/client-ip.js';
import { fastifyCookieJar, noCookies, type CookieJar } from '../security/cookies.js';
import { rateLimitHttpPlugin } from '../security/rate-limit.plugin.js';
import { createApolloServer } from './apollo.js';
import type { GraphQLContext, Viewer } from './context.js';
import { RateLimitedError, ServiceUnavailableError } from './errors.js';
import { createRequestTextChecker } from './request-text.js';
import { requestGuardPlugin } from './request-guard.plugin.js';
import { buildAppSchema } from './schema.js';
import { attachWebSocketTransport, type WebSocketTransport } from './websocket.js';

export interface GraphQLTransportOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: Database;
  readonly services: AppServices;
  readonly accessTokens: AccessTokens;
}

/**
 * GraphQL at /graphql on both transports: Apollo over HTTP (queries and mutations) and
 * graphql-ws over the upgraded socket (subscriptions), with the same schema, armor and context.
 * Apollo stops through `cleanups`; the sockets close before Fastify waits for requests.
 */
export async function registerGraphQLTransport(
  fastify: FastifyInstance,
  { config, logger, database, services, accessTokens }: GraphQLTransportOptions,
  cleanups: Cleanups,
): Promise<void> {
  const { metrics, errorReporter, rateLimits } = services;
  const schema = await buildAppSchema(services.pubSub);
  const exposeInternals = !config.isProduction;

  const createContext = async (input: {
    reqId: string;
    log: FastifyBaseLogger;
    ip: string;
    viewer: Viewer | null;
    em?: EntityManager;
    cookies: CookieJar;
  }): Promise<GraphQLContext> => {
    // Forked on first use: most catalog queries, and a live team's events, never need one.
    let em = input.em;
    return {
      reqId: input.reqId,
      log: input.log,
      ip: input.ip,
      get em() {
        return (em ??= database.orm.em.fork());
      },
      viewer: input.viewer,
      services,
      cookies: input.cookies,
    };
  };
  // An invalid bearer token fails the request (401) instead of running it anonymously.
  const httpViewer = async (authorization: unknown, em: () => EntityManager) => {
    const result = await authenticate(authorization, {
      tokens: accessTokens,
      accounts: services.accounts.service,
      em,
    });
    if (!result.ok) throw new InvalidTokenError(result.reason);
    return result.viewer;
  };
  // The viewer of each socket, decided once at connection_init.
  const socketViewers = new WeakMap<IncomingMessage, Viewer | null>();

  const armor = createArmor({ exposeLimits: exposeInternals });
  const checkText = createRequestTextChecker(schema);
  const apollo = await createApolloServer({
    schema,
    introspection: config.introspection,
    exposeInternals,
    metrics,
    errorReporter,
    plugins: [
      ...armor.plugins,
      rateLimitHttpPlugin<GraphQLContext>(),
      requestGuardPlugin<GraphQLContext>(checkText),
    ],
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
  });
  cleanups.add(() => apollo.stop());
  fastify.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      context: async (request, reply) => {
        let em: EntityManager | undefined;
        const forkOnce = () => (em ??= database.orm.em.fork());
        let viewer: Viewer | null;
        try {
          viewer = await httpViewer(request.headers.authorization, forkOnce);
        } catch (error) {
          // Checking a session may need the database: while it is down, say "retry shortly".
          if (isBackendUnavailable(error)) throw new ServiceUnavailableError();
          throw error;
        }
        return createContext({
          reqId: request.id,
          log: request.log,
          ip: request.ip,
          em,
          viewer,
          cookies: fastifyCookieJar(request, reply),
        });
      },
    }),
  });

  let websockets: WebSocketTransport | undefined;
  fastify.addHook('onReady', async () => {
    websockets = attachWebSocketTransport({
      server: fastify.server,
      schema,
      exposeInternals,
      metrics,
      checkText,
      log: fastify.log,
      validationRules: armor.validationRules,
      parseOptions: armor.parseOptions,
      onConnect: async (request, connectionParams) => {
        const ip = upgradeClientIp(request, config.trustProxy);
        try {
          await rateLimits.consume('global', `ip:${ip}`);
        } catch (error) {
          if (error instanceof RateLimitedError) return { code: 4429, reason: 'Too many requests' };
          throw error;
        }
        const result = await authenticate(authorizationParam(connectionParams), {
          tokens: accessTokens,
          accounts: services.accounts.service,
          em: () => database.orm.em.fork(),
        });
        if (!result.ok)
          return {
            code: 4401,
            reason: result.reason === 'expired' ? 'Token expired' : 'Unauthorized',
          };
        socketViewers.set(request, result.viewer);
        return null;
      },
      createContext: async (request) => {
        const reqId = requestIdFor(request);
        return createContext({
          reqId,
          log: logger.child({ req_id: reqId, transport: 'websocket' }),
          ip: upgradeClientIp(request, config.trustProxy),
          viewer: socketViewers.get(request) ?? null,
          cookies: noCookies,
        });
      },
    });
  });
  // Upgraded sockets would hold the HTTP server open: close them before it waits for requests.
  fastify.addHook('preClose', async () => {
    await websockets?.close();
  });
}
