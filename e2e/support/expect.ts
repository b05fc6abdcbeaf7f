import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

// Web-first assertions on top of Vitest's expect.poll: they retry until the page agrees or the
// timeout passes, so specs never sleep. (playwright-core has no `expect`; @playwright/test's
// would bring its own runner.)
const TIMEOUT = 15_000;
const options = { timeout: TIMEOUT, interval: 100 };

async function textOf(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}

/** Waits until the locator's text (all matches, joined) contains or matches `expected`. */
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => textOf(locator), options);
  if (typeof expected === 'string') await poll.toContain(expected);
  else await poll.toMatch(expected);
}

/** Waits until the locator's text no longer contains `unexpected`. */
export async function expectNoText(locator: Locator, unexpected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => textOf(locator), options);
  if (typeof unexpected === 'string') await poll.not.toContain(unexpected);
  else await poll.not.toMatch(unexpected);
}

/** Waits until exactly `count` elements match. */
export async function expectCount(locator: Locator, count: number): Promise<void> {
  await expect.poll(() => locator.count(), options).toBe(count);
}

/** Waits until the (single) element is visible. */
export async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** Waits until nothing visible matches. */
export async function expectHidden(locator: Locator): Promise<void> {
  await expect
    .poll(async () => {
      for (const element of await locator.all()) if (await element.isVisible()) return false;
      return true;
    }, options)
    .toBe(true);
}

/** Waits until the page's path (and query) is `expected`. */
export async function expectPath(
  page: { url(): string },
  expected: string | RegExp,
): Promise<void> {
  const poll = expect.poll(() => {
    const url = new URL(page.url());
    return `${url.pathname}${url.search}`;
  }, options);
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}
