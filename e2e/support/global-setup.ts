import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startBuiltServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server under test, e.g. http://127.0.0.1:39123 */
    baseUrl: string;
    /** Where specs write their screenshots (one folder per spec file). */
    artifactsDir: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['server/dist/main.js', 'client/dist/index.html', 'client/dist-docs/index.html'];

/**
 * Starts the built server on the embedded database (in-process pubsub and limits, no
 * language model) for every e2e spec; stops it afterwards. A spec needing another
 * configuration starts its own (see assistant.e2e.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = BUILT.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    throw new Error(
      `e2e needs a build: run \`npm run build\` first (missing ${missing.join(', ')})`,
    );
  }
  const artifactsDir =
    process.env.E2E_ARTIFACTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'gw2-e2e-screenshots-'));
  mkdirSync(artifactsDir, { recursive: true });
  const server = await startBuiltServer();

  console.warn(`[e2e] server ${server.baseUrl}; screenshots in ${artifactsDir}`);
  project.provide('baseUrl', server.baseUrl);
  project.provide('artifactsDir', artifactsDir);

  return async () => {
    const { exitCode, output } = await server.stop();
    if (exitCode !== 0) console.warn(`[e2e] server exited ${exitCode}:\n${output}`);
    console.warn(`[e2e] screenshots in ${artifactsDir}`);
  };
}
