#!/usr/bin/env node
// `npm start`: build whatever is missing, then run the server in this process (so signals
// reach it directly and Ctrl+C shuts it down gracefully). API, client and playground on one port.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const has = (relative) => existsSync(new URL(`../${relative}`, import.meta.url));
const run = (command) => {
  console.warn(`[start] ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
};

if (!has('packages/game/dist/index.js') || !has('server/dist/main.js')) {
  run('npx tsc -b packages/game server');
}
if (!has('client/dist/index.html') || !has('client/dist-docs/index.html')) {
  run('npm run build -w client');
}

const { main } = await import('../server/dist/main.js');
await main();
