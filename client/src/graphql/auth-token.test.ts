import { describe, expect, it, vi } from 'vitest';
import { createTokenStore } from './auth-token';

describe('createTokenStore', () => {
  it('starts empty and returns what was set', () => {
    const store = createTokenStore();
    expect(store.get()).toBeNull();
    store.set('abc');
    expect(store.get()).toBe('abc');
  });

  it('tells listeners about changes only, and treats "" as signed out', () => {
    const store = createTokenStore('abc');
    const listener = vi.fn();
    store.subscribe(listener);

    store.set('abc');
    store.set('def');
    store.set('');
    store.set(null);

    expect(listener.mock.calls).toEqual([['def'], [null]]);
  });

  it('stops calling a listener after it unsubscribes', () => {
    const store = createTokenStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.set('abc');
    expect(listener).not.toHaveBeenCalled();
  });
});
