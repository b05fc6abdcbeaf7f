import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Metrics } from '../metrics.js';
import type { GraphQLContext } from './context.js';
import { formatGraphQLError } from './errors.js';
import type { RequestTextChecker } from './request-text.js';

export interface WebSocketTransport {
  /** Closes every socket (code 1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * graphql-ws on the HTTP server's port at /graphql. Each operation gets its own context
 * (and so its own forked EntityManager), built by `createContext`.
 */
export function attachWebSocketTransport(options: {
  server: Server;
  schema: GraphQLSchema;
  exposeInternals: boolean;
  metrics: Metrics;
  /** The text rules every input string follows (request-text.ts), as over HTTP. */
  checkText: RequestTextChecker;
  /** Where errors of a running subscription go (its own context is gone by then). */
  log: FastifyBaseLogger;
  /** Extra validation rules (graphql-armor's limits), as over HTTP. */
  validationRules?: readonly ValidationRule[];
  /** graphql-js parse limits (maxTokens), as over HTTP. */
  parseOptions?: ParseOptions;
  createContext(
    request: import('node:http').IncomingMessage,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<GraphQLContext>;
  /**
   * Checked once per socket at connection_init: a refusal closes the socket with its code and
   * reason (4401 for a missing or expired token, say) before any operation runs.
   */
  onConnect?(
    request: import('node:http').IncomingMessage,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<{ code: number; reason: string } | null>;
}): WebSocketTransport {
  const { metrics } = options;
  const wsServer = new WebSocketServer({ server: options.server, path: '/graphql' });
  // Live subscriptions per socket, so a dropped socket ends its subscriptions in the gauge too.
  const liveSubscriptions = new WeakMap<object, Set<string>>();
  wsServer.on('connection', (socket) => {
    metrics.websocketOpened();
    const live = new Set<string>();
    liveSubscriptions.set(socket, live);
    socket.once('close', () => {
      metrics.websocketClosed();
      for (const _ of live) metrics.subscriptionEnded();
      live.clear();
    });
  });
  /** Errors raised by our own code, answered (and logged when unexpected) as over HTTP. */
  const format = (error: GraphQLError, log: FastifyBaseLogger) => {
    const formatted = formatGraphQLError(
      error.toJSON(),
      { exposeInternals: options.exposeInternals },
      error,
    );
    if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR')
      log.error(
        { err: error.originalError ?? error, operation: null, path: error.path?.join('.') },
        'unexpected error',
      );
    return formatted;
  };
  const documents = documentCache(options);
  const serverCleanup = useServer(
    {
      schema: options.schema,
      // A reconnect storm (every client of a restarted instance at once) queues the sockets'
      // connection_init behind each other's sign-in checks: graphql-ws's 3 s default closed
      // hundreds of them with 4408 while the server was merely busy (bench:subscriptions).
      connectionInitWaitTimeout: 10_000,
      // Parsed and validated once per distinct document, not once per subscriber: thousands of
      // clients subscribe with the same few documents.
      onSubscribe: (_ctx, _id, payload) => {
        const checked = documents(payload.query);
        if ('errors' in checked) return [...checked.errors];
        try {
          options.checkText(checked.document, payload.variables);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        return {
          schema: options.schema,
          document: checked.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      context: (ctx) => options.createContext(ctx.extra.request, ctx.connectionParams),
      onConnect: async (ctx) => {
        const refusal = await options.onConnect?.(ctx.extra.request, ctx.connectionParams);
        if (!refusal) return true;
        // Closing first gives the client our code; graphql-ws's own 4403 close is then a no-op.
        ctx.extra.socket.close(refusal.code, refusal.reason);
        return false;
      },
      // Errors reported here come either from parsing/validating the operation (the caller's
      // fault) or from a running subscription's source that threw (wrapped with originalError:
      // Redis timing out, the database away), which are ours and answered like over HTTP.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) =>
          error.originalError
            ? format(error, options.log)
            : formatGraphQLError(
                {
                  ...error.toJSON(),
                  extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
                },
                { exposeInternals: options.exposeInternals },
              ),
        ),
      onOperation: (ctx, id, _payload, args) => {
        if (getOperationAST(args.document, args.operationName)?.operation !== 'subscription')
          return;
        const live = liveSubscriptions.get(ctx.extra.socket);
        if (live && !live.has(id)) {
          live.add(id);
          metrics.subscriptionStarted();
        }
      },
      onComplete: (ctx, id) => {
        const live = liveSubscriptions.get(ctx.extra.socket);
        if (live?.delete(id)) metrics.subscriptionEnded();
      },
      onNext: (_ctx, _id, _payload, args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((error) =>
                format(error, (args.contextValue as GraphQLContext).log),
              ),
            }
          : undefined,
    },
    wsServer,
  );
  return {
    async close() {
      await serverCleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

type CheckedDocument =
  { readonly document: DocumentNode } | { readonly errors: readonly GraphQLError[] };

/** Documents up to this size are remembered; larger ones are checked every time. */
const CACHED_DOCUMENT_CHARS = 20_000;
const CACHED_DOCUMENTS = 1000;

/** Parse (with the armor's limits) and validate (with its rules), remembered per document text. */
function documentCache(options: {
  schema: GraphQLSchema;
  validationRules?: readonly ValidationRule[];
  parseOptions?: ParseOptions;
}): (query: string) => CheckedDocument {
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  const cache = new Map<string, CheckedDocument>();
  const check = (query: string): CheckedDocument => {
    let document: DocumentNode;
    try {
      document = parse(query, options.parseOptions);
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
    }
    const errors = validate(options.schema, document, rules);
    return errors.length > 0 ? { errors } : { document };
  };
  return (query) => {
    if (typeof query !== 'string' || query.length > CACHED_DOCUMENT_CHARS)
      return check(String(query));
    let checked = cache.get(query);
    if (!checked) {
      checked = check(query);
      // Oldest first: a Map keeps insertion order.
      if (cache.size >= CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
      cache.set(query, checked);
    }
    return checked;
  };
}
