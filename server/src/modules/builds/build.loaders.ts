import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../platform/graphql/context.js';
import { isUuid } from './build.cursor.js';
import type { BuildRecord } from './build.mapper.js';
import { readBuildsById, readOwners } from './build.rows.js';
import type { BuildOwner } from './build.types.js';

/** Batches lookups made while resolving one request (an owner per listed build, say). */
export interface BuildLoaders {
  readonly owners: DataLoader<string, BuildOwner | null>;
  /** Builds by id, whoever may see them: callers check visibility. */
  readonly builds: DataLoader<string, BuildRecord | null>;
}

// Keyed by the context object, which lives exactly as long as its request or operation.
const perContext = new WeakMap<GraphQLContext, BuildLoaders>();

export function buildLoaders(context: GraphQLContext): BuildLoaders {
  let loaders = perContext.get(context);
  if (!loaders) {
    loaders = createLoaders(context);
    perContext.set(context, loaders);
  }
  return loaders;
}

function createLoaders({ em }: GraphQLContext): BuildLoaders {
  return {
    owners: new DataLoader(async (ids: readonly string[]) => {
      // Only the public columns, as plain rows: no partial User in the identity map that other
      // code in the same request could mistake for a full one.
      const users = await readOwners(em, ids);
      const byId = new Map(
        users.map((user) => [user.id, { id: user.id, username: user.username }]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    }),
    builds: new DataLoader(async (ids: readonly string[]) => {
      const valid = ids.filter(isUuid);
      const builds = await readBuildsById(em, valid);
      const byId = new Map(builds.map((build) => [build.id, build]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
