/**
 * The app's session, borrowed by the playground: opened from the app on the same origin, the
 * playground trades the app's refresh cookie (HttpOnly, path /graphql, SameSite=Strict) for an
 * access token, as the app does on a reload. The cookie is replaced and the app's next refresh
 * uses the new one; both hold the app's cross-tab lock meanwhile, since a refresh token
 * presented twice at once would end the session.
 */
export interface AppSession {
  accessToken: string;
  expiresAt: number;
  username: string;
}

/** The lock name the app's useAuth holds around a refresh. */
const REFRESH_LOCK = 'gw2-refresh-session';

const REFRESH = `mutation PlaygroundSession {
  refreshSession { accessToken expiresAt user { username } }
}`;

interface RefreshAnswer {
  data?: {
    refreshSession?: { accessToken: string; expiresAt: string; user: { username: string } };
  } | null;
}

async function refresh(): Promise<AppSession | null> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: REFRESH, operationName: 'PlaygroundSession' }),
  });
  const answer = (await response.json()) as RefreshAnswer;
  const session = answer.data?.refreshSession;
  if (!session) return null;
  return {
    accessToken: session.accessToken,
    expiresAt: new Date(session.expiresAt).getTime(),
    username: session.user.username,
  };
}

/** The signed-in player's session, or null when the app is signed out (or unreachable). */
export async function borrowAppSession(): Promise<AppSession | null> {
  try {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? await locks.request(REFRESH_LOCK, refresh) : await refresh();
  } catch {
    return null;
  }
}
