import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { SystemResolver } from '../../modules/system/system.resolver.js';
import type { AppPubSub } from '../pubsub.js';

/** Every resolver of the API. The schema is emitted from these into schema.graphql. */
export const resolvers = [SystemResolver] as const;

export async function buildAppSchema(pubSub: AppPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    validate: false,
    emitSchemaFile: false,
  });
}
