import { Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/context.js';
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
