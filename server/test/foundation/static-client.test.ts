import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const clientDir = fileURLToPath(new URL('../../../client', import.meta.url));
const built =
  existsSync(`${clientDir}/dist/index.html`) && existsSync(`${clientDir}/dist-docs/index.html`);
if (!built && process.env.CI)
  throw new Error('CI builds the client before the tests: client/dist is missing');

describe.skipIf(!built)('the built client and playground on the API port', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CLIENT_DIST_DIR: clientDir } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the app at /', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="app">');
  });

  it('falls back to the app for client-side routes, not for API paths', async () => {
    const page = await fetch(`${server.url}/teams/123`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const asset = await fetch(`${server.url}/assets/missing.js`);
    expect(asset.status).toBe(404);
  });

  it('serves GraphiQL at /docs from local assets', async () => {
    const redirect = await fetch(`${server.url}/docs`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const response = await fetch(`${server.url}/docs/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^"]*\.(js|css)/i);
    const script = /src="(\/docs\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
  });
});
