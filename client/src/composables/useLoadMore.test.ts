import { describe, expect, it, vi } from 'vitest';
import { useLoadMore } from './useLoadMore';

describe('useLoadMore', () => {
  it('fetches the page after the end cursor and says so while it loads', async () => {
    let finish = () => {};
    const fetchMore = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { loadingMore, loadMore } = useLoadMore(() => 'cursor-20', fetchMore);

    const loading = loadMore();
    expect(fetchMore).toHaveBeenCalledWith({ variables: { after: 'cursor-20' } });
    expect(loadingMore.value).toBe(true);
    finish();
    await loading;
    expect(loadingMore.value).toBe(false);
  });

  it('does nothing without an end cursor', async () => {
    const fetchMore = vi.fn(() => Promise.resolve());
    const { loadingMore, loadMore } = useLoadMore(() => null, fetchMore);
    await loadMore();
    expect(fetchMore).not.toHaveBeenCalled();
    expect(loadingMore.value).toBe(false);
  });

  it('leaves a failure to the query and stops loading', async () => {
    const fetchMore = vi.fn(() => Promise.reject(new Error('offline')));
    const { loadingMore, loadMore } = useLoadMore(() => 'cursor-20', fetchMore);
    await expect(loadMore()).resolves.toBeUndefined();
    expect(loadingMore.value).toBe(false);
  });
});
