import { expect } from 'vitest';
import type { AuthzFixture, AuthzRow } from '../authz-table.js';

const ME = '{ me { id } }';

async function ownerStillSignedIn(fixture: AuthzFixture) {
  const me = await fixture.server.graphql<{ me: { id: string } }>(
    ME,
    undefined,
    fixture.owner.headers,
  );
  expect(me.body.data?.me.id).toBe(fixture.owner.userId);
}

/** Account operations act on the caller's own account only: "other user" means a stranger tries. */
export const accountRows: readonly AuthzRow[] = [
  {
    operation: 'me',
    document: ME,
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
    async verify(fixture, actor, result) {
      if (actor === 'anonymous') return;
      // Each caller sees their own account, never someone else's.
      expect((result.body.data?.me as { id: string }).id).toBe(fixture[actor].userId);
    },
  },
  {
    operation: 'changePassword',
    document: `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`,
    // The owner's current password: only the owner knows it.
    variables: async ({ owner }) => ({
      input: { currentPassword: owner.password, newPassword: 'a new password for this row' },
    }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'BAD_USER_INPUT', owner: 'OK' },
    async verify(fixture, actor) {
      if (actor !== 'owner') {
        const login = await fixture.server.graphql(
          'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
          { input: { login: fixture.owner.username, password: fixture.owner.password } },
        );
        expect(login.body.errors).toBeUndefined();
      }
    },
  },
  {
    operation: 'deleteAccount',
    document: `mutation ($password: String!) { deleteAccount(password: $password) }`,
    variables: async ({ owner }) => ({ password: owner.password }),
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'BAD_USER_INPUT', owner: 'OK' },
    async verify(fixture, actor) {
      if (actor !== 'owner') await ownerStillSignedIn(fixture);
    },
  },
  {
    operation: 'logoutEverywhere',
    document: 'mutation { logoutEverywhere }',
    expectations: { anonymous: 'UNAUTHENTICATED', otherUser: 'OK', owner: 'OK' },
    async verify(fixture, actor) {
      // A stranger signing out everywhere signs out only themselves.
      if (actor !== 'owner') await ownerStillSignedIn(fixture);
    },
  },
];
