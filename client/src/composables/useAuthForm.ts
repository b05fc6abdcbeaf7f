import type { ApolloError } from '@apollo/client/core';
import { ref } from 'vue';
import { explainError } from '../graphql/errors';
import { errorField } from './useAuth';

export interface AuthFormError {
  message: string;
  /** The input the server blamed (`email`, `username`, ...), if any. */
  field: string | null;
}

/**
 * The submit plumbing of the sign-in and register forms: `pending` while `action` runs, and
 * the server's first message (or `failure`) with the field it names when it throws.
 */
export function useAuthForm(failure: string) {
  const pending = ref(false);
  const error = ref<AuthFormError | null>(null);

  async function submit(action: () => Promise<void>): Promise<void> {
    pending.value = true;
    error.value = null;
    try {
      await action();
    } catch (caught) {
      const apolloError = caught as ApolloError;
      error.value = {
        message: explainError(apolloError).message || failure,
        field: errorField(apolloError),
      };
    } finally {
      pending.value = false;
    }
  }

  /** `aria-invalid` for an input: 'true' when the last error named it. */
  const invalid = (field: string) => (error.value?.field === field ? 'true' : undefined);

  return { pending, error, submit, invalid };
}
