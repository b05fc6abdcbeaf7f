import { describe, expect, it } from 'vitest';
import { registerInApp, signInInApp } from '../support/accounts.js';
import { newUser } from '../support/data.js';
import { expectPath, expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';

// The account page: change the password (other devices signed out, the new one works), sign
// out everywhere, delete the account (signing in again then fails with a sentence).
const journey = useJourney('account');
const user = newUser('account');
const newPassword = `new-${user.password}`;
let desk: Player;
let laptop: Player;

/** Reloads and waits until the header has settled (signed in or out). */
async function reloadSettled(player: Player): Promise<'in' | 'out'> {
  await player.page.reload();
  const header = player.page.locator('.app-header__account');
  await expectText(header, /Sign out|Sign in/);
  return (await header.innerText()).includes('Sign out') ? 'in' : 'out';
}

describe('account page', () => {
  it('opens from the header and shows the account', async () => {
    desk = await journey.player('desk');
    laptop = await journey.player('laptop');
    await registerInApp(desk.page, user);
    await signInInApp(laptop.page, user.username, user.password);
    await desk.page.getByTestId('signed-in-user').click();
    await expectPath(desk.page, '/account');
    await expectText(desk.page.getByTestId('account-username'), user.username);
    await expectText(desk.page.locator('main'), user.email);
    // A reload of the page keeps the player's data (the session is restored first).
    await desk.page.reload();
    await expectText(desk.page.getByTestId('account-username'), user.username);
    await desk.shot('account');
  });

  it('changes the password: other devices are signed out, the new password signs in', async () => {
    const { page } = desk;
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(`${newPassword}x`);
    await expectText(page.locator('main'), 'The two new passwords differ.');
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.getByRole('status'), 'Password changed.');
    await desk.shot('password-changed');
    // This device stays signed in, the other one is out.
    expect(await reloadSettled(desk)).toBe('in');
    expect(await reloadSettled(laptop)).toBe('out');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectPath(page, '/');
    await page.locator('.app-header').getByRole('link', { name: 'Sign in' }).click();
    await page
      .getByLabel(/username|e-mail/i)
      .first()
      .fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByTestId('sign-in-error'), /\w+ \w+ \w+/);
    await signInInApp(page, user.username, newPassword);
  });

  it('signs out everywhere', async () => {
    await signInInApp(laptop.page, user.username, newPassword);
    const { page } = desk;
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expectText(page.getByRole('status'), 'signed out on every device');
    await expectVisible(page.locator('.app-header').getByRole('link', { name: 'Sign in' }));
    await desk.shot('signed-out-everywhere');
    expect(await reloadSettled(desk)).toBe('out');
    expect(await reloadSettled(laptop)).toBe('out');
  });

  it('deletes the account after a typed confirmation; signing in then fails', async () => {
    const { page } = desk;
    await signInInApp(page, user.username, newPassword);
    await page.goto('/account');
    const submit = page.getByRole('button', { name: 'Delete my account' });
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel(/Type your username/).fill('someone else');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel(/Type your username/).fill(user.username);
    await desk.shot('delete-confirmation');
    await submit.click();
    await expectText(page.getByRole('status'), 'Your account is deleted');
    await page.locator('.app-header').getByRole('link', { name: 'Sign in' }).click();
    await page
      .getByLabel(/username|e-mail/i)
      .first()
      .fill(user.username);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('sign-in-error');
    await expectText(error, /\w+ \w+ \w+/);
    // A sentence for a player, not a code.
    expect(await error.innerText()).not.toMatch(/[A-Z]{4,}_[A-Z]+/);
    await desk.shot('deleted-sign-in-fails');
  });
});
