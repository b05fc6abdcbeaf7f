import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ACTORS, runAuthzCase, type AuthzRow } from './authz-table.js';
import { accountRows } from './rows/accounts.rows.js';
import { buildRows } from './rows/builds.rows.js';
import { teamRows } from './rows/teams.rows.js';
import { optimizerRows } from './rows/optimizer.rows.js';
import { metaRows } from './rows/meta.rows.js';
import { aiRows } from './rows/ai.rows.js';
import { feedbackRows } from './rows/feedback.rows.js';

/**
 * Every operation × {anonymous, other user, owner}. A module adds its rows in
 * `rows/<module>.rows.ts` and lists them here; see authz-table.ts for the row shape.
 */
const TABLE: readonly AuthzRow[] = [
  ...accountRows,
  ...buildRows,
  ...optimizerRows,
  ...teamRows,
  ...metaRows,
  ...aiRows,
  ...feedbackRows,
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    database: 'embedded',
    // Every case registers two users: keep the limits out of the way.
    env: {
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      RATE_LIMIT_AUTH_PER_HOUR: '100000',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
      RATE_LIMIT_GLOBAL_PER_HOUR: '100000',
    },
  });
});
afterAll(async () => {
  await server?.close();
});

describe.each(TABLE.map((row) => [row.operation, row] as const))('%s', (_name, row) => {
  it.each(ACTORS.map((actor) => [actor, row.expectations[actor]] as const))(
    'as %s: %s',
    async (actor) => {
      await runAuthzCase(server, row, actor);
    },
  );
});
