import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { registerInApp, signInInApp } from '../support/accounts.js';
import { registerThroughApi, type ApiPlayer } from '../support/api.js';
import { newUser, realCode } from '../support/data.js';
import { expectCount, expectHidden, expectText, expectVisible } from '../support/expect.js';
import { PHONE, useJourney, type Player } from '../support/journey.js';
import { startBuiltServer, type BuiltServer } from '../support/server.js';

// The learning pipeline seen from the app: two players save raid builds and field raid teams
// (through the API), one rates the Optimize plan on the team page with a thumbs and a reason;
// the admin (ADMIN_USERNAMES on this spec's own server) runs the pipeline from the Meta page and sees
// the charts, their tables and the run; an anonymous visitor sees the same meta, no admin part.
const journey = useJourney('meta');
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ROSTER = [
  'Heal Firebrand',
  'Power Quickness Harbinger (Snow Crows)',
  'Power Alac Renegade',
  'Power Reaper (Snow Crows)',
] as const;
const raider = newUser('raider');
const SCREENSHOT = path.join(REPO, 'docs/screenshots/meta.png');
let server: BuiltServer;

beforeAll(async () => {
  // Its own server: the admin runs the pipeline once the data is in (never on a timer), and
  // two players are enough to publish an aggregate.
  server = await startBuiltServer({
    ADMIN_USERNAMES: 'meta_admin',
    LEARNING_PIPELINE_EVERY_MS: '0',
    META_MIN_SAMPLE: '2',
  });
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

async function seedRaider(player: ApiPlayer): Promise<string> {
  const { createTeam } = await player.call<{ createTeam: { id: string } }>(
    `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
    { input: { name: 'Raid night', gameMode: 'RAID', size: 10 } },
  );
  for (const [index, name] of ROSTER.entries()) {
    const { createBuild } = await player.call<{ createBuild: { id: string } }>(
      `mutation ($input: CreateBuildInput!) { createBuild(input: $input) { id } }`,
      { input: { name, chatCode: realCode(name).code, gameModes: ['RAID'] } },
    );
    await player.call(
      `mutation ($teamId: ID!, $input: AddTeamMemberInput!) { addTeamMember(teamId: $teamId, input: $input) { id } }`,
      {
        teamId: createTeam.id,
        input: { buildId: createBuild.id, playerName: `P${index + 1}`, subgroup: 1 + (index % 2) },
      },
    );
  }
  // A plan from the meta pool, proposed to the signed-in player (recorded), then discarded.
  const { optimizeSquad } = await player.call<{ optimizeSquad: { id: string } }>(
    `query { optimizeSquad(input: { gameMode: RAID, size: 10, pool: META }) { id } }`,
  );
  await player.call(`mutation ($id: ID!) { discardSquadPlan(planId: $id) }`, {
    id: optimizeSquad.id,
  });
  return createTeam.id;
}

describe('Meta page', () => {
  it('two players run raids; one rates the Optimize plan on the team page', async () => {
    await seedRaider(await registerThroughApi(server.baseUrl, raider));
    await seedRaider(await registerThroughApi(server.baseUrl, newUser('raider2')));

    const player = await journey.player('raider', { baseUrl: server.baseUrl });
    const { page } = player;
    await signInInApp(page, raider.username, raider.password);
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('link', { name: 'Raid night' }).click();
    const optimize = page.getByRole('region', { name: 'Optimize' });
    await optimize.getByRole('button', { name: 'Optimize squad' }).click();
    const thumbs = optimize.getByRole('group', { name: 'Rate this plan' });
    await thumbs.getByRole('button', { name: 'Thumbs up for this plan' }).click();
    await expectText(thumbs.getByRole('status'), 'Thanks!');
    await thumbs.getByLabel('Why? (optional)').fill('Supports split as I would');
    await thumbs.getByRole('button', { name: 'Send' }).click();
    await expectText(thumbs.getByRole('status'), 'Thanks, reason saved.');
    await expectVisible(thumbs.locator('[aria-pressed="true"]'));
    await player.shot('plan-thumbs-up');
    await optimize.getByRole('button', { name: 'Discard' }).click();
    await expectHidden(thumbs);
  });

  let admin: Player;
  it('the admin runs the pipeline and sees the charts, their tables and the run', async () => {
    admin = await journey.player('admin', { baseUrl: server.baseUrl });
    const { page } = admin;
    await registerInApp(page, { ...newUser('x'), username: 'meta_admin' });
    await page.getByRole('link', { name: 'Meta', exact: true }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Meta');
    await expectVisible(page.getByText('No snapshot yet'));
    await page.getByRole('button', { name: 'Run the pipeline now' }).click();
    await expectText(page.getByText(/Snapshot \d+ made for/), 'made for');
    await expectText(page.locator('.meta__snapshot'), /Snapshot \d+ of \d{4}-\d{2}-\d{2}/);

    // Every chart is an image named by its caption, with its numbers in a table.
    for (const caption of [
      'Elite and role shares',
      'Most missing boons and requirements',
      'Plan acceptance over time',
    ]) {
      await expectVisible(page.getByRole('img', { name: caption }));
      await page.getByText(`${caption} as a table`).click();
    }
    const shares = page.getByRole('table').filter({ hasText: 'Elite and role' });
    await expectText(shares, 'Firebrand');
    await expectText(shares, 'Harbinger');
    const acceptance = page.getByRole('table').filter({ hasText: 'Proposed' });
    await expectText(acceptance, 'Optimizer');
    const runs = page.getByRole('region', { name: 'Pipeline runs' });
    await expectText(runs, 'SUCCEEDED');
    await expectText(runs, 'MANUAL');
    await expectText(runs, 'team_members');
    const shot = await admin.shot('meta-admin');
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') copyFileSync(shot, SCREENSHOT);

    // A second run the same day changes nothing.
    await page.getByRole('button', { name: 'Run the pipeline now' }).click();
    await expectText(page.getByText(/Skipped:/), 'has its snapshot already');
  });

  it('an anonymous visitor on a phone sees the meta, not the admin part', async () => {
    const visitor = await journey.player('visitor', { viewport: PHONE, baseUrl: server.baseUrl });
    await visitor.goto('/meta');
    const { page } = visitor;
    await page.getByLabel('Game mode').selectOption('RAID');
    await expectVisible(page.getByRole('img', { name: 'Elite and role shares' }));
    await expectCount(page.getByRole('button', { name: 'Run the pipeline now' }), 0);
    await visitor.shot('meta-phone-raid');
    await page.getByLabel('Game mode').selectOption('ZERG');
    await expectText(
      page.locator('.meta'),
      /Fewer than 2 players in Zerg yet|Elite and role shares/,
    );
    await visitor.shot('meta-phone');
  });
});
