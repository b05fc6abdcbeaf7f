import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/**
 * Game icons come from the official render service. Tests never reach the internet, so every
 * request to it is aborted as if offline, and the app must show its letter tiles instead.
 * These are the only failures a spec tolerates.
 */
export const ICON_ORIGIN = 'https://render.guildwars2.com';

export const PHONE = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 900 } as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Player {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, page errors, failed requests, 5xx answers and CSP violations so far. */
  readonly problems: string[];
  /** Opens a path of the app (`/teams`). */
  goto(pathname: string): Promise<void>;
  /** Saves a full-page screenshot as `NN-<player>-<step>.png` in the spec's folder. */
  shot(step: string): Promise<string>;
}

export interface PlayerOptions {
  viewport?: { width: number; height: number };
  /** Extra console or request text this player may see (say why at the call). */
  allow?: RegExp[];
  /** Another server than the shared one (a spec that started its own). */
  baseUrl?: string;
}

function isIconUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(`${ICON_ORIGIN}/`);
}

/**
 * A navigation cancels the page's pending fetches of its own static files (lazy chunks, their
 * CSS, the favicon) with net::ERR_ABORTED: the browser's doing, not a failure of the app.
 */
function cancelledByNavigation(request: Request): boolean {
  return (
    request.failure()?.errorText === 'net::ERR_ABORTED' &&
    request.method() === 'GET' &&
    /^\/(assets\/[^/]+|favicon\.svg)$/.test(new URL(request.url()).pathname)
  );
}

/** Reports every CSP violation as a console error, which the guard below turns into a problem. */
function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
}

function guard(page: Page, problems: string[], allow: RegExp[]): void {
  const allowed = (text: string) => allow.some((pattern) => pattern.test(text));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium logs a failed image load as "Failed to load resource" at the image's URL.
    if (!text.startsWith('CSP violation') && isIconUrl(message.location().url)) return;
    if (!allowed(text)) problems.push(`console: ${text} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (isIconUrl(request.url()) || cancelledByNavigation(request)) return;
    const text = `${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`;
    if (!allowed(text)) problems.push(`request failed: ${text}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
}

/**
 * Hooks for one spec file: one browser for the file, one fresh context per player, problems
 * checked after every test, screenshots under `<artifacts>/<spec>/`.
 */
export function useJourney(spec: string) {
  const baseUrl = inject('baseUrl');
  const folder = path.join(inject('artifactsDir'), spec);
  mkdirSync(folder, { recursive: true });
  let browser: Browser | null = null;
  const players: Player[] = [];
  let shots = 0;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      for (const player of players) {
        await player.shot(`FAILED-${task.name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => '');
      }
    }
    const problems = players.flatMap((player) =>
      player.problems.splice(0).map((problem) => `${player.name}: ${problem}`),
    );
    expect(problems, 'console errors, failed requests or CSP violations').toEqual([]);
  });

  afterAll(async () => {
    for (const player of players) await player.context.close().catch(() => undefined);
    await browser?.close();
  });

  async function player(name: string, options: PlayerOptions = {}): Promise<Player> {
    if (!browser) throw new Error('player() runs inside a test or hook');
    const context = await browser.newContext({
      baseURL: options.baseUrl ?? baseUrl,
      viewport: options.viewport ?? DESKTOP,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    context.setDefaultTimeout(15_000);
    await context.route(`${ICON_ORIGIN}/**`, (route) => route.abort('internetdisconnected'));
    await context.addInitScript(reportCspViolations);
    const page = await context.newPage();
    const problems: string[] = [];
    guard(page, problems, options.allow ?? []);
    const created: Player = {
      name,
      context,
      page,
      problems,
      async goto(pathname) {
        await page.goto(pathname);
      },
      async shot(step) {
        shots += 1;
        const file = path.join(folder, `${String(shots).padStart(2, '0')}-${name}-${step}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
    };
    players.push(created);
    return created;
  }

  return { baseUrl, player };
}
