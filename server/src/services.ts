import type { DatabaseKind } from './platform/db/database.js';
import type { Metrics } from './platform/metrics.js';
import type { AppPubSub } from './platform/pubsub.js';
import type { ReadinessMonitor } from './platform/readiness.js';

/**
 * The application's services, built once at start (see app.ts) and handed to resolvers through
 * the GraphQL context: no global locator, and tests can build their own.
 */
export interface AppServices {
  readonly pubSub: AppPubSub;
  readonly metrics: Metrics;
  readonly system: {
    readonly version: string;
    readonly environment: string;
    readonly databaseKind: DatabaseKind;
    readonly redis: boolean;
    readonly readiness: ReadinessMonitor;
  };
}
