import { describe, expect, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { newUser, realCode } from '../support/data.js';
import { expectPath, expectText, expectVisible } from '../support/expect.js';
import { ICON_ORIGIN, useJourney, PHONE, type Player } from '../support/journey.js';

// A newcomer lands on the home page: what the app does, a call to action, and published
// starter builds to copy or keep; the server status moved to /about.
const journey = useJourney('home');
const newcomer = newUser('newcomer');
const firebrand = realCode('Heal Firebrand');
let visitor: Player;

const starters = (player: Player) =>
  player.page.getByRole('list', { name: 'Starter builds' }).getByRole('listitem');

describe('home page for a newcomer', () => {
  it('explains the app and lists sourced starter builds signed out', async () => {
    visitor = await journey.player('visitor');
    const { page } = visitor;
    const iconRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${ICON_ORIGIN}/`)) iconRequests.push(request.url());
    });
    await visitor.goto('/');
    await expectText(page.getByRole('heading', { level: 1 }), 'GW2 Squad Optimizer');
    await expectVisible(page.getByRole('link', { name: 'Create a free account' }));
    await expectText(starters(visitor).first(), 'Source:');
    expect(await starters(visitor).count()).toBeGreaterThanOrEqual(40);
    const card = starters(visitor).filter({ hasText: 'Heal Firebrand' });
    await expectText(card, 'Heal quickness');
    await expectText(card, 'Firebrand Guardian');
    // The render service's icon is tried (the CSP allows it); offline here, the letter tile
    // stands in, with no console error or failed request counted against the page.
    await expectVisible(card.getByTestId('icon-fallback'));
    expect(iconRequests.length).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Copy code' }).click();
    await expectText(card.getByRole('status'), 'Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firebrand.code);
    await page.getByLabel('Role').selectOption('heal-quickness');
    await expectText(starters(visitor).first(), 'Heal quickness');
    await page.getByLabel('Role').selectOption('');
    await visitor.shot('home');
  });

  it('keeps the server status on the about page', async () => {
    const { page } = visitor;
    await page.getByRole('link', { name: 'Server status' }).click();
    await expectPath(page, '/about');
    await expectVisible(page.getByTestId('server-version'));
    await visitor.shot('about');
  });

  it('adds a starter build to a new library', async () => {
    const { page } = visitor;
    await registerInApp(page, newcomer);
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByLabel('Role').selectOption('heal-quickness');
    await page.getByRole('button', { name: 'Add Heal Firebrand to my library' }).click();
    const card = starters(visitor).filter({ hasText: 'Heal Firebrand' });
    await card.getByRole('link', { name: 'Added: open it' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Heal Firebrand');
    await expectText(page.getByTestId('chat-code'), firebrand.code);

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByLabel('Role').selectOption('heal-alacrity');
    const count = await starters(visitor).count();
    await page.getByRole('button', { name: `Add all ${count} to my library` }).click();
    await expectVisible(page.getByRole('button', { name: 'All added' }));
    await page.getByRole('link', { name: 'Builds', exact: true }).click();
    await expectText(page.locator('.library__count'), `${count + 1} builds`);
    await visitor.shot('library-from-starters');
  });

  it('fits a 390 px phone', async () => {
    const phone = await journey.player('phone', { viewport: PHONE });
    await phone.goto('/');
    await expectText(starters(phone).first(), 'Source:');
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.shot('phone-home');
  });
});
