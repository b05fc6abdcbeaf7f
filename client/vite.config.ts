import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type ProxyOptions } from 'vite';
import { inlineGraphqlDocuments } from './vite-inline-documents.ts';

/** The API (HTTP and graphql-ws on one path) runs on port 4000 in development. */
export const graphqlProxy: Record<string, ProxyOptions> = {
  '/graphql': { target: 'http://localhost:4000', ws: true },
};

// The players' app. The GraphiQL playground is a separate build (vite.docs.config.ts) so
// that React and monaco never reach this bundle.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue(),
    inlineGraphqlDocuments(fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url))),
  ],
  // Only the app's page: docs/index.html (GraphiQL) is the other build's entry.
  optimizeDeps: { entries: ['index.html'] },
  server: { port: 5173, proxy: graphqlProxy },
  preview: { port: 4173, proxy: graphqlProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
