import type { GraphQLContext, Viewer } from './context.js';
import { UnauthenticatedError } from './errors.js';

/**
 * The signed-in viewer, or UNAUTHENTICATED. Use it with `@Authorized()` on the resolver and
 * pass the viewer into the service, which checks ownership where the data is:
 *
 * - a thing the viewer may not see (another player's private build): throw NotFoundError, so
 *   its existence does not leak;
 * - a thing the viewer may see but not change (someone else's public build): ForbiddenError.
 *
 * Every new operation gets a row in server/test/authz/authz.table.test.ts.
 */
export function requireViewer(context: Pick<GraphQLContext, 'viewer'>): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}
