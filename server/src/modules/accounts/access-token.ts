import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../platform/clock.js';

/** How long an access token lives. Short: revocation reaches it within this time at worst. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const ISSUER = 'gw2-squad-optimizer';
const AUDIENCE = 'gw2-squad-optimizer:api';
/** RFC 9068 media type: a token of any other kind fails the header check. */
const HEADER_TYPE = 'at+jwt';
/** Verified tokens remembered (a few hundred bytes each). */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface AccessClaims {
  readonly userId: string;
  /** The refresh-token family the token was issued for (logout revokes it). */
  readonly sessionId: string;
  readonly tokenId: string;
  readonly expiresAt: Date;
}

export type VerifyResult =
  | { readonly ok: true; readonly claims: AccessClaims }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

/**
 * Signs and verifies access tokens: HS256 JWTs with `sub`, `sid`, `jti`, `iat`, `exp`,
 * issuer, audience and `typ: 'access'`. Verification pins the algorithm and every claim, so an
 * opaque refresh token, a token for another audience or an unsigned token never passes.
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature and claims already passed, by their exact text: a client sends the
   * same token on every request and socket until it expires, and an HMAC check through
   * WebCrypto (jose) cost more than the rest of opening a subscription. Expiry is still checked
   * on every use; revocation is the session check's job (authenticate.ts), as before. Bounded:
   * the oldest entry leaves first (a Map keeps insertion order).
   */
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAtSeconds = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ typ: 'access', sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: HEADER_TYPE })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
  }

  async verify(token: string): Promise<VerifyResult> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > this.clock.now().getTime())
        return { ok: true, claims: known };
      this.verified.delete(token);
      return { ok: false, reason: 'expired' };
    }
    const result = await this.verifySignatureAndClaims(token);
    if (result.ok) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT)
        this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, result.claims);
    }
    return result;
  }

  private async verifySignatureAndClaims(token: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: HEADER_TYPE,
        requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp'],
        currentDate: this.clock.now(),
        clockTolerance: 0,
      });
      if (
        payload.typ !== 'access' ||
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        typeof payload.jti !== 'string' ||
        typeof payload.exp !== 'number'
      ) {
        return { ok: false, reason: 'invalid' };
      }
      return {
        ok: true,
        claims: {
          userId: payload.sub,
          sessionId: payload.sid,
          tokenId: payload.jti,
          expiresAt: new Date(payload.exp * 1000),
        },
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'invalid' };
    }
  }
}

/**
 * The token of an `Authorization: Bearer <token>` value; `undefined` when there is no header,
 * `null` when there is one that is not a bearer token.
 */
export function bearerToken(header: unknown): string | null | undefined {
  if (header === undefined || header === null || header === '') return undefined;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return match ? match[1]! : null;
}
