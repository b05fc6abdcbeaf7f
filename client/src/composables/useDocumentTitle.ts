import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';

const PRODUCT = 'GW2 Squad Optimizer';

/**
 * Keeps `document.title` on the current page's title, so tabs, history and screen readers
 * name the page after a client-side navigation.
 */
export function useDocumentTitle(title: MaybeRefOrGetter<string | null | undefined>): void {
  watchEffect(() => {
    const page = toValue(title);
    document.title = page ? `${page} · ${PRODUCT}` : PRODUCT;
  });
}
