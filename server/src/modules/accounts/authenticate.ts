import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/graphql/context.js';
import { UnauthenticatedError } from '../../platform/graphql/errors.js';
import { bearerToken, type AccessTokens } from './access-token.js';
import type { AccountService } from './account.service.js';

export type Authentication =
  | { readonly ok: true; readonly viewer: Viewer | null }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

/**
 * The viewer for an `Authorization` value (HTTP header or graphql-ws connection param): no
 * value is anonymous; a malformed, forged, expired or revoked token is a failure, never
 * silently anonymous, so a client learns it must refresh.
 */
export async function authenticate(
  authorization: unknown,
  deps: {
    tokens: AccessTokens;
    accounts: AccountService;
    /** Forked only when the session must be read from the database. */
    em: () => EntityManager;
  },
): Promise<Authentication> {
  const token = bearerToken(authorization);
  if (token === undefined) return { ok: true, viewer: null };
  if (token === null) return { ok: false, reason: 'invalid' };
  const verified = await deps.tokens.verify(token);
  if (!verified.ok) return verified;
  const viewer = await deps.accounts.viewerFor(deps.em, verified.claims);
  return viewer ? { ok: true, viewer } : { ok: false, reason: 'invalid' };
}

/** The `authorization` connection param of a graphql-ws socket, however the client cased it. */
export function authorizationParam(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): unknown {
  if (!connectionParams) return undefined;
  const key = Object.keys(connectionParams).find((name) => name.toLowerCase() === 'authorization');
  return key === undefined ? undefined : connectionParams[key];
}

/** UNAUTHENTICATED with status 401 and a reason the client acts on (refresh, or sign in). */
export class InvalidTokenError extends UnauthenticatedError {
  constructor(reason: 'expired' | 'invalid') {
    super(
      reason === 'expired'
        ? 'The access token has expired: refresh the session.'
        : 'The access token is not valid: sign in again.',
    );
    Object.assign(this.extensions, {
      reason: reason === 'expired' ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN',
      // Apollo turns `http` into the response status and strips it from the body.
      http: {
        status: 401,
        headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]),
      },
    });
  }
}
