import { randomBytes } from 'node:crypto';
import type { TestServer } from './test-server.js';

export interface RegisteredUser {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  /** The refresh cookie as a `cookie` request header value (`gw2_refresh=...`). */
  readonly refreshCookie: string;
  /** Ready to pass as the third argument of `server.graphql()`. */
  readonly headers: { readonly authorization: string };
}

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      expiresAt
      user {
        id
        username
        email
      }
    }
  }
`;

/** The `name=value` pair of a Set-Cookie header for `name`, or undefined. */
export function cookieFrom(headers: Headers, name: string): string | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!;
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}

/**
 * Registers a fresh user through the real API and returns its tokens. Usernames are random,
 * so tests never collide. Each call counts against the auth rate limit of 127.0.0.1: servers
 * for tests that register many users should raise RATE_LIMIT_AUTH_PER_MINUTE/PER_HOUR.
 */
export async function registerUser(
  server: TestServer,
  options: { username?: string; email?: string; password?: string } = {},
): Promise<RegisteredUser> {
  const suffix = randomBytes(5).toString('hex');
  const username = options.username ?? `player_${suffix}`;
  const email = options.email ?? `${username.toLowerCase()}@example.test`;
  const password = options.password ?? `correct horse ${suffix}`;
  const result = await server.graphql<{
    register: { accessToken: string; user: { id: string } };
  }>(REGISTER, { input: { email, username, password } });
  const payload = result.body.data?.register;
  if (!payload) throw new Error(`registerUser failed: ${JSON.stringify(result.body.errors)}`);
  const refreshCookie = cookieFrom(result.headers, 'gw2_refresh');
  if (!refreshCookie) throw new Error('registerUser: no refresh cookie was set');
  return {
    userId: payload.user.id,
    username,
    email,
    password,
    accessToken: payload.accessToken,
    refreshCookie,
    headers: { authorization: `Bearer ${payload.accessToken}` },
  };
}
