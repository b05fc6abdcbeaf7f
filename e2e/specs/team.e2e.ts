import { describe, expect, it } from 'vitest';
import { registerInApp, signInInApp } from '../support/accounts.js';
import { newUser, realCode } from '../support/data.js';
import { expectText, expectVisible } from '../support/expect.js';
import { PHONE, useJourney, type Player } from '../support/journey.js';

// The team page from end to end: a commander imports real builds, fills a WvW zerg from the
// library and by paste, chooses roles, reads coverage, optimizes, applies, copies the plan as
// text; shares it with a second player who edits while the first watches live (and back, moving
// a member with the keyboard); then opens it on a phone.
const journey = useJourney('team');
const commander = newUser('cmdr');
const second = newUser('scout');
const CODES = [
  realCode('Heal Firebrand'),
  realCode('Banner Berserker'),
  realCode('Power Alac Renegade'),
];
let alice: Player;
let bob: Player;
let teamPath = '';

const squad = (player: Player) => player.page.locator('section[aria-labelledby="squad-title"]');
const notice = (player: Player) => player.page.getByTestId('team-notice');
const card = (player: Player, label: string) =>
  squad(player).locator(`[data-member-id][aria-label^="${label},"]`);

async function addFromLibrary(player: Player, name: string, build: string): Promise<void> {
  const { page } = player;
  const option = page.locator('.add-member option', { hasText: build });
  await expectVisible(option.first()).catch(() => undefined);
  await expect.poll(() => option.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const value = (await option.first().getAttribute('value')) ?? '';
  await page.getByLabel('Player name (optional)').fill(name);
  await page.getByLabel('Build', { exact: true }).selectOption(value);
  await page.getByRole('button', { name: 'Add to team' }).first().click();
  await expectText(notice(player), `Added ${name} to the team.`);
  await expectVisible(card(player, name));
}

describe('team page journey', { timeout: 240_000 }, () => {
  it('imports three real codes and creates a WvW zerg', async () => {
    alice = await journey.player('alice');
    const { page } = alice;
    await registerInApp(page, commander);
    await page.getByRole('link', { name: 'Builds' }).click();
    for (const entry of CODES) {
      await page.getByLabel('Build chat code').fill(entry.code);
      await expectVisible(page.getByTestId('code-preview'));
      await page.getByLabel('Name').fill(entry.name);
      await page.getByRole('button', { name: 'Import build' }).click();
      await expectText(page.getByRole('status'), `Saved ${entry.name}`);
    }
    await page.getByRole('link', { name: 'Banner Berserker' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Banner Berserker');
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name').fill('Reset night zerg');
    await page.getByLabel('Game mode').selectOption('ZERG');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Reset night zerg');
    teamPath = new URL(page.url()).pathname;
  });

  it('adds members from the library and by paste; both show the same role and boons', async () => {
    const { page } = alice;
    await page.getByText('Add a member').click();
    await addFromLibrary(alice, 'Fira', 'Heal Firebrand');
    await addFromLibrary(alice, 'Bers', 'Banner Berserker');
    await addFromLibrary(alice, 'Rene', 'Power Alac Renegade');

    await page.getByLabel('Player name (optional)').fill('Bers2');
    await page.getByLabel('Or paste a chat code').fill(realCode('Banner Berserker').code);
    await expectText(page.getByTestId('paste-note'), 'also saved to your builds');
    await page.getByRole('button', { name: 'Add to team' }).last().click();
    await expectText(notice(alice), 'The code was saved to your builds as “Berserker build”.');
    // Defect 4: the library member and the pasted one read alike, and "Damage" once each.
    const library = card(alice, 'Bers');
    const pasted = card(alice, 'Bers2');
    await expectVisible(pasted);
    const read = async (member: typeof library) => ({
      role: await member.getByTestId('member-role').innerText(),
      boons: await member.getByTestId('member-boons').allInnerTexts(),
    });
    const fromLibrary = await read(library);
    expect(fromLibrary.role).toMatch(/\S/);
    expect(await read(pasted)).toEqual(fromLibrary);
    for (const member of [library, pasted]) {
      expect(((await member.innerText()).match(/Damage/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    await alice.shot('members-added');
  });

  it('chooses the role a member plays, and coverage follows', async () => {
    const { page } = alice;
    await page.getByRole('button', { name: 'Edit Fira', exact: true }).click();
    const editor = page.getByRole('form', { name: 'Edit Fira' });
    const roles = editor.getByLabel('Role played');
    const options = await roles.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(1);
    const chosen = options[options.length - 1]!;
    await roles.selectOption({ label: chosen.trim() });
    await editor.getByLabel('Player name').fill('Firamina');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expectText(notice(alice), 'Saved Firamina.');
    await expectText(
      card(alice, 'Firamina').getByTestId('member-role'),
      chosen.split(' — ')[0]!.trim(),
    );
    await expectVisible(page.getByRole('heading', { name: 'Gaps' }));
    await expectText(page.locator('[aria-label="Coverage gaps"]'), 'Subgroup');
    await alice.shot('role-chosen');
  });

  it('optimizes, applies the plan and copies it as text', async () => {
    const { page } = alice;
    const optimize = page.getByRole('region', { name: 'Optimize' });
    await optimize.getByRole('button', { name: 'Optimize squad' }).click();
    await page.getByRole('button', { name: 'Apply plan' }).click();
    await expectText(notice(alice), 'Applied the plan');

    await page.getByRole('button', { name: 'Copy for squad chat' }).click();
    await expectText(page.getByTestId('squad-text-status'), 'Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('Reset night zerg — WvW zerg, 4/50');
    expect(copied).toMatch(/^G\d+: .*Firamina \(Firebrand/m);
    expect(copied).toContain('Bers2 (Berserker');
    expect(await page.getByTestId('squad-text').inputValue()).toBe(copied);

    await page.getByRole('button', { name: 'Copy for Discord' }).click();
    await expect
      .poll(() => page.getByTestId('squad-text').inputValue(), { timeout: 15_000 })
      .toContain('## Reset night zerg');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/\*\*Subgroup 1\*\* \(\d\/5\)/);
    expect(markdown).toContain('- **Firamina** — Firebrand');
    const full = await alice.shot('team-zerg');
    await page.locator('.team').screenshot({ path: full.replace(/\.png$/, '-page.png') });
  });

  it('shares with a second player, who edits while the first sees it live', async () => {
    bob = await journey.player('bob');
    await registerInApp(bob.page, second);
    const { page } = alice;
    await page.getByText('Settings and sharing').click();
    // The settings carry the New team form's fields, under the same labels.
    const settings = page.getByRole('form', { name: 'Team settings' });
    expect(await settings.getByLabel('Team name').inputValue()).toBe('Reset night zerg');
    expect(await settings.getByLabel('Game mode').inputValue()).toBe('ZERG');
    expect(await settings.getByLabel('Size').inputValue()).toBe('50');
    expect(await settings.getByLabel('Visibility').inputValue()).toBe('PRIVATE');
    await page.getByLabel('Share with (username)').fill(second.username);
    await page.locator('.sharing__form select').selectOption('EDIT');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expectText(notice(alice), `${second.username} can now edit this team.`);
    await expectText(page.getByTestId('team-access-list'), second.username);
    await alice.shot('team-share');

    await bob.goto(teamPath);
    await expectText(bob.page.getByRole('heading', { level: 1 }), 'Reset night zerg');
    await bob.page.getByRole('button', { name: 'Edit Rene', exact: true }).click();
    const editor = bob.page.getByRole('form', { name: 'Edit Rene' });
    await editor.getByLabel('Player name').fill('Renata');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expectText(notice(bob), 'Saved Renata.');
    // Alice did nothing: the change arrives over the live subscription.
    await expectVisible(card(alice, 'Renata'));
    await bob.shot('edited');
  });

  it('moves a member with the keyboard alone, and the other player sees it live', async () => {
    const { page } = alice;
    const fira = card(alice, 'Firamina');
    await fira.focus();
    const from = Number(
      await fira.locator('xpath=ancestor::section[1]').getAttribute('data-subgroup'),
    );
    const key = from < 10 ? 'ArrowRight' : 'ArrowLeft';
    const to = from < 10 ? from + 1 : from - 1;
    await page.keyboard.press(key);
    await expectText(notice(alice), `Moved Firamina to subgroup ${to}.`);
    // Focus stays on the member where it landed.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toContain(`Firamina`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toContain(`subgroup ${to}`);
    await page.keyboard.press('ArrowDown');
    await alice.shot('keyboard-focus');
    await expectText(squad(bob).locator(`[data-subgroup="${to}"]`), 'Firamina');
  });

  it('stays usable on a phone: a compact list with folding subgroups', async () => {
    // Opening the team right after signing in aborts the sign-in page's lazy chunks mid-load.
    const phone = await journey.player('phone', { viewport: PHONE, allow: [/net::ERR_ABORTED/] });
    await signInInApp(phone.page, commander.username, commander.password);
    await phone.goto(teamPath);
    await expectText(phone.page.getByRole('heading', { level: 1 }), 'Reset night zerg');
    const compact = phone.page.getByRole('button', { name: 'Compact list' });
    await expect.poll(() => compact.getAttribute('aria-pressed')).toBe('true');
    // The whole page fits the phone's width: the 10-subgroup coverage table scrolls inside its
    // box (its hidden cell labels once widened the page to 805 px).
    const pageWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await phone.shot('team-phone');
    await phone.page.getByRole('button', { name: 'Collapse all' }).click();
    await expectText(squad(phone), 'Firamina');
    await phone.shot('team-phone-folded');
  });
});
