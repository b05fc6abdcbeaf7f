import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const EXTENSIONS: Record<string, string> = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'application/font-woff': 'woff',
  'application/x-font-woff': 'woff',
  'font/ttf': 'ttf',
  'application/x-font-ttf': 'ttf',
};

/**
 * Stylesheets that embed fonts as base64 data URIs (graphiql/style.css carries 34: Roboto in
 * every weight, Fira Code) make the browser download every font before the page renders. This
 * writes each embedded font to a file under `cacheDir` and points the stylesheet at it, so the
 * build emits them as assets and the browser fetches only the fonts the page uses, when it
 * uses them. Build only.
 */
export function externalizeEmbeddedFonts(cacheDir: string): Plugin {
  const embedded = /url\(\s*(["']?)data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)\1\s*\)/g;
  return {
    name: 'externalize-embedded-fonts',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.css') || !code.includes('base64,')) return null;
      let changed = false;
      const output = code.replace(embedded, (whole, _quote: string, mime: string, data: string) => {
        const extension = EXTENSIONS[mime];
        if (!extension) return whole;
        const bytes = Buffer.from(data, 'base64');
        const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`;
        mkdirSync(cacheDir, { recursive: true });
        const file = path.join(cacheDir, name);
        writeFileSync(file, bytes);
        changed = true;
        return `url("${path.relative(path.dirname(id), file).split(path.sep).join('/')}")`;
      });
      return changed ? { code: output, map: null } : null;
    },
  };
}
