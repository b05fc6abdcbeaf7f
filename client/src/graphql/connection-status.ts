import type { InjectionKey } from 'vue';

/**
 * The websocket's state as players care about it: `idle` before the first subscription or
 * after the last one ended, `reconnecting` while retrying after a drop or a restart.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface ConnectionStatusSource {
  get(): ConnectionStatus;
  /** Returns a function that removes the listener. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
}

/** Provided by main.ts; absent in component tests, where nothing reconnects. */
export const connectionStatusKey: InjectionKey<ConnectionStatusSource> = Symbol(
  'websocket connection status',
);

export function createConnectionStatus(): ConnectionStatusSource & {
  set(status: ConnectionStatus): void;
} {
  let current: ConnectionStatus = 'idle';
  const listeners = new Set<(status: ConnectionStatus) => void>();
  return {
    get: () => current,
    set(status) {
      if (status === current) return;
      current = status;
      for (const listener of [...listeners]) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
