import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLContext } from './context.js';
import { formatGraphQLError } from './errors.js';

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
  createContext(
    request: import('node:http').IncomingMessage,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<GraphQLContext>;
}): WebSocketTransport {
  const wsServer = new WebSocketServer({ server: options.server, path: '/graphql' });
  const format = (errors: readonly import('graphql').GraphQLError[]) =>
    errors.map((error) =>
      formatGraphQLError(error.toJSON(), { exposeInternals: options.exposeInternals }),
    );
  const serverCleanup = useServer(
    {
      schema: options.schema,
      context: (ctx) => options.createContext(ctx.extra.request, ctx.connectionParams),
      // Errors reported here come from parsing/validating the operation: the caller's fault.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) =>
          formatGraphQLError(
            {
              ...error.toJSON(),
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
            },
            { exposeInternals: options.exposeInternals },
          ),
        ),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
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
