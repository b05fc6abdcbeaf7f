import type { Page } from 'playwright-core';
import type { NewUser } from './data.js';
import { expectText } from './expect.js';

/** Registers through the app's form and waits until the header shows the player signed in. */
export async function registerInApp(page: Page, user: NewUser): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectText(page.getByTestId('signed-in-user'), user.username);
}

/** Signs in through the app's form. */
export async function signInInApp(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page
    .getByLabel(/username|e-mail/i)
    .first()
    .fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectText(page.getByTestId('signed-in-user'), login);
}
