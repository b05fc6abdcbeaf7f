import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyBaseLogger } from 'fastify';
import type { AppServices } from '../../services.js';

/** Who is calling. Null for anonymous callers. */
export interface Viewer {
  readonly userId: string;
  readonly role: 'USER' | 'ADMIN';
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
}
