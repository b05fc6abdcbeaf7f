import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeMistral,
  type FakeMistral,
} from '../../server/test/support/fake-mistral/fake-mistral.js';
import { registerInApp } from '../support/accounts.js';
import { newUser } from '../support/data.js';
import { expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';
import { createTeamInApp, pasteMembers } from '../support/teams.js';
import { startBuiltServer, type BuiltServer } from '../support/server.js';

// The AI assistant on a team: a raid leader asks in their own words, watches the phases and the
// explanation stream in from the (fake, slow) language model, reloads mid-stream and sees it
// resume, applies the plan, and sees the optimizer answer when the model is down; on a server
// without a model, the badge says so. This spec runs its own server with the fake Mistral (the
// shared one has no model, as the other specs expect).
const journey = useJourney('assistant');
const leader = newUser('lead');
const ROSTER = [
  ['Fira', 'Condition Quickness Firebrand (Snow Crows)'],
  ['Ren', 'Power Alac Renegade'],
  ['Reap', 'Power Reaper (Snow Crows)'],
  ['Weav', 'Power Weaver'],
  ['Holo', 'Power Holosmith (Snow Crows)'],
] as const;
const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/assistant.png', import.meta.url));

let fake: FakeMistral;
let server: BuiltServer;
let lead: Player;

beforeAll(async () => {
  // Slow enough that the stream can be watched and interrupted.
  fake = await startFakeMistral({ autoChunkDelayMs: 150 });
  server = await startBuiltServer({
    MISTRAL_API_KEY: fake.apiKey,
    MISTRAL_SERVER_URL: fake.url,
    MISTRAL_MAX_RETRIES: '1',
  });
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

const panel = (player: Player) =>
  player.page.locator('section[aria-labelledby="team-assistant-title"]');
const job = (scope: Locator) => scope.getByTestId('ai-job');
const shownText = async (scope: Locator) => (await scope.getByTestId('ai-text').innerText()).trim();

describe('the assistant on a team', () => {
  it('sets up a raid team of five real builds', async () => {
    lead = await journey.player('lead', { baseUrl: server.baseUrl });
    const { page } = lead;
    await registerInApp(page, leader);
    await createTeamInApp(page, { name: 'Thursday raid', gameMode: 'RAID', size: 10 });
    await pasteMembers(page, ROSTER);
  });

  it('asks in free text, watches the phases and the streamed text, resumes after a reload', async () => {
    const { page } = lead;
    const assistant = panel(lead);
    await assistant
      .getByTestId('assistant-request')
      .fill('Raid tonight for the five of us, please');
    await assistant.getByRole('button', { name: 'Ask the assistant' }).click();
    await expectVisible(job(assistant));
    expect(page.url()).toContain('assistantJob=');
    // The optimizer's plan first, then the model's text word by word.
    await expectText(assistant.getByTestId('ai-text'), 'Here is how this');
    await expect.poll(() => job(assistant).getAttribute('aria-busy')).toBe('true');
    await expectVisible(assistant.getByTestId('ai-incumbents'));
    await lead.shot('streaming');
    const before = await shownText(assistant);

    await page.reload();
    // The snapshot brings back the text so far at once, then the stream goes on.
    await expectText(panel(lead).getByTestId('ai-text'), before);
    await expect
      .poll(() => job(panel(lead)).getAttribute('aria-busy'), { timeout: 60_000 })
      .toBe('false');
    const finished = await shownText(panel(lead));
    expect(finished.startsWith(before)).toBe(true);
    expect(finished.match(/Here is how this/g)).toHaveLength(1);
    expect(finished).toMatch(/In subgroup 1, /);
    const badge = panel(lead).getByTestId('ai-source');
    await expect.poll(() => badge.getAttribute('data-source')).toBe('LLM');
    await lead.shot('finished');

    // A reload after the end shows the same text once more, from the job's row.
    await page.reload();
    await expectText(panel(lead).getByTestId('ai-source'), 'AI explanation');
    await expect.poll(() => shownText(panel(lead))).toBe(finished);
  });

  it('applies the plan to the team', async () => {
    const { page } = lead;
    await panel(lead).getByRole('button', { name: 'Apply plan' }).click();
    await expectText(panel(lead), 'The assistant’s plan is now the team’s squad.');
    expect(page.url()).not.toContain('assistantJob=');
    for (const [player] of ROSTER) {
      await expectText(page.locator('section[aria-labelledby="squad-title"]'), player);
    }
  });

  it('answers from the optimizer while the model is down, and says why', async () => {
    fake.setDefault({ kind: 'status', status: 503 });
    try {
      const assistant = panel(lead);
      await assistant.getByLabel('Explain synergy').check();
      await assistant.getByLabel('Subgroup', { exact: true }).fill('1');
      await assistant.getByRole('button', { name: 'Ask the assistant' }).click();
      const badge = assistant.getByTestId('ai-source');
      await expect
        .poll(() => badge.getAttribute('data-fallback-reason'), { timeout: 30_000 })
        .toBe('OUTAGE');
      await expectText(badge, 'the language model is not answering');
      await expect.poll(() => shownText(assistant)).not.toBe('');
      await lead.shot('outage');
    } finally {
      fake.setDefault('auto');
    }
  });

  it('lists past requests on the Assistant page and opens one', async () => {
    const { page } = lead;
    await page.getByRole('link', { name: 'Assistant' }).click();
    const list = page.locator('section[aria-labelledby="past-jobs-title"]');
    await expectText(list, 'Raid tonight for the five of us');
    await list
      .getByRole('button')
      .filter({ hasText: 'Raid tonight for the five of us' })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain('job=');
    await expectText(page.getByTestId('ai-text'), 'Here is how this');
    const shot = await lead.shot('assistant-page');
    // docs/screenshots/assistant.png is refreshed on request only (a run leaves the tree clean).
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') copyFileSync(shot, SCREENSHOT);
  });
});

describe('the assistant without a language model', () => {
  it('answers a structured request from the optimizer, and explains why free text cannot', async () => {
    const player = await journey.player('solo');
    const { page } = player;
    await registerInApp(page, newUser('solo'));
    await page.getByRole('link', { name: 'Assistant' }).click();
    await page.getByTestId('assistant-request').fill('fractals tonight');
    await page.getByRole('button', { name: 'Ask the assistant' }).click();
    await expectText(page.getByRole('alert'), 'Free-text requests need the language model');

    await page.getByLabel('Compose a squad').check();
    await page.getByLabel('Game mode').selectOption('FRACTALS');
    await page.getByLabel('Squad size').fill('5');
    await page.getByRole('button', { name: 'Ask the assistant' }).click();
    const badge = page.getByTestId('ai-job').getByTestId('ai-source');
    await expect
      .poll(() => badge.getAttribute('data-fallback-reason'), { timeout: 30_000 })
      .toBe('NO_KEY');
    await expectText(badge, 'no language model is configured');
    await expectText(page.getByTestId('ai-text'), 'Fractal squad of 5');
    await expectText(page.getByTestId('ai-job'), 'A plan from meta builds');
    await player.shot('no-model');
  });
});
