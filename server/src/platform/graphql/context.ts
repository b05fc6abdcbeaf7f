import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { AppServices } from '../../services.js';
import type { CookieJar } from '../security/cookies.js';

/** Who is calling. Null for anonymous callers. */
export interface Viewer {
  readonly userId: string;
  readonly role: 'USER' | 'ADMIN';
  /** The sign-in session (refresh-token family) the access token belongs to. */
  readonly sessionId?: string;
}

/**
 * What every resolver receives. The EntityManager is forked per HTTP request and per
 * websocket operation; services are created once at start and shared.
 */
export interface GraphQLContext {
  readonly reqId: string;
  readonly em: EntityManager;
  readonly log: FastifyBaseLogger;
  readonly viewer: Viewer | null;
  readonly services: AppServices;
  /** The client address, for per-IP limits. */
  readonly ip: string;
  /** The request's cookies over HTTP; reads nothing and writes nothing over websockets. */
  readonly cookies: CookieJar;
}
