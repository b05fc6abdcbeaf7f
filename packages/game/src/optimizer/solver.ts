import highsModule from 'highs';
import type { Highs } from 'highs';

type HighsLoader = typeof highsModule.default;

// highs ships ESM at runtime but its typings sit in a CommonJS package, so TypeScript sees the
// loader under `.default`; accept both shapes rather than trusting either view.
const highsLoader: HighsLoader =
  typeof highsModule === 'function' ? (highsModule as HighsLoader) : highsModule.default;

let loading: Promise<Highs> | undefined;

/** The HiGHS WebAssembly runtime, instantiated once per process on first use. */
export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader().catch((error: unknown) => {
    loading = undefined; // let a later call retry instead of caching the failure
    throw error;
  });
  return loading;
}
