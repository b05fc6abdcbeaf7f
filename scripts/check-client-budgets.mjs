#!/usr/bin/env node
// The client's size budgets, checked on the built bundles (run after `npm run build`; CI runs
// it): what a browser must download before the page can start, gzip-compressed. That is the
// entry's script and stylesheets plus every chunk the entry imports statically, followed
// recursively; chunks loaded with import() (other pages, monaco's workers) and fonts a
// stylesheet only references are not initial. Exits 1 when a budget is exceeded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const client = fileURLToPath(new URL('../client/', import.meta.url));
const KB = 1000;
const budgets = [
  { name: 'app (/)', dist: path.join(client, 'dist'), base: '/', limit: 100 * KB },
  {
    name: 'playground (/docs)',
    dist: path.join(client, 'dist-docs'),
    base: '/docs/',
    limit: 400 * KB,
  },
];

/** Static imports of a built ES module (not `import(...)`). */
function staticImports(code) {
  const found = [];
  const pattern = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

function initialFiles(budget) {
  const html = readFileSync(path.join(budget.dist, 'index.html'), 'utf8');
  const local = (href) =>
    path.join(budget.dist, href.startsWith(budget.base) ? href.slice(budget.base.length) : href);
  const files = new Set();
  const queue = [];
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) queue.push(local(match[1]));
  for (const match of html.matchAll(
    /<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g,
  ))
    queue.push(local(match[1]));
  while (queue.length > 0) {
    const file = queue.shift();
    if (files.has(file) || !existsSync(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        queue.push(
          specifier.startsWith('/')
            ? local(specifier)
            : path.resolve(path.dirname(file), specifier),
        );
      }
    }
  }
  return [...files];
}

let failed = false;
for (const budget of budgets) {
  if (!existsSync(path.join(budget.dist, 'index.html'))) {
    console.error(`${budget.name}: ${budget.dist} is not built (run npm run build)`);
    failed = true;
    continue;
  }
  const files = initialFiles(budget).map((file) => ({
    file: path.relative(budget.dist, file),
    gzip: gzipSync(readFileSync(file), { level: 9 }).length,
  }));
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const ok = total <= budget.limit;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${(total / KB).toFixed(1)} kB gzip initial JS+CSS (budget ${budget.limit / KB} kB)`,
  );
  for (const f of files.sort((a, b) => b.gzip - a.gzip))
    console.log(`       ${(f.gzip / KB).toFixed(1).padStart(7)} kB  ${f.file}`);
}
process.exit(failed ? 1 : 0);
