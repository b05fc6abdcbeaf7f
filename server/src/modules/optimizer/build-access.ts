import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/graphql/context.js';
import { NotFoundError } from '../../platform/graphql/errors.js';
import { isUuid } from '../builds/build.cursor.js';
import { Build } from '../builds/build.entity.js';
import { canView } from '../builds/build.service.js';
import type { SavedBuildLoader, SavedBuildSource } from './squad-pools.js';

/**
 * Loads a roster's saved builds in one query, applying the builds module's visibility rule:
 * an id that does not exist or that the viewer may not see is NOT_FOUND, so a private build
 * does not leak.
 */
export function savedBuildLoader(em: EntityManager, viewer: Viewer | null): SavedBuildLoader {
  return async (ids) => {
    const unique = [...new Set(ids)];
    const found = await em.find(Build, { id: { $in: unique.filter(isUuid) } });
    const visible = new Map<string, SavedBuildSource>(
      found
        .filter((build) => canView(build, viewer))
        .map((build) => [
          build.id,
          { id: build.id, chatCode: build.chatCode, template: build.template, roles: build.roles },
        ]),
    );
    if (unique.some((id) => !visible.has(id))) throw new NotFoundError('Build');
    return visible;
  };
}
