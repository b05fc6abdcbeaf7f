/**
 * Which sign-in sessions are valid, remembered so a signed-in request costs no database round
 * trip. Correct because every way a session ends (logout, refresh-token reuse, password change,
 * account deletion) goes through {@link SessionCache.revoke}: it forgets the session here at
 * once and tells every other instance through the pubsub (SESSIONS_REVOKED). While the pubsub
 * may be missing events (Redis down) nothing is answered from memory, and everything remembered
 * is forgotten when it resumes. Entries also expire after `ttlMs`, a bound for a revocation
 * lost in a partial network failure.
 */
import type { AppPubSub, SessionsRevokedPayload } from '../../platform/pubsub.js';

export interface SessionFacts {
  readonly userId: string;
  readonly role: 'USER' | 'ADMIN';
}

interface Entry extends SessionFacts {
  readonly until: number;
}

export interface SessionCacheOptions {
  readonly pubSub: AppPubSub;
  /** False while revocations from other instances may be missed. */
  readonly isLive?: () => boolean;
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every revocation: a lookup that started before one does not store its answer. */
  private generation = 0;
  private readonly events: AsyncIterator<SessionsRevokedPayload>;
  private readonly isLive: () => boolean;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: SessionCacheOptions) {
    this.isLive = options.isLive ?? (() => true);
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
    this.events = options.pubSub.subscribe('SESSIONS_REVOKED')[Symbol.asyncIterator]();
    void this.listen();
  }

  private async listen(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.events.next();
        if (done) return;
        this.forget(value);
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** The session's facts if remembered, still fresh and trusted. */
  lookup(sessionId: string, userId: string): SessionFacts | undefined {
    if (!this.isLive()) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry || entry.userId !== userId) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** Call before reading a session from the database; hand the result to {@link remember}. */
  begin(): number {
    return this.generation;
  }

  remember(started: number, sessionId: string, facts: SessionFacts): void {
    if (started !== this.generation || !this.isLive()) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { ...facts, until: this.now() + this.ttlMs });
  }

  /** Sessions ended: forgotten here at once, and on every other instance through the pubsub. */
  async revoke(revoked: SessionsRevokedPayload): Promise<void> {
    this.forget(revoked);
    await this.options.pubSub.publish('SESSIONS_REVOKED', revoked);
  }

  /** Forgets everything (the pubsub resumed after an outage: revocations may have been missed). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  close(): void {
    void this.events.return?.();
    this.entries.clear();
  }

  private forget({ sessionIds, userIds }: SessionsRevokedPayload): void {
    this.generation += 1;
    for (const id of sessionIds) this.entries.delete(id);
    if (userIds.length === 0) return;
    const users = new Set(userIds);
    for (const [id, entry] of this.entries) if (users.has(entry.userId)) this.entries.delete(id);
  }
}
