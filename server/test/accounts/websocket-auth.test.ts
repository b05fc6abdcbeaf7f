import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { registerUser } from '../support/accounts.js';
import { startTestServer, takeFromSubscription, type TestServer } from '../support/test-server.js';

const ME = '{ me { id username } }';

let server: TestServer;
const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));
beforeAll(async () => {
  server = await startTestServer({ database: 'embedded', clock });
});
afterAll(async () => {
  await server?.close();
});

/** The close event a refused socket ends with. */
async function closeOf(connectionParams: Record<string, unknown>) {
  const client = server.websocket(connectionParams);
  const error = await takeFromSubscription(client, ME, 1).then(
    () => undefined,
    (reason: unknown) => reason as { code?: number; reason?: string },
  );
  return { code: error?.code, reason: error?.reason };
}

describe('access tokens over graphql-ws (checked at connect)', () => {
  it('runs operations as the user of connectionParams.authorization', async () => {
    const user = await registerUser(server);
    const [result] = await takeFromSubscription<{ me: { id: string } }>(
      server.websocket({ authorization: user.headers.authorization }),
      ME,
      1,
    );
    expect(result?.data?.me.id).toBe(user.userId);
  });

  it('accepts the param as the client sends it (Authorization)', async () => {
    const user = await registerUser(server);
    const [result] = await takeFromSubscription<{ me: { id: string } }>(
      server.websocket({ Authorization: user.headers.authorization }),
      ME,
      1,
    );
    expect(result?.data?.me.id).toBe(user.userId);
  });

  it('runs anonymous sockets without a token, where me is UNAUTHENTICATED', async () => {
    const [result] = await takeFromSubscription(server.websocket(), ME, 1).catch(
      (errors: unknown) => [{ errors }],
    );
    const errors = (result as { errors?: Array<{ extensions?: { code?: string } }> }).errors;
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes with 4401 "Token expired" for an expired token', async () => {
    const user = await registerUser(server);
    clock.advance(16 * 60 * 1000);
    expect(await closeOf({ authorization: user.headers.authorization })).toEqual({
      code: 4401,
      reason: 'Token expired',
    });
  });

  it('closes with 4401 for a forged token, a refresh token or a revoked session', async () => {
    const user = await registerUser(server);
    const forged = `${user.accessToken.slice(0, -4)}AAAA`;
    expect(await closeOf({ authorization: `Bearer ${forged}` })).toEqual({
      code: 4401,
      reason: 'Unauthorized',
    });
    const refreshToken = user.refreshCookie.split('=')[1]!;
    expect((await closeOf({ authorization: `Bearer ${refreshToken}` })).code).toBe(4401);

    await server.graphql('mutation { logoutEverywhere }', undefined, user.headers);
    expect((await closeOf({ authorization: user.headers.authorization })).code).toBe(4401);
  });

  it('applies the document limits over the socket too', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const outcome = await takeFromSubscription(server.websocket(), `{ ${aliases} }`, 1).then(
      () => 'accepted',
      (errors: unknown) =>
        (errors as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code,
    );
    expect(outcome).toBe('BAD_USER_INPUT');
  });
});
