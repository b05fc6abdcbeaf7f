import type { ApolloClient, ApolloError } from '@apollo/client/core';
import { inject, reactive, readonly, type InjectionKey } from 'vue';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { accessToken as appTokens, type TokenStore } from '../graphql/auth-token';
import { BEFORE_SESSION, type SessionGate } from '../graphql/session-gate';

// Sign-in, registration and refresh all answer with a session; one fragment names its fields.
const AuthSessionFragment = graphql(`
  fragment AuthSession on AuthPayload {
    accessToken
    expiresAt
    user {
      id
      username
      email
    }
  }
`);

export const LoginMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      ...AuthSession
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...AuthSession
    }
  }
`);

export const RefreshMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...AuthSession
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation SignOut {
    logout
  }
`);

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export interface AuthUser {
  id: string;
  username: string;
  email: string;
}

export interface AuthState {
  user: AuthUser | null;
  /** True until the first silent refresh has answered. */
  restoring: boolean;
}

export interface Auth {
  readonly state: Readonly<AuthState>;
  signIn(login: string, password: string): Promise<void>;
  register(input: { email: string; username: string; password: string }): Promise<void>;
  /** Trades the refresh cookie for a new access token; false when there is no session. */
  refresh(): Promise<boolean>;
  signOut(): Promise<void>;
  /**
   * Forgets the session here without asking the server: for when the server already ended it
   * (signed out everywhere, account deleted).
   */
  forget(): Promise<void>;
  /** Stops the refresh timer. */
  dispose(): void;
}

export interface AuthOptions {
  tokens?: TokenStore;
  /** Opened once the session is known (after the first refresh, a sign-in or a sign-out). */
  sessionGate?: Pick<SessionGate, 'open'>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Sign-in state. The access token lives only in memory (the token store, which restarts the
 * websocket when it changes); the refresh token is an HttpOnly cookie the page never sees, so
 * a reload restores the session through `refresh()`. Until the first refresh answers, the
 * session gate holds the app's queries; whenever the viewer changes afterwards, the cache is
 * reset, so no page shows what the previous viewer was allowed to see.
 */
export function createAuth(
  client: Pick<ApolloClient<unknown>, 'mutate' | 'resetStore'>,
  options: AuthOptions = {},
): Auth {
  const tokens = options.tokens ?? appTokens;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const state = reactive<AuthState>({ user: null, restoring: true });
  let timer: unknown = null;
  // undefined until the session is known: nothing was fetched for anyone before that.
  let viewerId: string | null | undefined = undefined;
  // One refresh at a time: a refresh token works once, a second concurrent use ends the session.
  let refreshing: Promise<boolean> | null = null;

  const cancelTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  /** Opens the gate; refetches what active queries show when the viewer is someone else now. */
  const viewerKnown = async (id: string | null) => {
    const previous = viewerId;
    viewerId = id;
    options.sessionGate?.open();
    if (previous !== undefined && previous !== id) {
      // Errors of the refetched queries are theirs to show.
      await client.resetStore().catch(() => undefined);
    }
  };

  const apply = async (payload: FragmentType<typeof AuthSessionFragment>) => {
    const session = getFragmentData(AuthSessionFragment, payload);
    tokens.set(session.accessToken);
    state.user = { ...session.user };
    cancelTimer();
    const wait = Math.max(0, new Date(session.expiresAt).getTime() - now() - REFRESH_MARGIN_MS);
    timer = setTimer(() => void auth.refresh(), wait);
    await viewerKnown(session.user.id);
  };

  const clear = async () => {
    cancelTimer();
    tokens.set(null);
    state.user = null;
    await viewerKnown(null);
  };

  const auth: Auth = {
    state: readonly(state),
    async signIn(login, password) {
      const { data } = await client.mutate({
        mutation: LoginMutation,
        variables: { input: { login, password } },
        context: BEFORE_SESSION,
      });
      if (data) await apply(data.login);
    },
    async register(input) {
      const { data } = await client.mutate({
        mutation: RegisterMutation,
        variables: { input },
        context: BEFORE_SESSION,
      });
      if (data) await apply(data.register);
    },
    refresh() {
      refreshing ??= (async () => {
        let data;
        try {
          ({ data } = await acrossTabs(() =>
            client.mutate({ mutation: RefreshMutation, context: BEFORE_SESSION }),
          ));
        } catch {
          data = null;
        }
        try {
          if (!data) {
            await clear();
            return false;
          }
          await apply(data.refreshSession);
          return true;
        } finally {
          state.restoring = false;
          refreshing = null;
        }
      })();
      return refreshing;
    },
    async signOut() {
      try {
        await client.mutate({ mutation: LogoutMutation, context: BEFORE_SESSION });
      } finally {
        await clear();
      }
    },
    forget: clear,
    dispose: cancelTimer,
  };
  return auth;
}

/**
 * Runs `work` while holding a lock shared by every tab of the origin: tabs share the refresh
 * cookie, and two tabs presenting the same refresh token at once would end the session.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // `request` types an async callback's result as a nested promise; `then` flattens it.
  return locks ? locks.request('gw2-refresh-session', work).then((result) => result) : work();
}

export const authKey: InjectionKey<Auth> = Symbol('auth');

export function useAuth(): Auth {
  const auth = inject(authKey, null);
  if (!auth) throw new Error('useAuth() needs createAuth() provided under authKey');
  return auth;
}

/** The field a BAD_USER_INPUT error names (`email`, `username`, ...), if any. */
export function errorField(error: ApolloError): string | null {
  const field = error.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? field : null;
}
