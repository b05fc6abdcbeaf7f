import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createClient } from 'graphql-ws';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMetrics } from '../metrics.js';
import type { GraphQLContext } from './context.js';
import { attachWebSocketTransport, type WebSocketTransport } from './websocket.js';

/** A subscription whose source stream yields once and then fails the way `cause` says. */
function failingSource(cause: () => Error) {
  return {
    type: GraphQLString,
    subscribe: async function* () {
      yield 'first';
      throw cause();
    },
    resolve: (value: string) => value,
  };
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      // What ioredis throws when Redis does not answer within commandTimeout.
      redisTimesOut: failingSource(() => new Error('Command timed out')),
      bug: failingSource(() => new TypeError('x is undefined')),
    },
  }),
});

describe('websocket transport errors', () => {
  let server: Server;
  let transport: WebSocketTransport;
  let url: string;
  const logged: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    server = createServer();
    const log = pino(
      { level: 'error' },
      { write: (line: string) => logged.push(JSON.parse(line)) },
    );
    transport = attachWebSocketTransport({
      server,
      schema,
      exposeInternals: false,
      metrics: createMetrics({ defaultMetrics: false }),
      checkText: () => {},
      log,
      createContext: async () => ({ log }) as unknown as GraphQLContext,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await transport.close();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The values and the error payload of one subscription. */
  async function subscribe(query: string) {
    const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
    const values: unknown[] = [];
    try {
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          {
            next: (value) => values.push(value.data),
            error: resolve,
            complete: () => resolve(null),
          },
        );
      });
      return { values, error };
    } finally {
      await client.dispose();
    }
  }

  it('answers a source that lost Redis mid-stream as SERVICE_UNAVAILABLE, not as the caller’s fault', async () => {
    const { values, error } = await subscribe('subscription { redisTimesOut }');
    expect(values).toEqual([{ redisTimesOut: 'first' }]);
    expect(error).toEqual([
      expect.objectContaining({
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: expect.any(Number) },
      }),
    ]);
  });

  it('answers a failing source as INTERNAL_SERVER_ERROR without internals, and logs it', async () => {
    const { error } = await subscribe('subscription { bug }');
    expect(error).toEqual([
      { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(logged.some((line) => JSON.stringify(line).includes('x is undefined'))).toBe(true);
  });

  it('still answers an invalid operation as the caller’s fault', async () => {
    const { error } = await subscribe('subscription { nope }');
    expect(error).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          reason: 'GRAPHQL_VALIDATION_FAILED',
        }),
      }),
    ]);
  });
});
