import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { externalizeEmbeddedFonts } from './vite-external-fonts.ts';
import { graphqlProxy } from './vite.config.ts';

// The GraphiQL playground served at /docs. Built on its own: it carries React 19 and monaco
// (about 2 MB gzip), which the players' app must not load.
export default defineConfig({
  root: fileURLToPath(new URL('./docs', import.meta.url)),
  base: '/docs/',
  // GraphiQL's stylesheet embeds its fonts (about 300 kB gzip of the initial load): as files the
  // browser fetches only those the page uses.
  plugins: [
    externalizeEmbeddedFonts(
      fileURLToPath(new URL('../node_modules/.cache/playground-fonts', import.meta.url)),
    ),
  ],
  // Monaco's language workers are ES modules (graphiql/setup-workers/vite).
  worker: { format: 'es' },
  server: { port: 5174, proxy: graphqlProxy },
  preview: { port: 4174, proxy: graphqlProxy },
  build: {
    outDir: fileURLToPath(new URL('./dist-docs', import.meta.url)),
    emptyOutDir: true,
    // Fonts stay files (see externalizeEmbeddedFonts), never inlined again.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf|eot)$/.test(file) ? false : undefined),
    // Monaco alone is larger than Vite's default warning threshold; that is expected here.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
