/** Called with the new token (or null) whenever it changes. */
export type TokenListener = (token: string | null) => void;

/** Holds the current access token; the Apollo links read it on every request. */
export interface TokenStore {
  get(): string | null;
  /** Replaces the token; listeners run only when the value actually changes. */
  set(token: string | null): void;
  /** Returns a function that removes the listener. */
  subscribe(listener: TokenListener): () => void;
}

export function createTokenStore(initial: string | null = null): TokenStore {
  let current = initial;
  const listeners = new Set<TokenListener>();
  return {
    get: () => current,
    set(token) {
      const next = token === '' ? null : token;
      if (next === current) return;
      current = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The app's access token. Empty until the accounts feature signs players in; setting it
 * restarts the websocket so subscriptions run as the new identity.
 */
export const accessToken: TokenStore = createTokenStore();

/** The header (and graphql-ws connection param) value for a token. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
