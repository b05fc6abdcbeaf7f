import { describe, it } from 'vitest';
import { registerInApp, signInInApp } from '../support/accounts.js';
import { newUser, realCode } from '../support/data.js';
import { expectNoText, expectPath, expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';

// Reloads and opened links land on signed-in pages before the session is restored from the
// refresh cookie: each must still show the player's own data, and signing out or in must
// never leave one viewer's answers on screen for the other.
const journey = useJourney('session');
const owner = newUser('reload');
const build = realCode('Power Virtuoso');
// Named for this spec alone: the specs share one server and its public builds.
const buildName = `${build.name} of ${owner.username}`;
let player: Player;
let buildPath = '';
let teamPath = '';

/** Every signed-in page with what proves it shows the player's data. */
const pages = () => [
  // The build is private: an anonymous answer (other specs' public builds) cannot show it.
  { path: '/builds', shows: buildName },
  { path: buildPath, shows: buildName },
  { path: '/teams', shows: 'Reload raid' },
  { path: teamPath, shows: 'Reload raid' },
  { path: '/account', shows: owner.email },
];

describe('reload and deep links on signed-in pages', () => {
  it('sets up a build and a team', async () => {
    player = await journey.player('owner');
    const { page } = player;
    await registerInApp(page, owner);
    await page.getByRole('link', { name: 'Builds' }).click();
    await page.getByLabel('Build chat code').fill(build.code);
    await page.getByLabel('Name').fill(buildName);
    await page.getByRole('button', { name: 'Import build' }).click();
    await page.getByRole('status').getByRole('link', { name: buildName }).click();
    await expectText(page.getByRole('heading', { level: 1 }), buildName);
    buildPath = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('Reload raid');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Reload raid');
    teamPath = new URL(page.url()).pathname;
  });

  it('shows the same data after a reload of every signed-in page', async () => {
    const { page } = player;
    for (const { path, shows } of pages()) {
      await page.goto(path);
      await expectText(page.locator('main'), shows);
      await page.reload();
      await expectText(page.getByTestId('signed-in-user'), owner.username);
      await expectText(page.locator('main'), shows);
      await player.shot(`reloaded${path.replace(/\/[0-9a-f-]{36}$/, '-id').replace(/\//g, '-')}`);
    }
  });

  it('shows the same data when a link is opened in a new tab', async () => {
    for (const { path, shows } of pages()) {
      const tab = await player.context.newPage();
      await tab.goto(path);
      await expectText(tab.getByTestId('signed-in-user'), owner.username);
      await expectText(tab.locator('main'), shows);
      await tab.close();
    }
  });

  it('signing out leaves nothing of the player on screen; signing in brings it back', async () => {
    const { page } = player;
    await page.goto('/builds');
    await expectText(page.locator('main'), buildName);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectPath(page, '/');
    await page.getByRole('link', { name: 'Builds' }).click();
    await expectText(page.locator('main'), /\d+ builds?\b/);
    await expectNoText(page.locator('main'), buildName);
    await page.getByRole('link', { name: 'Teams' }).click();
    await expectVisible(page.locator('main').getByRole('link', { name: 'Sign in' }));
    await player.shot('signed-out-teams');

    await signInInApp(page, owner.username, owner.password);
    await page.getByRole('link', { name: 'Builds' }).click();
    await expectText(page.locator('main'), buildName);
  });
});
