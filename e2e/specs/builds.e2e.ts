import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { graphqlCall } from '../support/api.js';
import { newUser, realCode } from '../support/data.js';
import { expectPath, expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';

// A player fills a library from a guide in one paste, then edits, copies and duplicates a build.
const journey = useJourney('builds');
const owner = newUser('library');
const codes = [
  realCode('Heal Firebrand'),
  realCode('Power Quickness Herald (Snow Crows)'),
  realCode('Heal Alacrity Mechanist'),
];
let player: Player;

// The specs share one server: the public build made here would show up in the libraries the
// other specs count, so the player leaves with their account (and its builds) deleted.
afterAll(async () => {
  const baseUrl = inject('baseUrl');
  const { login } = await graphqlCall<{ login: { accessToken: string } }>(
    baseUrl,
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { login: owner.username, password: owner.password } },
  );
  await graphqlCall(
    baseUrl,
    'mutation ($password: String!) { deleteAccount(password: $password) }',
    { password: owner.password },
    login.accessToken,
  );
});

describe('build library', () => {
  it('imports many codes at once with a result per line', async () => {
    player = await journey.player('owner');
    const { page } = player;
    await registerInApp(page, owner);
    await page.getByRole('link', { name: 'Builds' }).click();
    await page.getByText('Paste many codes at once').click();
    const lines = [
      `Heal FB: ${codes[0]!.code}`,
      codes[1]!.code,
      '[&not-a-build-code]',
      codes[2]!.code,
    ];
    await page.getByLabel('Chat codes, one per line').fill(lines.join('\n'));
    await page.getByRole('button', { name: 'Import 4 codes' }).click();
    await expectText(page.locator('.bulk [role="status"]'), '3 saved, 1 refused');
    const results = page.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    await expectText(results.nth(0), 'Line 1 saved as');
    await expectText(results.nth(2), /Line 3 refused: .+/);
    await expectText(results.nth(3), 'Line 4 saved as');
    await expectText(page.locator('.library__count'), '3 builds');
    // The refused line stays in the box to fix.
    expect(await page.getByLabel('Chat codes, one per line').inputValue()).toBe(
      '[&not-a-build-code]',
    );
    await player.shot('bulk-import');
  });

  it('edits the name, visibility and role of a build', async () => {
    const { page } = player;
    await page
      .getByRole('list', { name: 'Import results' })
      .getByRole('listitem')
      .first()
      .getByRole('link')
      .click();
    await expectPath(page, /^\/builds\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit build' });
    await form.getByLabel('Name').fill('Thursday heal FB');
    await form.getByLabel('Visibility').selectOption('PUBLIC');
    const firstRole = form.getByRole('checkbox').first();
    await firstRole.check();
    await player.shot('build-editing');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Thursday heal FB');
    await expectText(page.locator('.build__meta').first(), 'Public');
    await expectText(page.locator('.role-list'), 'declared');
    // Saved on the server, not only in this page's cache.
    await page.reload();
    await expectText(page.getByRole('heading', { level: 1 }), 'Thursday heal FB');
    await expectText(page.locator('.role-list'), 'declared');
  });

  it('copies the chat code to the clipboard', async () => {
    const { page } = player;
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expectText(page.locator('.build__code [role="status"]'), 'Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByTestId('chat-code').innerText());
    expect(copied).toMatch(/^\[&D[A-Za-z0-9+/=]+\]$/);
    await player.shot('build');
  });

  it('duplicates a build into a private copy', async () => {
    const { page } = player;
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await expectText(page.locator('.duplicate [role="status"]'), 'Copy of Thursday heal FB');
    await page.locator('.duplicate [role="status"]').getByRole('link').click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Copy of Thursday heal FB');
    await expectText(page.locator('.build__meta').first(), 'Private');
    await page.getByRole('link', { name: 'Builds', exact: true }).click();
    await expectText(page.locator('.library__count'), '4 builds');
    await expectVisible(page.getByRole('link', { name: 'Copy of Thursday heal FB' }));
    await player.shot('builds-after-duplicate');
  });
});
