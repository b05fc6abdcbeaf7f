import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiLegend, ApiResponses } from './api-types.js';
import { serializeDataFile, transformGameData, type GameData } from './transform.js';

/** Schema version that adds profession/legend chat-link codes and skills_by_palette. */
export const SCHEMA_VERSION = '2019-12-19T00:00:00Z';
export const DEFAULT_API_URL = 'https://api.guildwars2.com';

async function getJson<T>(apiUrl: string, path: string, ids: string): Promise<T> {
  // Relative to the base so that a base URL with a path prefix (a proxy, a fake) keeps it.
  const url = new URL(`v2/${path}`, apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  url.searchParams.set('ids', ids);
  url.searchParams.set('v', SCHEMA_VERSION);
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url.href} answered ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export async function fetchApiResponses(apiUrl: string): Promise<ApiResponses> {
  const [professions, specializations, traits, legends, pets, itemstats] = await Promise.all([
    getJson<ApiResponses['professions']>(apiUrl, 'professions', 'all'),
    getJson<ApiResponses['specializations']>(apiUrl, 'specializations', 'all'),
    getJson<ApiResponses['traits']>(apiUrl, 'traits', 'all'),
    getJson<ApiLegend[]>(apiUrl, 'legends', 'all'),
    getJson<ApiResponses['pets']>(apiUrl, 'pets', 'all'),
    getJson<ApiResponses['itemstats']>(apiUrl, 'itemstats', 'all'),
  ]);
  const swapIds = legends.map((legend) => legend.swap).join(',');
  const legendSwapSkills = await getJson<ApiResponses['legendSwapSkills']>(
    apiUrl,
    'skills',
    swapIds,
  );
  return { professions, specializations, traits, legends, legendSwapSkills, pets, itemstats };
}

export const DATA_FILES = [
  'professions',
  'specializations',
  'traits',
  'legends',
  'pets',
  'itemstats',
] as const;

export async function writeGameData(outDir: string, data: GameData): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await Promise.all(
    DATA_FILES.map((name) =>
      writeFile(join(outDir, `${name}.json`), serializeDataFile(data[name]), 'utf8'),
    ),
  );
}

/** Fetches every endpoint, shapes the responses and writes the six data files. */
export async function syncGameData(options: { apiUrl: string; outDir: string }): Promise<GameData> {
  const data = transformGameData(await fetchApiResponses(options.apiUrl));
  await writeGameData(options.outDir, data);
  return data;
}
