import { describe, expect, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { newUser, realCode } from '../support/data.js';
import { expectText, expectVisible } from '../support/expect.js';
import { useJourney, PHONE, type Player } from '../support/journey.js';

// A 390 px phone pass over every page: each shows its content and is never wider than the
// screen (a horizontal scrollbar hides half of a form). Screenshots for a look.
const journey = useJourney('phone');
const user = newUser('phone');
const build = realCode('Heal Firebrand');
let phone: Player;

async function fitsTheScreen(player: Player): Promise<void> {
  const overflow = await player.page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${player.page.url()} is wider than the phone`).toBeLessThanOrEqual(0);
}

describe('390 px phone pass', () => {
  it('signed-out pages', async () => {
    phone = await journey.player('phone', { viewport: PHONE });
    const { page } = phone;
    for (const [path, heading] of [
      ['/sign-in', 'Sign in'],
      ['/register', 'Create an account'],
    ] as const) {
      await phone.goto(path);
      await expectText(page.getByRole('heading', { level: 1 }), heading);
      await fitsTheScreen(phone);
      await phone.shot(path.slice(1));
    }
  });

  it('signed-in pages', async () => {
    const { page } = phone;
    await registerInApp(page, user);
    await page.getByRole('link', { name: 'Builds', exact: true }).click();
    await page.getByLabel('Build chat code').fill(build.code);
    await page.getByLabel('Name').fill(build.name);
    await page.getByRole('button', { name: 'Import build' }).click();
    await expectText(page.locator('.library__count'), '1 build');
    await fitsTheScreen(phone);
    await phone.shot('builds');

    await page.getByRole('status').getByRole('link', { name: build.name }).click();
    await expectText(page.getByRole('heading', { level: 1 }), build.name);
    await fitsTheScreen(phone);
    await phone.shot('build');

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await expectVisible(page.getByRole('button', { name: 'Create team' }));
    await fitsTheScreen(phone);
    await phone.shot('teams');
    await page.getByLabel('Team name').fill('Phone raid');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Phone raid');
    await fitsTheScreen(phone);
    await phone.shot('team');

    await page.getByTestId('signed-in-user').click();
    await expectText(page.getByTestId('account-username'), user.username);
    await fitsTheScreen(phone);
    await phone.shot('account');

    await page.getByRole('link', { name: 'Server status' }).click();
    await expectVisible(page.getByTestId('server-version'));
    await fitsTheScreen(phone);
    await phone.shot('about');

    await page.getByRole('link', { name: 'GraphQL API playground' }).click();
    await expectText(page.locator('#playground-session'), `Signed in as ${user.username}`);
    await expectVisible(page.locator('.graphiql-query-editor .monaco-editor').first());
    await fitsTheScreen(phone);
    await phone.shot('playground');
  });
});
