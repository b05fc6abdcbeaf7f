import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, SCHEMA_VERSION, syncGameData } from '../../../../scripts/gamedata/sync.js';
import { serializeDataFile } from '../../../../scripts/gamedata/transform.js';

const fixturesDir = new URL('../../../../scripts/fixtures/gamedata/', import.meta.url);
const dataDir = new URL('../data/', import.meta.url);

async function readJson<T>(location: URL | string): Promise<T> {
  return JSON.parse(await readFile(location, 'utf8')) as T;
}

/** A loopback stand-in for api.guildwars2.com serving the recorded responses. */
async function startFakeApi(requests: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}?${url.searchParams.toString()}`);
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const endpoint = /^\/v2\/(\w+)$/.exec(url.pathname)?.[1];
    const ids = url.searchParams.get('ids');
    if (!endpoint || !ids) return reply(404, { text: 'not found' });
    readJson<{ id: number | string }[]>(new URL(`${endpoint}.json`, fixturesDir))
      .then((records) => {
        if (ids === 'all') return reply(200, records);
        const wanted = new Set(ids.split(','));
        reply(
          200,
          records.filter((record) => wanted.has(String(record.id))),
        );
      })
      .catch(() => reply(404, { text: 'no such endpoint' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('scripts/sync-gamedata', () => {
  const requests: string[] = [];
  let server: Server;
  let apiUrl: string;
  let outDir: string;

  beforeAll(async () => {
    server = await startFakeApi(requests);
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    outDir = await mkdtemp(join(tmpdir(), 'gw2-gamedata-'));
    await syncGameData({ apiUrl, outDir });
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    await rm(outDir, { recursive: true, force: true });
  });

  it('asks every endpoint for all ids at the 2019-12-19 schema version', () => {
    const version = `v=${encodeURIComponent(SCHEMA_VERSION)}`;
    for (const endpoint of [
      'professions',
      'specializations',
      'traits',
      'legends',
      'pets',
      'itemstats',
    ]) {
      expect(requests).toContain(`/v2/${endpoint}?ids=all&${version}`);
    }
    expect(requests).toContain(
      `/v2/skills?ids=${encodeURIComponent('28085,28134,76610')}&${version}`,
    );
  });

  it.each(DATA_FILES)(
    'writes %s.json entries equal to the committed data for the recorded ids',
    async (name) => {
      const written = await readJson<{ id: number | string }[]>(join(outDir, `${name}.json`));
      const committed = await readJson<{ id: number | string }[]>(new URL(`${name}.json`, dataDir));
      const recordedIds = new Set(written.map((entry) => entry.id));
      const expected = committed.filter((entry) => recordedIds.has(entry.id));
      expect(written.length).toBeGreaterThan(0);
      expect(written).toEqual(expected);
      // Same formatting as the committed files, so a real sync yields a minimal diff.
      expect(await readFile(join(outDir, `${name}.json`), 'utf8')).toBe(
        serializeDataFile(expected),
      );
    },
  );

  it('drops what the catalog does not keep: conditions, unnamed stats, unknown facts', async () => {
    const traits = await readJson<{ id: number; grants?: unknown }[]>(join(outDir, 'traits.json'));
    expect(traits.find((t) => t.id === 221)?.grants).toBeUndefined();
    const stats = await readJson<{ id: number }[]>(join(outDir, 'itemstats.json'));
    expect(stats.map((s) => s.id)).toEqual([137, 1717, 1827]);
  });

  it('matches the committed files byte for byte in format', async () => {
    const committed = await readFile(new URL('pets.json', dataDir), 'utf8');
    expect(serializeDataFile(JSON.parse(committed))).toBe(committed);
  });

  it('runs as a CLI configured by GW2_API_URL and an output directory argument', async () => {
    // jiti runs the TypeScript CLI directly; it is already installed through eslint and vite.
    const jitiCli = join(
      dirname(createRequire(import.meta.url).resolve('jiti/package.json')),
      'lib/jiti-cli.mjs',
    );
    const script = fileURLToPath(new URL('../../../../scripts/sync-gamedata.ts', import.meta.url));
    const cliOut = join(outDir, 'cli');
    const { stdout } = await promisify(execFile)(process.execPath, [jitiCli, script, cliOut], {
      env: { ...process.env, GW2_API_URL: apiUrl },
    });
    expect(stdout).toContain('legends.json: 3 entries');
    expect(await readFile(join(cliOut, 'traits.json'), 'utf8')).toBe(
      await readFile(join(outDir, 'traits.json'), 'utf8'),
    );
  });

  it('reports an API error with the failing URL', async () => {
    await expect(syncGameData({ apiUrl: `${apiUrl}/missing/`, outDir })).rejects.toThrow(
      /answered 404/,
    );
  });
});
