// Browser smoke test for the built client: opens the players' app and the GraphiQL
// playground in headless Chromium, collects console errors and CSP violations, saves
// screenshots, and exits non-zero on any failure.
//
//   BASE_URL=http://127.0.0.1:4000 node client/test/browser-smoke.mjs
//   node client/test/browser-smoke.mjs http://127.0.0.1:4180   (with SMOKE_EXPECT_API=0
//     when nothing answers /graphql: the home page must then show its error state)
//
// Environment: BASE_URL (or first argument), SMOKE_EXPECT_API (default 1),
// CHROMIUM_PATH (default /usr/bin/chromium), SMOKE_TIMEOUT_MS (default 20000).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL ?? process.argv[2] ?? '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(baseUrl)) {
  process.stderr.write('Usage: BASE_URL=http://host:port node client/test/browser-smoke.mjs\n');
  process.exit(2);
}
const expectApi = process.env.SMOKE_EXPECT_API !== '0';
const timeout = Number(process.env.SMOKE_TIMEOUT_MS ?? 20_000);
const screenshots = await mkdtemp(join(tmpdir(), 'gw2-smoke-'));

const log = (line) => process.stdout.write(`${line}\n`);
const failures = [];

/** Without an API the failed /graphql requests are expected; nothing else is. */
function isExpectedWithoutApi(text) {
  return !expectApi && /graphql|503|Service Unavailable|WebSocket/i.test(text);
}

// Profession icons come from the official render service and fall back to letter tiles when it
// cannot be reached (CI is offline): its failed image loads are expected, a CSP violation never.
const ICON_ORIGIN = 'https://render.guildwars2.com/';
const isIconFailure = (text) => !text.startsWith('CSP violation') && text.includes(ICON_ORIGIN);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

async function check(name, path, run, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(timeout);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const location = message.location().url ?? '';
    if (isIconFailure(`${text} ${location}`)) return;
    if (!isExpectedWithoutApi(`${text} ${location}`)) problems.push(`console: ${text} ${location}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const text = `${request.url()} ${request.failure()?.errorText ?? ''}`;
    if (isIconFailure(text)) return;
    if (!isExpectedWithoutApi(text)) problems.push(`request failed: ${text}`);
  });
  // Chromium logs CSP violations to the console too; this also catches report-only ones.
  await page.addInitScript(() => {
    // Runs in the page (globalThis is the window there).
    globalThis.document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });

  try {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
    if (!response?.ok()) throw new Error(`GET ${path} answered ${response?.status()}`);
    await run(page);
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const file = join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  await page.close();

  log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name} (${path}) → ${file}`);
  for (const problem of problems) log(`       ${problem}`);
  failures.push(...problems.map((problem) => `${name}: ${problem}`));
}

try {
  await check('home', '/', async (page) => {
    await page.getByRole('heading', { level: 1, name: 'GW2 Squad Optimizer' }).waitFor();
    await page.getByRole('list', { name: 'Starter builds' }).waitFor();
  });

  await check('about', '/about', async (page) => {
    await page.getByRole('heading', { level: 1, name: 'About' }).waitFor();
    if (expectApi) {
      const version = page.getByTestId('server-version');
      await version.waitFor();
      log(`       server version: ${(await version.textContent())?.trim()}`);
      // The readiness subscription answers over the websocket.
      await page
        .locator('.readiness [data-state="ready"], .readiness [data-state="not-ready"]')
        .waitFor();
    } else {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      log(`       error state: ${(await alert.innerText()).replace(/\s+/g, ' ').trim()}`);
    }
  });

  await check(
    'home-phone',
    '/',
    async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      const overflow = await page.evaluate(
        () => globalThis.document.documentElement.scrollWidth - globalThis.innerWidth,
      );
      if (overflow > 0) throw new Error(`page is ${overflow}px wider than a 375px screen`);
    },
    { width: 375, height: 740 },
  );

  await check('not-found', '/no-such-page', async (page) => {
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  await check('docs', '/docs', async (page) => {
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.locator('.graphiql-query-editor').getByText('serverInfo').first().waitFor();
    // The headers editor is open, showing the Authorization hint.
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    await headers.getByText('Authorization').first().waitFor();
    if (expectApi) {
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window').getByText('"version"').waitFor();
    }
  });
} finally {
  await browser.close();
}

log(`screenshots: ${screenshots}`);
if (failures.length > 0) {
  log(`${failures.length} problem(s)`);
  process.exit(1);
}
log('browser smoke passed');
