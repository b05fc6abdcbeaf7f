import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import {
  BadUserInputError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../platform/graphql/errors.js';
import type { Viewer } from '../../platform/graphql/context.js';
import { scopedLogger } from '../../platform/logging.js';
import type { SessionsRevokedPayload } from '../../platform/pubsub.js';
import type { AccessClaims, AccessTokens } from './access-token.js';
import {
  checkEmail,
  checkNewPassword,
  checkUsername,
  LOGIN_MAX_LENGTH,
  normaliseEmail,
  usernameKey,
} from './account.validation.js';
import { hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from './password.js';
import { RefreshSession } from './refresh-session.entity.js';
import type { SessionCache, SessionFacts } from './session-cache.js';
import { User, UserRole } from './user.entity.js';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Failed sign-ins allowed before backoff starts. */
export const FREE_LOGIN_FAILURES = 5;
const MAX_BACKOFF_MINUTES = 60;

/** What a successful sign-in hands out: the access token for the body, the refresh token for the cookie. */
export interface SessionGrant {
  readonly user: User;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}

export interface RegisterInput {
  readonly email: string;
  readonly username: string;
  readonly password: string;
}

/** The same answer for an unknown account and a wrong password: nothing to enumerate. */
const invalidCredentials = () => new UnauthenticatedError('Wrong login or password.');
const sessionEnded = () => new UnauthenticatedError('Your session has ended. Sign in again.');

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Minutes an account stays blocked after its `failures`-th consecutive failure (0: not blocked). */
export function backoffMinutes(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_LOGIN_FAILURES), MAX_BACKOFF_MINUTES);
}

/**
 * Accounts and sessions. Every method takes the request's EntityManager; the clock decides
 * expiry and backoff, so tests move time instead of waiting.
 */
