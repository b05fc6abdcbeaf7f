import { expect } from 'vitest';
import type { ErrorCode } from '../../src/platform/graphql/errors.js';
import { registerUser, type RegisteredUser } from '../support/accounts.js';
import type { GraphQLHttpResult, TestServer } from '../support/test-server.js';

/** Who calls: nobody, a signed-in stranger, or the owner of what the operation acts on. */
export type Actor = 'anonymous' | 'otherUser' | 'owner';
export const ACTORS: readonly Actor[] = ['anonymous', 'otherUser', 'owner'];

/** 'OK': no errors and data present; otherwise the code of the first error. */
export type Expectation = 'OK' | ErrorCode;

/** Fresh for every row × actor: two new users, so rows never share state. */
export interface AuthzFixture {
  readonly server: TestServer;
  readonly owner: RegisteredUser;
  readonly otherUser: RegisteredUser;
}

export interface AuthzRow {
  /** The operation's name, as in the schema (`deleteAccount`). */
  readonly operation: string;
  readonly document: string;
  /**
   * Creates what the operation acts on, as the owner (through the API), and returns the
   * variables. Runs before each actor's call.
   */
  readonly variables?: (fixture: AuthzFixture) => Promise<Record<string, unknown>>;
  readonly expectations: Readonly<Record<Actor, Expectation>>;
  /** Checks afterwards: the owner's data is intact after a stranger tried, say. */
  readonly verify?: (
    fixture: AuthzFixture,
    actor: Actor,
    result: GraphQLHttpResult<Record<string, unknown>>,
  ) => Promise<void>;
}

export function headersFor(fixture: AuthzFixture, actor: Actor): Record<string, string> {
  if (actor === 'anonymous') return {};
  return { ...fixture[actor].headers };
}

/** Runs one row for one actor and asserts its expectation. */
export async function runAuthzCase(server: TestServer, row: AuthzRow, actor: Actor) {
  const fixture: AuthzFixture = {
    server,
    owner: await registerUser(server),
    otherUser: await registerUser(server),
  };
  const variables = (await row.variables?.(fixture)) ?? {};
  const result = await server.graphql<Record<string, unknown>>(
    row.document,
    variables,
    headersFor(fixture, actor),
  );
  const expected = row.expectations[actor];
  if (expected === 'OK') {
    expect(result.body.errors, `${row.operation} as ${actor}`).toBeUndefined();
    expect(result.body.data?.[row.operation], `${row.operation} as ${actor}`).toBeDefined();
  } else {
    expect(result.body.errors?.[0]?.extensions?.code, `${row.operation} as ${actor}`).toBe(
      expected,
    );
  }
  await row.verify?.(fixture, actor, result);
}
