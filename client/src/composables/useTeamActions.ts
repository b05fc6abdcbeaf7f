import type { ApolloError } from '@apollo/client/core';
import { onScopeDispose, ref, shallowRef } from 'vue';

/** A confirmation after a write, with an optional way back (undo a removal). */
export interface TeamNotice {
  readonly message: string;
  readonly undo?: { readonly label: string; readonly run: () => Promise<unknown> };
}

/**
 * The team page's writes: one error slot for whichever failed last, one notice for whichever
 * succeeded last, so every change says that it worked (or why it did not).
 */
export function useTeamActions(noticeMs = 12_000) {
  const error = shallowRef<ApolloError | null>(null);
  const errorTitle = ref('');
  const notice = shallowRef<TeamNotice | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function announce(next: TeamNotice | null): void {
    clearTimeout(timer);
    notice.value = next;
    if (next) {
      timer = setTimeout(() => {
        notice.value = null;
      }, noticeMs);
    }
  }

  /** Runs a write; on success shows `done` (a sentence or a notice), on failure the error. */
  async function run(
    title: string,
    action: () => Promise<unknown>,
    done?: string | TeamNotice | (() => string | TeamNotice | null),
  ): Promise<boolean> {
    error.value = null;
    try {
      await action();
    } catch (caught) {
      errorTitle.value = title;
      error.value = caught as ApolloError;
      announce(null);
      return false;
    }
    const next = typeof done === 'function' ? done() : done;
    if (next) announce(typeof next === 'string' ? { message: next } : next);
    return true;
  }

  function dismissError(): void {
    error.value = null;
  }

  onScopeDispose(() => clearTimeout(timer));
  return { error, errorTitle, notice, run, announce, dismissError };
}

export type TeamActions = ReturnType<typeof useTeamActions>;
