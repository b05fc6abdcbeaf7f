import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useAuthForm } from './useAuthForm';

describe('useAuthForm', () => {
  it('is pending while the action runs and clears the last error', async () => {
    const form = useAuthForm('Failed.');
    form.error.value = { message: 'old', field: 'email' };
    let finish = () => {};
    const running = form.submit(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(form.pending.value).toBe(true);
    expect(form.error.value).toBeNull();
    finish();
    await running;
    expect(form.pending.value).toBe(false);
    expect(form.error.value).toBeNull();
  });

  it("keeps the server's first message and the field it names", async () => {
    const form = useAuthForm('Failed.');
    await form.submit(() =>
      Promise.reject(
        new ApolloError({
          graphQLErrors: [
            new GraphQLError('That username is taken.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'username' },
            }),
          ],
        }),
      ),
    );
    expect(form.pending.value).toBe(false);
    expect(form.error.value).toEqual({ message: 'That username is taken.', field: 'username' });
    expect(form.invalid('username')).toBe('true');
    expect(form.invalid('email')).toBeUndefined();
  });

  it('explains a failure without a field in words for the player', async () => {
    const form = useAuthForm('Failed.');
    await form.submit(() =>
      Promise.reject(new ApolloError({ networkError: new TypeError('Failed to fetch') })),
    );
    expect(form.error.value).toEqual({
      message: 'Could not reach the server. Check your connection and try again.',
      field: null,
    });
    expect(form.invalid('email')).toBeUndefined();
  });
});
