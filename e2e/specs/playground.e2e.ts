import { describe, expect, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { newUser } from '../support/data.js';
import { expectText, expectVisible } from '../support/expect.js';
import { useJourney, PHONE, type Player } from '../support/journey.js';

// The playground opened from the app runs queries as the signed-in player (it borrows the
// app's session); signed out it says how to authenticate.
const journey = useJourney('playground');
const integrator = newUser('integrator');
let player: Player;

async function runQuery(player: Player, query: string): Promise<void> {
  const { page } = player;
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText: typing would let monaco close the braces a second time.
  await page.keyboard.insertText(query);
  await page.locator('.graphiql-execute-button').click();
}

describe('GraphQL playground', () => {
  it('runs an authenticated query with the app session', async () => {
    player = await journey.player('integrator');
    const { page } = player;
    await registerInApp(page, integrator);
    // Leaving the home page while its lazy starter library loads would abort those requests.
    await expectVisible(page.getByRole('list', { name: 'Starter builds' }));
    await page.getByRole('link', { name: 'GraphQL API playground' }).click();
    await expectText(page.locator('#playground-session'), `Signed in as ${integrator.username}`);
    await expectVisible(page.locator('.graphiql-query-editor .monaco-editor').first());
    await runQuery(player, '{ me { username email } }');
    const result = page.locator('.result-window');
    // Monaco writes spaces as no-break spaces: \s matches both.
    await expectText(result, new RegExp(`"username":\\s"${integrator.username}"`));
    await expectText(result, integrator.email);
    await player.shot('playground');
  });

  it('leaves the app signed in after borrowing its session', async () => {
    // A new tab: the playground's page may still be fetching a monaco worker.
    const page = await player.context.newPage();
    await page.goto('/');
    await expectText(page.getByTestId('signed-in-user'), integrator.username);
    await page.getByRole('link', { name: 'Builds', exact: true }).click();
    // "Only mine" needs the session (other specs' public builds would count otherwise).
    await page.getByLabel('Owner').selectOption('ME');
    await expectText(page.locator('.library__count'), '0 builds');
    await page.close();
  });

  it('says how to authenticate when signed out, and runs anonymous queries', async () => {
    const visitor = await journey.player('visitor');
    await visitor.goto('/docs/');
    await expectText(visitor.page.locator('#playground-session'), 'Not signed in');
    await runQuery(visitor, '{ serverInfo { version } }');
    await expectText(visitor.page.locator('.result-window'), '"version"');
    await runQuery(visitor, '{ me { username } }');
    const result = visitor.page.locator('.result-window');
    await expectText(result, 'UNAUTHENTICATED');
    expect(await result.innerText()).not.toContain(integrator.username);
    await visitor.shot('playground-signed-out');
  });

  it('stacks the operation above the response on a phone', async () => {
    const phone = await journey.player('phone', { viewport: PHONE });
    const { page } = phone;
    await phone.goto('/docs/');
    await expectText(page.locator('#playground-session'), 'Not signed in');
    await runQuery(phone, '{ serverInfo { version } }');
    await expectText(page.locator('.result-window'), '"version"');
    const box = async (selector: string) => {
      const found = await page.locator(selector).first().boundingBox();
      if (!found) throw new Error(`${selector} is not shown`);
      return found;
    };
    const editors = await box('.graphiql-editors');
    const response = await box('.graphiql-response');
    // One above the other, each nearly the phone's width (side by side they split it).
    expect(response.y).toBeGreaterThanOrEqual(editors.y + editors.height - 1);
    expect(editors.width).toBeGreaterThan(PHONE.width * 0.75);
    expect(response.width).toBeGreaterThan(PHONE.width * 0.75);
    expect(response.height).toBeGreaterThan(100);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.shot('playground-phone');
  });
});
