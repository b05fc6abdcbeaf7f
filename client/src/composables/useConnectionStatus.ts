import { inject, onScopeDispose, shallowRef, type Ref } from 'vue';
import { connectionStatusKey, type ConnectionStatus } from '../graphql/connection-status';

/**
 * The live websocket status, or null when the app provides none (component tests).
 * Stops listening when the calling component unmounts.
 */
export function useConnectionStatus(): Readonly<Ref<ConnectionStatus | null>> {
  const source = inject(connectionStatusKey, null);
  const status = shallowRef<ConnectionStatus | null>(source?.get() ?? null);
  if (source) {
    const stop = source.subscribe((next) => {
      status.value = next;
    });
    onScopeDispose(stop);
  }
  return status;
}