export class AccountService {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
    /** Security events (failed sign-ins, blocks, token reuse); never a secret. */
    private readonly logger?: FastifyBaseLogger,
    /** Valid sessions remembered, so a signed-in request needs no database round trip. */
    private readonly sessions?: SessionCache,
    /** Usernames that register as admins (ADMIN_USERNAMES). */
    adminUsernames: readonly string[] = [],
  ) {
    this.adminKeys = new Set(adminUsernames.map(usernameKey));
  }

  private readonly adminKeys: ReadonlySet<string>;

  /** Every way a session ends goes through here: forgotten by every instance at once. */
  private async sessionsEnded(revoked: SessionsRevokedPayload): Promise<void> {
    await this.sessions?.revoke(revoked);
  }

  private securityEvent(fields: Record<string, unknown>, message: string): void {
    if (this.logger) scopedLogger(this.logger).warn({ security: true, ...fields }, message);
  }

  async register(em: EntityManager, input: RegisterInput): Promise<SessionGrant> {
    const email = checkEmail(input.email);
    const username = checkUsername(input.username);
    const password = checkNewPassword(input.password);
    const key = usernameKey(username);
    if (await em.count(User, { email })) throw duplicate('email');
    if (await em.count(User, { usernameKey: key })) throw duplicate('username');

    const now = this.clock.now();
    const user = em.create(User, {
      email,
      username,
      usernameKey: key,
      passwordHash: await hashPassword(password),
      role: this.adminKeys.has(key) ? UserRole.ADMIN : UserRole.USER,
      failedLogins: 0,
      loginBlockedUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await em.flush();
    } catch (error) {
      // Two registrations raced past the checks above: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) {
        em.clear();
        throw duplicate(error.message.includes('users_email_unique') ? 'email' : 'username');
      }
      throw error;
    }
    return this.startSession(em, user, randomUUID());
  }

  /**
   * Signs in by e-mail or username. After FREE_LOGIN_FAILURES consecutive failures the
   * account is blocked for 1, 2, 4 ... minutes (at most an hour); a blocked attempt is not
   * checked and does not extend the block.
   */
  async login(em: EntityManager, login: string, password: string): Promise<SessionGrant> {
    const trimmed = login.trim();
    if (trimmed.length === 0 || trimmed.length > LOGIN_MAX_LENGTH)
      throw new BadUserInputError('Enter your e-mail address or username.', { field: 'login' });
    if (password.length === 0 || [...password].length > PASSWORD_MAX_LENGTH)
      throw invalidCredentials();

    const user = await em.findOne(
      User,
      trimmed.includes('@')
        ? { email: normaliseEmail(trimmed) }
        : { usernameKey: usernameKey(trimmed) },
      { populate: ['passwordHash'] },
    );
    const now = this.clock.now();
    if (user?.loginBlockedUntil && user.loginBlockedUntil > now) {
      this.securityEvent({ userId: user.id }, 'sign-in refused: account in backoff');
      throw new RateLimitedError(
        Math.ceil((user.loginBlockedUntil.getTime() - now.getTime()) / 1000),
      );
    }
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user) {
      this.securityEvent({}, 'sign-in failed: unknown account');
      throw invalidCredentials();
    }
    if (!ok) {
      this.securityEvent({ userId: user.id }, 'sign-in failed: wrong password');
      await this.recordFailedLogin(em, user.id, now);
      throw invalidCredentials();
    }
    if (user.failedLogins !== 0 || user.loginBlockedUntil !== null) {
      await em.nativeUpdate(User, { id: user.id }, { failedLogins: 0, loginBlockedUntil: null });
    }
    return this.startSession(em, user, randomUUID());
  }

  /** One atomic statement, so parallel guesses cannot lose increments. */
  private async recordFailedLogin(em: EntityManager, userId: string, now: Date): Promise<void> {
    await em.execute(
      `update "users" set
         "failed_logins" = "failed_logins" + 1,
         "login_blocked_until" = case when "failed_logins" + 1 >= ?
           then ?::timestamptz + least(power(2, "failed_logins" + 1 - ?), ?) * interval '1 minute'
           else null end
       where "id" = ?`,
      [FREE_LOGIN_FAILURES, now.toISOString(), FREE_LOGIN_FAILURES, MAX_BACKOFF_MINUTES, userId],
    );
  }

  /**
   * Exchanges a refresh token for a new pair. Each token works once: presenting a used one
   * means it was copied, so its whole family (every session descended from the same sign-in)
   * is revoked.
   */
  async refresh(em: EntityManager, refreshToken: string | undefined): Promise<SessionGrant> {
    if (!refreshToken) throw sessionEnded();
    const now = this.clock.now();
    const session = await em.findOne(
      RefreshSession,
      { tokenHash: hashToken(refreshToken) },
      { populate: ['user'] },
    );
    if (!session || session.revokedAt || session.expiresAt <= now) throw sessionEnded();
    // Mark used only if nobody else did first: a concurrent second use counts as reuse.
    const claimed = session.usedAt
      ? 0
      : await em.nativeUpdate(
          RefreshSession,
          { id: session.id, usedAt: null, revokedAt: null },
          { usedAt: now },
        );
    if (claimed === 0) {
      this.securityEvent(
        { userId: session.user.id, sessionId: session.familyId },
        'refresh token reused: session family revoked',
      );
      await this.revokeFamily(em, session.familyId, now);
      throw sessionEnded();
    }
    return this.startSession(em, session.user.getEntity(), session.familyId);
  }

  /** Ends the session of the refresh token and/or of the access token; true either way. */
  async logout(
    em: EntityManager,
    refreshToken: string | undefined,
    viewer: Viewer | null,
  ): Promise<void> {
    const now = this.clock.now();
    if (refreshToken) {
      const session = await em.findOne(RefreshSession, { tokenHash: hashToken(refreshToken) });
      if (session) await this.revokeFamily(em, session.familyId, now);
    }
    if (viewer?.sessionId) await this.revokeFamily(em, viewer.sessionId, now);
  }

  async logoutEverywhere(em: EntityManager, viewer: Viewer): Promise<void> {
    await em.nativeUpdate(
      RefreshSession,
      { user: viewer.userId, revokedAt: null },
      { revokedAt: this.clock.now() },
    );
    await this.sessionsEnded({ sessionIds: [], userIds: [viewer.userId] });
  }

  /** Changes the password and ends every other session of the account. */
  async changePassword(
    em: EntityManager,
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.requireUser(em, viewer);
    checkNewPassword(newPassword, 'newPassword');
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new BadUserInputError('The current password is wrong.', { field: 'currentPassword' });
    const passwordHash = await hashPassword(newPassword);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: user.id }, { passwordHash, updatedAt: this.clock.now() });
      await tx.nativeUpdate(
        RefreshSession,
        {
          user: user.id,
          revokedAt: null,
          ...(viewer.sessionId ? { familyId: { $ne: viewer.sessionId } } : {}),
        },
        { revokedAt: this.clock.now() },
      );
    });
    await this.sessionsEnded({ sessionIds: [], userIds: [user.id] });
  }

  /** Deletes the account; foreign keys cascade to its sessions and everything it owns. */
  async deleteAccount(em: EntityManager, viewer: Viewer, password: string): Promise<void> {
    const user = await this.requireUser(em, viewer);
    if (!(await verifyPassword(user.passwordHash, password)))
      throw new BadUserInputError('The password is wrong.', { field: 'password' });
    await em.nativeDelete(User, { id: user.id });
    await this.sessionsEnded({ sessionIds: [], userIds: [user.id] });
  }

  async me(em: EntityManager, viewer: Viewer): Promise<User> {
    const user = await em.findOne(User, { id: viewer.userId });
    if (!user) throw sessionEnded();
    return user;
  }

  /**
   * The viewer behind verified access-token claims, or null when the account is gone or the
   * token's session was revoked (logout, password change, refresh-token reuse): those take
   * effect at once, not when the token expires.
   */
  async viewerFor(em: () => EntityManager, claims: AccessClaims): Promise<Viewer | null> {
    const viewer = (facts: SessionFacts): Viewer => ({
      userId: claims.userId,
      role: facts.role,
      sessionId: claims.sessionId,
    });
    const remembered = this.sessions?.lookup(claims.sessionId, claims.userId);
    if (remembered) return viewer(remembered);
    const started = this.sessions?.begin() ?? 0;
    const rows = await em().execute<Array<{ role: string }>>(
      `select u."role" from "users" u
       where u."id" = ? and exists (
         select 1 from "refresh_sessions" s
         where s."family_id" = ? and s."user_id" = u."id"
           and s."revoked_at" is null and s."expires_at" > ?)`,
      [claims.userId, claims.sessionId, this.clock.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    const facts: SessionFacts = {
      userId: claims.userId,
      role: row.role === 'ADMIN' ? 'ADMIN' : 'USER',
    };
    this.sessions?.remember(started, claims.sessionId, facts);
    return viewer(facts);
  }

  private async requireUser(em: EntityManager, viewer: Viewer): Promise<User> {
    const user = await em.findOne(User, { id: viewer.userId }, { populate: ['passwordHash'] });
    if (!user) throw sessionEnded();
    return user;
  }

  private async revokeFamily(em: EntityManager, familyId: string, now: Date): Promise<void> {
    await em.nativeUpdate(RefreshSession, { familyId, revokedAt: null }, { revokedAt: now });
    await this.sessionsEnded({ sessionIds: [familyId], userIds: [] });
  }

  private async startSession(
    em: EntityManager,
    user: User,
    familyId: string,
  ): Promise<SessionGrant> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
    await em.insert(RefreshSession, {
      id: randomUUID(),
      user: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    const access = await this.tokens.issue(user.id, familyId);
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}

function duplicate(field: 'email' | 'username'): BadUserInputError {
  return new BadUserInputError(
    field === 'email'
      ? 'An account with this e-mail address already exists.'
      : 'This username is taken.',
    { field, reason: 'DUPLICATE' },
  );
}
