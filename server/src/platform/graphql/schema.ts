import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { AccountResolver } from '../../modules/accounts/account.resolver.js';
import { AI_JOB_EVENT_TYPES } from '../../modules/ai/ai-job-event.types.js';
import { AiJobResolver } from '../../modules/ai/ai-job.resolver.js';
import { BuildConnectionResolver, BuildResolver } from '../../modules/builds/build.resolver.js';
import {
  ProfessionResolver,
  SpecializationResolver,
} from '../../modules/catalog/catalog.resolver.js';
import { FeedbackResolver } from '../../modules/feedback/feedback.resolver.js';
import { MetaResolver } from '../../modules/meta/meta.resolver.js';
import { OptimizerResolver } from '../../modules/optimizer/optimizer.resolver.js';
import { SystemResolver } from '../../modules/system/system.resolver.js';
import { SynergyResolver } from '../../modules/teams/synergy.resolver.js';
import { TeamResolver } from '../../modules/teams/team.resolver.js';
import type { AppPubSub } from '../pubsub.js';
import type { GraphQLContext } from './context.js';
import { UnauthenticatedError } from './errors.js';

/**
 * `@Authorized()` admits any signed-in caller; `@Authorized('ADMIN')` only those roles.
 * Anonymous callers get UNAUTHENTICATED, signed-in ones without the role FORBIDDEN.
 * Ownership is checked in services, where the data is.
 */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  // type-graphql itself answers "access denied" to anonymous callers of role-guarded fields.
  if (context.viewer === null) throw new UnauthenticatedError();
  return roles.length === 0 || roles.includes(context.viewer.role);
};

/** Every resolver of the API. The schema is emitted from these into schema.graphql. */
export const resolvers = [
  SystemResolver,
  AccountResolver,
  ProfessionResolver,
  SpecializationResolver,
  BuildResolver,
  BuildConnectionResolver,
  OptimizerResolver,
  TeamResolver,
  SynergyResolver,
  MetaResolver,
  FeedbackResolver,
  AiJobResolver,
] as const;

export async function buildAppSchema(pubSub: AppPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // Implementations of the AiJobEvent interface, which no field names directly.
    orphanedTypes: [...AI_JOB_EVENT_TYPES],
    pubSub,
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
}
