import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createTokenStore } from '../graphql/auth-token';
import { createMockApollo } from '../test-utils/apollo';
import { createAuth, LoginMutation, LogoutMutation, RefreshMutation } from './useAuth';

const NOW = Date.parse('2026-11-25T10:00:00.000Z');
const session = (token: string, expiresAt = '2026-11-25T10:15:00.000Z') => ({
  __typename: 'AuthPayload' as const,
  accessToken: token,
  expiresAt,
  user: { __typename: 'Account' as const, id: 'u1', username: 'Zerg.Lead', email: 'z@e.test' },
});

/** A timer the test fires by hand. */
function manualTimers() {
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  return {
    timers,
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  };
}

describe('createAuth', () => {
  it('signs in, keeps the token in memory and refreshes a minute before expiry', async () => {
    const apollo = createMockApollo([
      {
        request: {
          query: LoginMutation,
          variables: { input: { login: 'zerg.lead', password: 'right password' } },
        },
        result: { data: { login: session('token-1') } },
      },
      {
        request: { query: RefreshMutation },
        result: { data: { refreshSession: session('token-2', '2026-11-25T10:29:00.000Z') } },
      },
    ]);
    const tokens = createTokenStore();
    const seen: Array<string | null> = [];
    tokens.subscribe((token) => seen.push(token));
    const timers = manualTimers();
    const auth = createAuth(apollo.client, { tokens, now: () => NOW, ...timers });

    await auth.signIn('zerg.lead', 'right password');
    expect(tokens.get()).toBe('token-1');
    expect(auth.state.user?.username).toBe('Zerg.Lead');
    expect(timers.timers[0]?.ms).toBe(14 * 60_000);

    timers.timers[0]!.run();
    await expect.poll(() => tokens.get()).toBe('token-2');
    // Each new token reaches the store's listeners (the websocket restarts on them).
    expect(seen).toEqual(['token-1', 'token-2']);
  });

  it('restores nothing without a session and ends restoring', async () => {
    const apollo = createMockApollo([
      {
        request: { query: RefreshMutation },
        result: {
          errors: [
            new GraphQLError('Your session has ended.', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ],
        },
      },
    ]);
    const tokens = createTokenStore('stale');
    const auth = createAuth(apollo.client, { tokens, now: () => NOW, ...manualTimers() });
    expect(auth.state.restoring).toBe(true);
    expect(await auth.refresh()).toBe(false);
    expect(auth.state.restoring).toBe(false);
    expect(auth.state.user).toBeNull();
    expect(tokens.get()).toBeNull();
  });

  it('signs out: forgets the token and the user, stops refreshing', async () => {
    const apollo = createMockApollo([
      {
        request: { query: RefreshMutation },
        result: { data: { refreshSession: session('token-1') } },
      },
      { request: { query: LogoutMutation }, result: { data: { logout: true } } },
    ]);
    const tokens = createTokenStore();
    const timers = manualTimers();
    const auth = createAuth(apollo.client, { tokens, now: () => NOW, ...timers });
    expect(await auth.refresh()).toBe(true);
    await auth.signOut();
    expect(tokens.get()).toBeNull();
    expect(auth.state.user).toBeNull();
    expect(timers.timers[0]?.cleared).toBe(true);
  });
});
