import { ref } from 'vue';

/**
 * "Load more" for a cursor connection: asks `fetchMore` for the page after `endCursor()` (the
 * cache's field policy appends it) and says so in `loadingMore`. Errors are left to the
 * query, which reports them through its own `error`.
 */
export function useLoadMore(
  endCursor: () => string | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown> | undefined,
) {
  const loadingMore = ref(false);

  async function loadMore(): Promise<void> {
    const after = endCursor();
    if (!after) return;
    loadingMore.value = true;
    try {
      await fetchMore({ variables: { after } });
    } catch {
      // useQuery reports the error.
    } finally {
      loadingMore.value = false;
    }
  }

  return { loadingMore, loadMore };
}
