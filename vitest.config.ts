import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import vue from '@vitejs/plugin-vue';

const require = createRequire(import.meta.url);
const gameSource = fileURLToPath(new URL('./packages/game/src', import.meta.url));
// One copy of graphql for every importer, or graphql-js refuses types "from another realm".
const graphqlEntry = require.resolve('graphql');

const shared = {
  resolve: {
    alias: [
      { find: /^@gw2\/game$/, replacement: `${gameSource}/index.ts` },
      {
        find: /^@gw2\/game\/real-build-codes\.json$/,
        replacement: `${gameSource}/codec/real-build-codes.json`,
      },
      { find: /^@gw2\/game\/(.*)$/, replacement: `${gameSource}/$1/index.ts` },
      { find: /^graphql$/, replacement: graphqlEntry },
    ],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'game',
          root: './packages/game',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // Property tests (10 000 templates) and the sync CLI outlast 5 s on a loaded machine.
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        // type-graphql and MikroORM read decorator metadata, which esbuild does not emit.
        plugins: [swc.vite({ module: { type: 'es6' } })],
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        ...shared,
        // npm run test:fuzz: property-based hostile traffic against the real server (seed printed).
        plugins: [swc.vite({ module: { type: 'es6' } })],
        test: {
          name: 'fuzz',
          root: './server',
          include: ['test/fuzz/**/*.fuzz.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        ...shared,
        // npm run test:faults: kill -9 loops, database and Redis restarts, killed workers.
        // Needs the built server (npm run build). Files run one at a time: each kills things.
        plugins: [swc.vite({ module: { type: 'es6' } })],
        test: {
          name: 'faults',
          root: './server',
          include: ['test/faults/**/*.faults.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        ...shared,
        plugins: [vue()],
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        // Player journeys in Chromium against the built server (e2e/README.md). Files share
        // one server and run one at a time, after the other projects.
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['specs/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['./support/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
