import { parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth } from '../composables/useAuth';
import { createTokenStore } from './auth-token';
import { createApolloClient, type AppApolloClient } from './client';
import { createSessionGate } from './session-gate';

// The app's wiring (main.ts) with a fake server behind fetch: the first queries of a page must
// wait for the session to be restored from the refresh cookie, and a change of viewer must not
// leave the previous viewer's answers in the cache.

const ViewerQuery = parse(`query Viewer { me { id username } }`);

interface Sent {
  operation: string;
  authorization: string | null;
}

function fakeServer() {
  const sent: Sent[] = [];
  let answerRefresh: (() => void) | null = null;
  const session = (token: string) => ({
    __typename: 'AuthPayload',
    accessToken: token,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: { __typename: 'Account', id: 'u1', username: 'Zerg.Lead', email: 'z@e.test' },
  });
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string };
    const authorization = new Headers(init?.headers).get('authorization');
    sent.push({ operation: body.operationName, authorization });
    switch (body.operationName) {
      case 'RefreshSession':
        // Answers when the test says so: the cookie round trip is in flight until then.
        await new Promise<void>((resolve) => (answerRefresh = resolve));
        return json({ data: { refreshSession: session('restored-token') } });
      case 'SignIn':
        return json({ data: { login: session('signed-in-token') } });
      case 'SignOut':
        return json({ data: { logout: true } });
      default:
        return json({
          data: {
            me: authorization
              ? { __typename: 'Account', id: 'u1', username: 'Zerg.Lead' }
              : { __typename: 'Account', id: 'anonymous', username: 'nobody' },
          },
        });
    }
  };
  return {
    sent,
    fetch,
    refreshAnswered: () => answerRefresh?.(),
    queries: () => sent.filter((request) => request.operation === 'Viewer'),
  };
}

function wire(server: ReturnType<typeof fakeServer>) {
  const tokens = createTokenStore();
  const sessionGate = createSessionGate();
  const app = createApolloClient({ fetch: server.fetch, tokens, sessionGate });
  const auth = createAuth(app.client, { tokens, sessionGate });
  return { app, auth };
}

let app: AppApolloClient | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('no query before the session is known', () => {
  it('holds a page query until the refresh cookie answered, then sends it with the token', async () => {
    const server = fakeServer();
    const wired = wire(server);
    app = wired.app;
    const restoring = wired.auth.refresh();
    const query = app.client.query({ query: ViewerQuery });

    await expect.poll(() => server.sent.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.queries()).toEqual([]);

    server.refreshAnswered();
    expect(await restoring).toBe(true);
    const { data } = await query;
    expect(data.me.id).toBe('u1');
    expect(server.queries()).toEqual([
      { operation: 'Viewer', authorization: 'Bearer restored-token' },
    ]);
  });

  it('releases queries anonymously when there is no session', async () => {
    const server = fakeServer();
    const tokens = createTokenStore();
    const sessionGate = createSessionGate();
    app = createApolloClient({ fetch: server.fetch, tokens, sessionGate });
    const auth = createAuth(
      {
        mutate: () => Promise.reject(new Error('no session')),
        resetStore: () => app!.client.resetStore(),
      },
      { tokens, sessionGate },
    );
    const query = app.client.query({ query: ViewerQuery });
    expect(await auth.refresh()).toBe(false);
    expect((await query).data.me.id).toBe('anonymous');
    expect(server.queries()).toEqual([{ operation: 'Viewer', authorization: null }]);
  });
});

describe('a change of viewer resets the cache', () => {
  async function watchViewer(client: AppApolloClient['client']) {
    const seen: string[] = [];
    const subscription = client
      .watchQuery<{ me: { id: string } }>({ query: ViewerQuery })
      .subscribe(({ data }) => {
        if (data) seen.push(data.me.id);
      });
    await expect.poll(() => seen.length).toBe(1);
    return { seen, stop: () => subscription.unsubscribe() };
  }

  it('signing in refetches what the page shows as the new viewer', async () => {
    const server = fakeServer();
    const wired = wire(server);
    app = wired.app;
    const restoring = wired.auth.refresh();
    server.refreshAnswered();
    await restoring;
    await wired.auth.signOut();
    const viewer = await watchViewer(app.client);
    expect(viewer.seen).toEqual(['anonymous']);

    await wired.auth.signIn('zerg.lead', 'right password');
    await expect.poll(() => viewer.seen).toEqual(['anonymous', 'u1']);
    expect(server.queries().at(-1)).toEqual({
      operation: 'Viewer',
      authorization: 'Bearer signed-in-token',
    });
    viewer.stop();
  });

  it('signing out drops the signed-in answers and asks again anonymously', async () => {
    const server = fakeServer();
    const wired = wire(server);
    app = wired.app;
    const restoring = wired.auth.refresh();
    server.refreshAnswered();
    await restoring;
    const viewer = await watchViewer(app.client);
    expect(viewer.seen).toEqual(['u1']);

    await wired.auth.signOut();
    await expect.poll(() => viewer.seen).toEqual(['u1', 'anonymous']);
    expect(app.client.cache.extract()).not.toHaveProperty('Account:u1');
    viewer.stop();
  });
});
