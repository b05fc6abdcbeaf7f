import type { AccountService } from './modules/accounts/account.service.js';
import type { LearningPipeline } from './modules/meta/learning-pipeline.js';
import type { AiServices } from './modules/ai/ai.services.js';
import type { Clock } from './platform/clock.js';
import type { DatabaseKind } from './platform/db/database.js';
import type { ErrorReporter } from './platform/error-reporting.js';
import type { Metrics } from './platform/metrics.js';
import type { AppPubSub } from './platform/pubsub.js';
import type { ReadinessMonitor } from './platform/readiness.js';
import type { RateLimits } from './platform/security/rate-limits.js';
import type { TeamLive } from './modules/teams/team.live.js';
import type { SquadSolver } from './platform/solver/solver-pool.js';

/**
 * The application's services, built once at start (see app.services.ts) and handed to
 * resolvers through the GraphQL context: no global locator, and tests can build their own.
 */
export interface AppServices {
  readonly pubSub: AppPubSub;
  readonly metrics: Metrics;
  readonly errorReporter: ErrorReporter;
  /** The time for expiry and backoff decisions (tests pass a ManualClock). */
  readonly clock: Clock;
  readonly rateLimits: RateLimits;
  /** Live teams of this instance (teamUpdated): one read per change, shared by subscribers. */
  readonly teamLive: TeamLive;
  readonly meta: {
    /** Runs by hand (admins) and on the schedule of this process (without Redis). */
    readonly pipeline: LearningPipeline;
    /** Privacy threshold of the public aggregates. */
    readonly minSample: number;
  };
  /** Solver threads for the exact optimizer (the event loop never runs HiGHS). */
  readonly solver: SquadSolver;
  /** The AI assistant's jobs and their event logs. */
  readonly ai: AiServices;
  readonly accounts: {
    readonly service: AccountService;
    /** Secure cookies (HTTPS only) in production. */
    readonly secureCookies: boolean;
  };
  readonly system: {
    readonly version: string;
    readonly environment: string;
    readonly databaseKind: DatabaseKind;
    readonly redis: boolean;
    readonly readiness: ReadinessMonitor;
  };
}
