import type { Page } from 'playwright-core';
import { realCode } from './data.js';
import { expectText } from './expect.js';

/** Creates a team from the Teams page's form and waits for its page. */
export async function createTeamInApp(
  page: Page,
  team: { name: string; gameMode: string; size: number },
): Promise<void> {
  await page.getByRole('link', { name: 'Teams' }).click();
  await page.getByLabel('Team name').fill(team.name);
  await page.getByLabel('Game mode').selectOption(team.gameMode);
  await page.getByLabel('Size').fill(String(team.size));
  await page.getByRole('button', { name: 'Create team' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), team.name);
}

/** Adds each player with a real build's chat code pasted on the team page, one at a time. */
export async function pasteMembers(
  page: Page,
  roster: ReadonlyArray<readonly [player: string, build: string]>,
): Promise<void> {
  await page.getByText('Add a member').click();
  for (const [player, build] of roster) {
    await page.getByLabel('Player name (optional)').fill(player);
    await page.getByLabel('Or paste a chat code').fill(realCode(build).code);
    await page.getByRole('button', { name: 'Add to team' }).last().click();
    await expectText(page.locator('section[aria-labelledby="squad-title"]'), player);
  }
}
