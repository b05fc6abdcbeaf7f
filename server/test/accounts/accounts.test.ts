import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { cookieFrom, registerUser, REGISTER, type RegisteredUser } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ME = /* GraphQL */ `
  query Me {
    me {
      id
      username
      email
      role
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      expiresAt
      user {
        id
        username
      }
    }
  }
`;
const REFRESH = /* GraphQL */ `
  mutation Refresh {
    refreshSession {
      accessToken
      expiresAt
      user {
        id
      }
    }
  }
`;
const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;
const LOGOUT_EVERYWHERE = /* GraphQL */ `
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;
const DELETE_ACCOUNT = /* GraphQL */ `
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password)
  }
`;

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let server: TestServer;
const clock = new ManualClock(new Date('2026-11-25T10:00:00Z'));

beforeAll(async () => {
  server = await startTestServer({
    database: 'embedded',
    clock,
    // This file exercises flows, not the limits (rate-limits.test.ts does).
    env: { RATE_LIMIT_AUTH_PER_MINUTE: '10000', RATE_LIMIT_AUTH_PER_HOUR: '10000' },
  });
});
afterAll(async () => {
  await server?.close();
});

async function login(loginName: string, password: string) {
  return server.graphql<{ login: { accessToken: string; user: { id: string } } }>(LOGIN, {
    input: { login: loginName, password },
  });
}

async function refresh(cookie: string) {
  return server.graphql<{ refreshSession: { accessToken: string } }>(REFRESH, undefined, {
    cookie,
  });
}

async function userCount(): Promise<number> {
  const rows = await server.app.database.orm.em
    .fork()
    .execute<Array<{ n: string }>>('select count(*) as n from users');
  return Number(rows[0]!.n);
}

describe('register, login and me', () => {
  it('registers, signs in by e-mail or username (any case) and answers me', async () => {
    const user = await registerUser(server, { username: 'Zerg.Lead' });
    const me = await server.graphql<{ me: { id: string; email: string } }>(
      ME,
      undefined,
      user.headers,
    );
    expect(me.body.data?.me).toEqual({
      id: user.userId,
      username: 'Zerg.Lead',
      email: 'zerg.lead@example.test',
      role: 'USER',
    });

    for (const name of ['zerg.lead', 'ZERG.LEAD', ' Zerg.Lead@Example.TEST ']) {
      const result = await login(name, user.password);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.login.user.id).toBe(user.userId);
    }
  });

  it('sets a strict HttpOnly refresh cookie on /graphql that is not a valid access token', async () => {
    const user = await registerUser(server);
    const result = await login(user.username, user.password);
    const setCookie = result.headers.getSetCookie().find((line) => line.startsWith('gw2_refresh='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\/graphql/i);
    expect(setCookie).not.toMatch(/; Secure/i); // not production

    const refreshToken = cookieFrom(result.headers, 'gw2_refresh')!.split('=')[1]!;
    const asAccess = await server.graphql(ME, undefined, bearer(refreshToken));
    expect(asAccess.status).toBe(401);
    expect(codeOf(asAccess.body.errors)).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED to anonymous me and to forged or malformed tokens', async () => {
    const user = await registerUser(server);
    const anonymous = await server.graphql(ME);
    expect(codeOf(anonymous.body.errors)).toBe('UNAUTHENTICATED');

    const [header, payload] = user.accessToken.split('.');
    for (const authorization of [
      `Bearer ${header}.${payload}.invalidsignature`,
      `Bearer ${header}.${payload}.`,
      'Basic dXNlcjpwYXNz',
      `Bearer ${user.accessToken} extra`,
    ]) {
      const result = await server.graphql(ME, undefined, { authorization });
      expect(result.status).toBe(401);
      expect(codeOf(result.body.errors)).toBe('UNAUTHENTICATED');
      expect(result.body.errors?.[0]?.extensions?.reason).toBe('INVALID_TOKEN');
    }
  });

  it('rejects an expired access token with TOKEN_EXPIRED', async () => {
    const user = await registerUser(server);
    clock.advance(15 * 60 * 1000 + 1000);
    const result = await server.graphql(ME, undefined, user.headers);
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
    // The refresh cookie still works and hands out a fresh token.
    const refreshed = await refresh(user.refreshCookie);
    const me = await server.graphql(
      ME,
      undefined,
      bearer(refreshed.body.data!.refreshSession.accessToken),
    );
    expect(me.body.errors).toBeUndefined();
  });

  it('answers the same error for an unknown account and a wrong password', async () => {
    const user = await registerUser(server);
    const unknown = await login('nobody-here', 'whatever-password');
    const unknownEmail = await login('nobody@example.test', 'whatever-password');
    const wrong = await login(user.username, 'wrong-password-123');
    expect(unknown.body.errors).toEqual(wrong.body.errors);
    expect(unknownEmail.body.errors).toEqual(wrong.body.errors);
    expect(codeOf(wrong.body.errors)).toBe('UNAUTHENTICATED');
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });
});

describe('bad input answers a coded error and changes nothing', () => {
  let existing: RegisteredUser;
  beforeAll(async () => {
    existing = await registerUser(server, { username: 'Taken_Name' });
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    ['a short password', { password: 'short' }, 'password'],
    ['a too long password', { password: 'x'.repeat(257) }, 'password'],
    ['a short username', { username: 'ab' }, 'username'],
    ['a long username', { username: 'a'.repeat(33) }, 'username'],
    ['a username with a space', { username: 'two words' }, 'username'],
    ['a username with other characters', { username: 'zerg<lead>' }, 'username'],
    ['an invalid e-mail', { email: 'not-an-email' }, 'email'],
    ['an over-long e-mail', { email: `${'a'.repeat(250)}@example.test` }, 'email'],
    ['a duplicate username in another case', { username: 'taken_NAME' }, 'username'],
  ];
  it.each(cases)('register with %s', async (_label, override, field) => {
    const before = await userCount();
    const result = await server.graphql(REGISTER, {
      input: {
        email: `fresh-${Math.random().toString(36).slice(2)}@example.test`,
        username: `fresh_${Math.random().toString(36).slice(2, 10)}`,
        password: 'a perfectly fine password',
        ...override,
      },
    });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.headers.getSetCookie()).toEqual([]);
    expect(await userCount()).toBe(before);
  });

  it('register with a duplicate e-mail in another case', async () => {
    const before = await userCount();
    const result = await server.graphql(REGISTER, {
      input: {
        email: existing.email.toUpperCase(),
        username: 'someone_new',
        password: 'a perfectly fine password',
      },
    });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
    expect(await userCount()).toBe(before);
  });

  it('register with a missing field or wrong type', async () => {
    const before = await userCount();
    const missing = await server.graphql(REGISTER, { input: { email: 'a@b.test' } });
    expect(codeOf(missing.body.errors)).toBe('BAD_USER_INPUT');
    const wrongType = await server.graphql(REGISTER, {
      input: { email: 'a@b.test', username: 'abc', password: 12345678901 },
    });
    expect(codeOf(wrongType.body.errors)).toBe('BAD_USER_INPUT');
    expect(await userCount()).toBe(before);
  });

  it('login with an empty login', async () => {
    const result = await login('   ', 'whatever-password');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'login',
    });
  });

  it('changePassword with a wrong current or an invalid new password', async () => {
    const user = await registerUser(server);
    const wrongCurrent = await server.graphql(
      CHANGE_PASSWORD,
      { input: { currentPassword: 'not-my-password', newPassword: 'another fine password' } },
      user.headers,
    );
    expect(wrongCurrent.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    const tooShort = await server.graphql(
      CHANGE_PASSWORD,
      { input: { currentPassword: user.password, newPassword: 'short' } },
      user.headers,
    );
    expect(tooShort.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
    // Nothing changed: the old password still signs in, the old session still refreshes.
    expect((await login(user.username, user.password)).body.errors).toBeUndefined();
    expect((await refresh(user.refreshCookie)).body.errors).toBeUndefined();
  });

  it('deleteAccount with a wrong password', async () => {
    const user = await registerUser(server);
    const before = await userCount();
    const result = await server.graphql(
      DELETE_ACCOUNT,
      { password: 'not-my-password' },
      user.headers,
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
    expect(await userCount()).toBe(before);
  });
});

describe('refresh sessions', () => {
  it('rotates: each refresh token works once and hands out a new one', async () => {
    const user = await registerUser(server);
    const first = await refresh(user.refreshCookie);
    expect(first.body.errors).toBeUndefined();
    const next = cookieFrom(first.headers, 'gw2_refresh');
    expect(next).toBeDefined();
    expect(next).not.toBe(user.refreshCookie);

    const second = await refresh(next!);
    expect(second.body.errors).toBeUndefined();
    const me = await server.graphql(
      ME,
      undefined,
      bearer(second.body.data!.refreshSession.accessToken),
    );
    expect(me.body.errors).toBeUndefined();
  });

  it('reusing an old refresh token revokes the whole family', async () => {
    const user = await registerUser(server);
    const first = await refresh(user.refreshCookie);
    const current = cookieFrom(first.headers, 'gw2_refresh')!;
    const access = first.body.data!.refreshSession.accessToken;

    const replay = await refresh(user.refreshCookie);
    expect(codeOf(replay.body.errors)).toBe('UNAUTHENTICATED');
    // The legitimate holder's newer token and access token are dead too.
    expect(codeOf((await refresh(current)).body.errors)).toBe('UNAUTHENTICATED');
    expect(codeOf((await server.graphql(ME, undefined, bearer(access))).body.errors)).toBe(
      'UNAUTHENTICATED',
    );
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        security: true,
        userId: user.userId,
        msg: 'refresh token reused: session family revoked',
      }),
    );
    // Other sign-ins of the same user are a different family and live on.
    const other = await login(user.username, user.password);
    expect(other.body.errors).toBeUndefined();
  });

  it('refuses a refresh token after 30 days', async () => {
    const user = await registerUser(server);
    clock.advance(30 * 24 * 60 * 60 * 1000 + 1000);
    expect(codeOf((await refresh(user.refreshCookie)).body.errors)).toBe('UNAUTHENTICATED');
  });

  it('refuses a missing or unknown cookie', async () => {
    expect(codeOf((await server.graphql(REFRESH)).body.errors)).toBe('UNAUTHENTICATED');
    expect(codeOf((await refresh('gw2_refresh=made-up')).body.errors)).toBe('UNAUTHENTICATED');
  });
});

describe('logout, password change and deletion', () => {
  it('logout ends this session: refresh token and access token', async () => {
    const user = await registerUser(server);
    const other = await login(user.username, user.password);
    const result = await server.graphql(LOGOUT, undefined, {
      ...user.headers,
      cookie: user.refreshCookie,
    });
    expect(result.body.data).toEqual({ logout: true });
    expect(cookieFrom(result.headers, 'gw2_refresh')).toBe('gw2_refresh=');
    expect(codeOf((await refresh(user.refreshCookie)).body.errors)).toBe('UNAUTHENTICATED');
    expect(codeOf((await server.graphql(ME, undefined, user.headers)).body.errors)).toBe(
      'UNAUTHENTICATED',
    );
    // The other session is untouched.
    const otherMe = await server.graphql(ME, undefined, bearer(other.body.data!.login.accessToken));
    expect(otherMe.body.errors).toBeUndefined();
  });

  it('logoutEverywhere ends every session', async () => {
    const user = await registerUser(server);
    const other = await login(user.username, user.password);
    const otherCookie = cookieFrom(other.headers, 'gw2_refresh')!;
    const result = await server.graphql(LOGOUT_EVERYWHERE, undefined, user.headers);
    expect(result.body.data).toEqual({ logoutEverywhere: true });
    expect(codeOf((await refresh(otherCookie)).body.errors)).toBe('UNAUTHENTICATED');
    expect(codeOf((await refresh(user.refreshCookie)).body.errors)).toBe('UNAUTHENTICATED');
  });

  it('changePassword keeps this session and revokes the others', async () => {
    const user = await registerUser(server);
    const other = await login(user.username, user.password);
    const otherCookie = cookieFrom(other.headers, 'gw2_refresh')!;
    const newPassword = 'a brand new passphrase';
    const result = await server.graphql(
      CHANGE_PASSWORD,
      { input: { currentPassword: user.password, newPassword } },
      user.headers,
    );
    expect(result.body.data).toEqual({ changePassword: true });

    expect(codeOf((await refresh(otherCookie)).body.errors)).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        (await server.graphql(ME, undefined, bearer(other.body.data!.login.accessToken))).body
          .errors,
      ),
    ).toBe('UNAUTHENTICATED');
    expect((await server.graphql(ME, undefined, user.headers)).body.errors).toBeUndefined();
    expect((await refresh(user.refreshCookie)).body.errors).toBeUndefined();

    expect(codeOf((await login(user.username, user.password)).body.errors)).toBe('UNAUTHENTICATED');
    expect((await login(user.username, newPassword)).body.errors).toBeUndefined();
  });

  it('deleteAccount removes the user and its sessions', async () => {
    const user = await registerUser(server);
    const before = await userCount();
    const result = await server.graphql(DELETE_ACCOUNT, { password: user.password }, user.headers);
    expect(result.body.data).toEqual({ deleteAccount: true });
    expect(await userCount()).toBe(before - 1);
    const sessions = await server.app.database.orm.em
      .fork()
      .execute<Array<{ n: string }>>(
        'select count(*) as n from refresh_sessions where user_id = ?',
        [user.userId],
      );
    expect(Number(sessions[0]!.n)).toBe(0);
    expect(codeOf((await server.graphql(ME, undefined, user.headers)).body.errors)).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf((await login(user.username, user.password)).body.errors)).toBe('UNAUTHENTICATED');
    // The name is free again.
    await registerUser(server, { username: user.username });
  });
});

describe('brute force backoff', () => {
  it('blocks after 5 failures for 1, 2, 4 ... minutes and recovers after the wait', async () => {
    const user = await registerUser(server);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(codeOf((await login(user.username, `wrong-password-${attempt}`)).body.errors)).toBe(
        'UNAUTHENTICATED',
      );
    }
    // Blocked for a minute: even the right password is refused, with a retry time.
    const blocked = await login(user.username, user.password);
    expect(blocked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 60,
    });
    clock.advance(59_000);
    expect(codeOf((await login(user.username, user.password)).body.errors)).toBe('RATE_LIMITED');

    // After the minute, a 6th failure blocks for 2 minutes.
    clock.advance(1_000);
    expect(codeOf((await login(user.username, 'wrong-password-6')).body.errors)).toBe(
      'UNAUTHENTICATED',
    );
    expect((await login(user.username, user.password)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 120,
    });
    clock.advance(120_000);
    // Recovery: the right password signs in and resets the count.
    expect((await login(user.username, user.password)).body.errors).toBeUndefined();
    expect(codeOf((await login(user.username, 'wrong-again-1')).body.errors)).toBe(
      'UNAUTHENTICATED',
    );
    expect((await login(user.username, user.password)).body.errors).toBeUndefined();
  });

  it('caps the block at one hour', async () => {
    const user = await registerUser(server);
    for (let failure = 1; failure <= 12; failure += 1) {
      expect(codeOf((await login(user.username, 'wrong-password')).body.errors)).toBe(
        'UNAUTHENTICATED',
      );
      clock.advance(60 * 60 * 1000); // wait out whatever block there is
    }
    clock.advance(-60 * 60 * 1000);
    const blocked = await login(user.username, user.password);
    expect(blocked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 3600,
    });
    clock.advance(60 * 60 * 1000);
    expect((await login(user.username, user.password)).body.errors).toBeUndefined();
  });
});

describe('logs', () => {
  it('never carry a password, token or cookie value', async () => {
    const user = await registerUser(server, { password: 'secret-passphrase-to-find' });
    const loggedIn = await login(user.username, user.password);
    const refreshed = await refresh(user.refreshCookie);
    await login(user.username, 'another-secret-to-find');
    await server.graphql(ME, undefined, { authorization: 'Bearer not.a.token-to-find' });
    const secrets = [
      'secret-passphrase-to-find',
      'another-secret-to-find',
      'not.a.token-to-find',
      user.accessToken,
      user.refreshCookie.split('=')[1]!,
      loggedIn.body.data!.login.accessToken,
      cookieFrom(loggedIn.headers, 'gw2_refresh')!.split('=')[1]!,
      refreshed.body.data!.refreshSession.accessToken,
    ];
    expect(server.rawLogs.length).toBeGreaterThan(0);
    for (const line of server.rawLogs)
      for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
