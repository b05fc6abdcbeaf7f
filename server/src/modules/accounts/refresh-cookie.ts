import type { CookieJar } from '../../platform/security/cookies.js';

/** The refresh token's cookie. Only /graphql receives it (refreshSession runs there). */
export const REFRESH_COOKIE = 'gw2_refresh';
export const REFRESH_COOKIE_PATH = '/graphql';

export function setRefreshCookie(
  jar: CookieJar,
  token: string,
  expires: Date,
  secure: boolean,
): void {
  jar.set(REFRESH_COOKIE, token, { path: REFRESH_COOKIE_PATH, expires, secure });
}

export function clearRefreshCookie(jar: CookieJar, secure: boolean): void {
  jar.clear(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH, secure });
}
