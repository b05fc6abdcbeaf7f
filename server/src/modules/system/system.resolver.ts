import { Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { ForbiddenError } from '../../platform/graphql/errors.js';
import type { ReadinessPayload } from '../../platform/pubsub.js';
import { DatabaseKind, Readiness, ServerInfo } from './server-info.types.js';

function toReadiness(payload: ReadinessPayload): Readiness {
  return {
    ready: payload.ready,
    checkedAt: new Date(payload.checkedAt),
    checks: payload.checks.map((check) => ({ ...check })),
  };
}

@Resolver()
export class SystemResolver {
  @Query(() => ServerInfo, { description: 'What this server is and what it runs on' })
  serverInfo(@Ctx() { services }: GraphQLContext): ServerInfo {
    const { system } = services;
    return {
      version: system.version,
      environment: system.environment,
      database: system.databaseKind === 'EMBEDDED' ? DatabaseKind.EMBEDDED : DatabaseKind.POSTGRES,
      redis: system.redis,
      uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
    };
  }

  @Mutation(() => Boolean, {
    description:
      'Raises an unexpected error on purpose, to check error reporting end to end (runbook: Sentry). ' +
      'Outside production anyone may call it; in production only admins.',
  })
  sentryDebug(@Ctx() { services, viewer }: GraphQLContext): boolean {
    if (services.system.environment === 'production' && viewer?.role !== 'ADMIN') {
      throw new ForbiddenError('sentryDebug is only available to admins in production.');
    }
    throw new Error('Sentry debug trigger: this error is deliberate.');
  }

  @Subscription(() => Readiness, {
    description: 'The current readiness at once, then every change',
    subscribe: ({ context }) => {
      const { services } = context as GraphQLContext;
      return (async function* readinessStream() {
        yield await services.system.readiness.check();
        yield* services.pubSub.subscribe('READINESS_CHANGED');
      })();
    },
  })
  readinessChanged(@Root() payload: ReadinessPayload): Readiness {
    return toReadiness(payload);
  }
}
