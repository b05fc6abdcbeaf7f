import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ok } from '../teams/support.js';

describe('ADMIN_USERNAMES', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { ADMIN_USERNAMES: ' Keeper , other_admin', LEARNING_PIPELINE_EVERY_MS: '0' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('registers the listed usernames (any case) as admins, everyone else as players', async () => {
    const keeper = await registerUser(server, { username: 'keeper' });
    const player = await registerUser(server);
    const role = async (user: typeof keeper) =>
      (await ok<{ me: { role: string } }>(server, '{ me { role } }', {}, user)).me.role;
    expect(await role(keeper)).toBe('ADMIN');
    expect(await role(player)).toBe('USER');
    // An admin-only operation answers the admin.
    await ok(server, '{ metaPipelineRuns { id } }', {}, keeper);
  });
});
