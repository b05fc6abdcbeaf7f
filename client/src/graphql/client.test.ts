import { ApolloLink, execute, Observable, type Operation } from '@apollo/client/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutPageDocument, ReadinessIndicatorDocument } from '../gql/graphql';
import { createTokenStore } from './auth-token';
import { createApolloClient, createAuthLink, retryDelayMs, type AppApolloClient } from './client';

/** Runs one operation through `link` and a terminating link that records it. */
async function headersSentThrough(link: ApolloLink): Promise<Record<string, string> | undefined> {
  let seen: Operation | undefined;
  const terminating = new ApolloLink((operation) => {
    seen = operation;
    return Observable.of({ data: { serverInfo: { version: '1' } } });
  });
  await new Promise<void>((resolve, reject) => {
    execute(ApolloLink.from([link, terminating]), { query: AboutPageDocument }).subscribe({
      complete: resolve,
      error: reject,
    });
  });
  return (seen?.getContext() as { headers?: Record<string, string> }).headers;
}

describe('createAuthLink', () => {
  it('adds a Bearer Authorization header when a token is set', async () => {
    const headers = await headersSentThrough(createAuthLink(createTokenStore('secret-token')));
    expect(headers).toEqual({ Authorization: 'Bearer secret-token' });
  });

  it('adds nothing when signed out', async () => {
    const headers = await headersSentThrough(createAuthLink(createTokenStore()));
    expect(headers?.Authorization).toBeUndefined();
  });

  it('reads the token per operation and keeps headers set earlier in the chain', async () => {
    const tokens = createTokenStore();
    const earlier = new ApolloLink((operation, forward) => {
      operation.setContext({ headers: { 'x-trace': 'abc' } });
      return forward(operation);
    });
    const link = ApolloLink.from([earlier, createAuthLink(tokens)]);

    tokens.set('later-token');
    expect(await headersSentThrough(link)).toEqual({
      'x-trace': 'abc',
      Authorization: 'Bearer later-token',
    });
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially, with jitter within the upper half, capped at 30 s', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(6_000);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
    expect(retryDelayMs(20, () => 0)).toBe(15_000);
  });
});

interface FakeCloseEvent {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** A WebSocket that speaks just enough graphql-transport-ws: it acknowledges every init. */
function fakeWebSocketServer() {
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = FakeSocket.CONNECTING;
    readonly sent: { type: string; payload?: unknown }[] = [];
    closedWith: { code: number; reason: string } | null = null;
    onopen: (() => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: FakeCloseEvent) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;

    constructor(readonly url: string) {
      sockets.push(this);
      queueMicrotask(() => {
        this.readyState = FakeSocket.OPEN;
        this.onopen?.();
      });
    }

    send(data: string): void {
      const message = JSON.parse(data) as { type: string; payload?: unknown };
      this.sent.push(message);
      if (message.type === 'connection_init') {
        queueMicrotask(() =>
          this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }),
        );
      }
    }

    close(code: number, reason: string): void {
      if (this.readyState === FakeSocket.CLOSED) return;
      this.readyState = FakeSocket.CLOSED;
      this.closedWith = { code, reason };
      queueMicrotask(() => this.onclose?.({ code, reason, wasClean: true }));
    }
  }
  return { FakeSocket, sockets };
}

describe('createApolloClient', () => {
  let app: AppApolloClient | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  function jsonResponse(body: unknown): Response {
    return new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  }

  it('POSTs JSON with the CSRF preflight header and the Bearer token', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      requests.push({ url: String(input), init });
      return jsonResponse({
        data: {
          serverInfo: {
            __typename: 'ServerInfo',
            version: '2.0.0',
            environment: 'test',
            database: 'POSTGRES',
            redis: false,
            uptimeSeconds: 1,
          },
        },
      });
    };
    const tokens = createTokenStore();
    app = createApolloClient({
      tokens,
      httpUri: 'http://api.test/graphql',
      wsUrl: 'ws://api.test/graphql',
      fetch: fakeFetch,
    });

    await app.client.query({ query: AboutPageDocument, fetchPolicy: 'network-only' });
    tokens.set('player-token');
    await app.client.query({ query: AboutPageDocument, fetchPolicy: 'network-only' });

    expect(requests).toHaveLength(2);
    const [signedOut, signedIn] = requests.map(({ url, init }) => ({
      url,
      method: init?.method,
      headers: init?.headers as Record<string, string>,
    }));
    expect(signedOut?.url).toBe('http://api.test/graphql');
    expect(signedOut?.method).toBe('POST');
    expect(signedOut?.headers['content-type']).toBe('application/json');
    expect(signedOut?.headers['apollo-require-preflight']).toBe('true');
    expect(signedOut?.headers.authorization).toBeUndefined();
    expect(signedIn?.headers.authorization).toBe('Bearer player-token');
  });

  it('sends the token as connection params and reconnects the websocket when it changes', async () => {
    const { FakeSocket, sockets } = fakeWebSocketServer();
    const tokens = createTokenStore('first-token');
    app = createApolloClient({
      tokens,
      httpUri: 'http://api.test/graphql',
      wsUrl: 'ws://api.test/graphql',
      fetch: () => Promise.reject(new Error('no HTTP in this test')),
      ws: { webSocketImpl: FakeSocket, retryWait: async () => undefined },
    });

    const statuses: string[] = [];
    app.connectionStatus.subscribe((status) => statuses.push(status));

    // Lazy: nothing connects before the first subscription.
    expect(sockets).toHaveLength(0);
    expect(app.connectionStatus.get()).toBe('idle');
    const subscription = app.client.subscribe({ query: ReadinessIndicatorDocument }).subscribe({});

    await vi.waitFor(() => expect(sockets[0]?.sent.map((m) => m.type)).toContain('subscribe'));
    expect(sockets[0]?.url).toBe('ws://api.test/graphql');
    expect(sockets[0]?.sent[0]).toEqual({
      type: 'connection_init',
      payload: { Authorization: 'Bearer first-token' },
    });

    tokens.set('second-token');

    await vi.waitFor(() => expect(sockets[1]?.sent.map((m) => m.type)).toContain('subscribe'));
    expect(sockets[0]?.closedWith).toEqual({ code: 4205, reason: 'Client restart' });
    expect(sockets[1]?.sent[0]).toEqual({
      type: 'connection_init',
      payload: { Authorization: 'Bearer second-token' },
    });

    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    subscription.unsubscribe();
    await vi.waitFor(() => expect(app?.connectionStatus.get()).toBe('idle'));
  });

  it('does nothing on restart while no websocket is open', () => {
    const { FakeSocket, sockets } = fakeWebSocketServer();
    app = createApolloClient({
      tokens: createTokenStore(),
      wsUrl: 'ws://api.test/graphql',
      ws: { webSocketImpl: FakeSocket },
    });
    app.restartWebSocket();
    expect(sockets).toHaveLength(0);
  });
});
