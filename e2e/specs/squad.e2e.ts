import { describe, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { newUser, realCode } from '../support/data.js';
import { expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';

// The main journey: a new player imports real builds and plans a WvW zerg with them.
const journey = useJourney('squad');
const commander = newUser('cmdr');
const codes = [
  realCode('Power Dragonhunter'),
  realCode('Banner Berserker'),
  realCode('Power Alac Renegade'),
];
let alice: Player;

describe('register → builds → zerg team', () => {
  it('registers', async () => {
    alice = await journey.player('alice');
    await registerInApp(alice.page, commander);
    await alice.shot('registered');
  });

  it('imports three real chat codes', async () => {
    const { page } = alice;
    await page.getByRole('link', { name: 'Builds' }).click();
    for (const entry of codes) {
      await page.getByLabel('Build chat code').fill(entry.code);
      await expectVisible(page.getByTestId('code-preview'));
      await page.getByLabel('Name').fill(entry.name);
      await page.getByRole('button', { name: 'Import build' }).click();
      await expectText(page.getByRole('status'), `Saved ${entry.name}`);
    }
    await expectText(page.getByRole('status'), '3 builds');
    await alice.shot('builds');
  });

  it('opens a build page', async () => {
    const { page } = alice;
    await page.getByRole('link', { name: 'Banner Berserker' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Banner Berserker');
    await expectText(page.getByTestId('chat-code'), codes[1]!.code);
    await alice.shot('build');
  });

  it('creates a WvW zerg team and sees its squad grid', async () => {
    const { page } = alice;
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('Reset night zerg');
    await page.getByLabel('Game mode').selectOption('ZERG');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Reset night zerg');
    await expectVisible(page.getByRole('heading', { name: 'Subgroup 10' }));
    await alice.shot('team');
  });
});
