/**
 * Regenerates packages/game/src/data/*.json from the official Guild Wars 2 API.
 *
 *   npx jiti scripts/sync-gamedata.ts [outDir]
 *
 * GW2_API_URL   API base URL (default https://api.guildwars2.com)
 * outDir        where to write the files (default packages/game/src/data)
 *
 * Review the diff and update PROVENANCE.md's snapshot dates before committing.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_API_URL, DATA_FILES, syncGameData } from './gamedata/sync.js';

const defaultOutDir = fileURLToPath(new URL('../packages/game/src/data', import.meta.url));

async function main(): Promise<void> {
  const apiUrl = process.env['GW2_API_URL'] ?? DEFAULT_API_URL;
  try {
    new URL(apiUrl);
  } catch {
    throw new Error(`GW2_API_URL must be an absolute URL, got "${apiUrl}"`);
  }
  const outDir = process.argv[2] ?? defaultOutDir;
  const data = await syncGameData({ apiUrl, outDir });
  for (const name of DATA_FILES) console.log(`${name}.json: ${data[name].length} entries`);
  console.log(`written to ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
