import { onScopeDispose, ref } from 'vue';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and reports the outcome for a few seconds. */
export function useClipboard(resetAfterMs = 2_000) {
  const state = ref<CopyState>('idle');
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function copy(text: string): Promise<void> {
    clearTimeout(timer);
    try {
      // Missing outside secure contexts (plain http on a LAN address).
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(text);
      state.value = 'copied';
    } catch {
      state.value = 'failed';
    }
    timer = setTimeout(() => {
      state.value = 'idle';
    }, resetAfterMs);
  }

  onScopeDispose(() => clearTimeout(timer));
  return { state, copy };
}
