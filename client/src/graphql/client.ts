import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  split,
  type NormalizedCacheObject,
} from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { createClient, type Client as WsClient, type ClientOptions } from 'graphql-ws';
import { accessToken, bearer, type TokenStore } from './auth-token';
import { createConnectionStatus, type ConnectionStatusSource } from './connection-status';
import type { SessionGate } from './session-gate';
import { graphqlWsUrl } from './ws-url';

// @vue/apollo-composable 4.2 calls ObservableQuery APIs that Apollo 3.14 flags for removal in
// 4.0 (getLastResult); nothing in this app can act on those warnings, so they are muted.
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;

/** A close code graphql-ws does not treat as fatal, so the client reconnects. */
const RESTART_CLOSE_CODE = 4205;
const MAX_RETRY_DELAY_MS = 30_000;

export interface ApolloClientOptions {
  /** HTTP endpoint; defaults to the page's own `/graphql`. */
  httpUri?: string;
  /** graphql-ws endpoint; defaults to ws(s)://<page host>/graphql. */
  wsUrl?: string;
  /** Where the access token lives; defaults to the app-wide store. */
  tokens?: TokenStore;
  /** Holds every operation (HTTP and websocket) until the session is known (main.ts). */
  sessionGate?: SessionGate;
  /** For tests: a fetch that never leaves the process. */
  fetch?: typeof fetch;
  /** For tests: a WebSocket implementation and a retry wait that does not sleep. */
  ws?: Pick<ClientOptions, 'webSocketImpl' | 'retryWait'>;
}

export interface AppApolloClient {
  client: ApolloClient<NormalizedCacheObject>;
  /** The websocket's state, for "reconnecting" indicators. */
  connectionStatus: ConnectionStatusSource;
  /**
   * Closes the websocket so it reconnects with fresh connection params (the current token);
   * active subscriptions resubscribe on the new connection.
   */
  restartWebSocket(): void;
  /** Stops the client, closes the websocket and stops following the token. */
  dispose(): Promise<void>;
}

/**
 * Adds `Authorization: Bearer <token>` when the store holds a token. Read per request, so a
 * sign-in or sign-out applies to the next operation.
 */
export function createAuthLink(tokens: TokenStore): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const token = tokens.get();
    if (token) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, Authorization: bearer(token) },
      }));
    }
    return forward(operation);
  });
}

/** The normalized cache with the app's type policies (tests use it too). */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // One of each per server: store them as singletons.
      ServerInfo: { keyFields: [] },
      Readiness: { keyFields: [] },
      // Connections: pages of one filter join into one list (fetchMore with `after`).
      // Every team change returns the whole member list and coverage: replace, never merge.
      Team: { fields: { members: { merge: false }, coverage: { merge: false } } },
      Query: {
        fields: {
          builds: relayStylePagination(['filter']),
          teams: relayStylePagination(['filter']),
          aiJobs: relayStylePagination(),
        },
      },
    },
  });
}

/** Exponential backoff with full jitter, capped at 30 s: `retries` 0 waits up to 1 s. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, 1_000 * 2 ** retries);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

interface ClosableSocket {
  readonly readyState: number;
  close(code: number, reason: string): void;
}

function isClosableSocket(value: unknown): value is ClosableSocket {
  return (
    typeof value === 'object' &&
    value !== null &&
    'readyState' in value &&
    'close' in value &&
    typeof value.close === 'function'
  );
}

const WS_OPEN = 1;

/** A graphql-ws client that can be told to reconnect (after the token changed). */
function createRestartableWsClient(options: ClientOptions): {
  client: WsClient;
  status: ConnectionStatusSource;
  restart(): void;
} {
  const status = createConnectionStatus();
  let socket: ClosableSocket | null = null;
  let restartRequested = false;

  const restartNow = (open: ClosableSocket) => {
    restartRequested = false;
    open.close(RESTART_CLOSE_CODE, 'Client restart');
  };

  const client = createClient({
    ...options,
    on: {
      ...options.on,
      connecting(isRetry) {
        options.on?.connecting?.(isRetry);
        status.set(isRetry ? 'reconnecting' : 'connecting');
      },
      opened(opened) {
        options.on?.opened?.(opened);
        socket = isClosableSocket(opened) ? opened : null;
        if (socket && restartRequested) restartNow(socket);
      },
      connected(connected, payload, wasRetry) {
        options.on?.connected?.(connected, payload, wasRetry);
        status.set('connected');
      },
      closed(event) {
        options.on?.closed?.(event);
        socket = null;
        // 1000: the lazy client closed after the last subscription ended; anything else is a
        // drop (or a restart) that the retry loop answers.
        const normal =
          typeof event === 'object' && event !== null && 'code' in event && event.code === 1000;
        status.set(normal ? 'idle' : 'reconnecting');
      },
    },
  });

  return {
    client,
    status,
    restart() {
      // No socket: the next connection reads the current token anyway.
      if (!socket) return;
      if (socket.readyState === WS_OPEN) restartNow(socket);
      else restartRequested = true;
    },
  };
}

function isSubscription({ query }: { query: Parameters<typeof getMainDefinition>[0] }): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/**
 * The app's Apollo client: queries and mutations over HTTP, subscriptions over graphql-ws,
 * both carrying the access token. A token change restarts the websocket.
 */
export function createApolloClient(options: ApolloClientOptions = {}): AppApolloClient {
  const tokens = options.tokens ?? accessToken;

  const httpLink = new HttpLink({
    uri: options.httpUri ?? '/graphql',
    // Apollo Server's CSRF prevention accepts JSON POSTs; this header also lets GETs through.
    headers: { 'apollo-require-preflight': 'true' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const ws = createRestartableWsClient({
    url: options.wsUrl ?? graphqlWsUrl(window.location),
    lazy: true,
    // Live views (readiness) should come back after any outage, not give up after 5 tries.
    retryAttempts: Infinity,
    // Browsers report a refused or dropped connection as an `error` event, which graphql-ws
    // would treat as fatal by default; fatal close codes (4400, 4401, ...) still are.
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    connectionParams: () => {
      const token = tokens.get();
      return token ? { Authorization: bearer(token) } : {};
    },
    ...options.ws,
  });

  const transport = split(
    isSubscription,
    new GraphQLWsLink(ws.client),
    ApolloLink.from([createAuthLink(tokens), httpLink]),
  );
  const link = options.sessionGate
    ? ApolloLink.from([options.sessionGate.link, transport])
    : transport;

  const client = new ApolloClient({ link, cache: createCache() });

  const stopFollowingToken = tokens.subscribe(() => ws.restart());

  return {
    client,
    connectionStatus: ws.status,
    restartWebSocket: () => ws.restart(),
    async dispose() {
      stopFollowingToken();
      client.stop();
      await ws.client.dispose();
    },
  };
}
