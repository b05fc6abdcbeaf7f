import { describe, expect, it } from 'vitest';
import { registerInApp } from '../support/accounts.js';
import { newUser } from '../support/data.js';
import { expectCount, expectText, expectVisible } from '../support/expect.js';
import { useJourney, type Player } from '../support/journey.js';
import { createTeamInApp, pasteMembers } from '../support/teams.js';

// A commander's evening: six real builds join a WvW team of 15 one after the other (five land in
// subgroup 1), Optimize proposes balanced parties with the supports split and says why, and the
// commander applies the plan.
const journey = useJourney('commander');
const commander = newUser('cmdr');
const ROSTER = [
  ['Fira', 'Heal Firebrand'],
  ['Spell', 'Power Spellbreaker (Snow Crows)'],
  ['Scour', 'Condition Scourge (Snow Crows)'],
  ['Reap', 'Power Reaper (Snow Crows)'],
  ['Bers', 'Power Berserker (Snow Crows)'],
  ['Harb', 'Power Quickness Harbinger (Snow Crows)'],
] as const;
let cmdr: Player;

/** "2/5": how many members a subgroup of the team's squad grid holds. */
const filled = (player: Player, subgroup: number) =>
  player.page.locator(
    `section[aria-labelledby="squad-title"] [data-subgroup="${subgroup}"] .squad-grid__count`,
  );

describe('Optimize → explanation → Apply', () => {
  it('sets up a WvW team of 15 with six real builds', async () => {
    cmdr = await journey.player('cmdr');
    const { page } = cmdr;
    await registerInApp(page, commander);
    await createTeamInApp(page, { name: 'Reset night', gameMode: 'ZERG', size: 15 });
    await pasteMembers(page, ROSTER);
    // New members fill the emptiest subgroup; the commander stacks five of them in subgroup 1,
    // as the issue found the squad, and the Harbinger in subgroup 2.
    await expectText(filled(cmdr, 3), '2/5');
    for (const [player, subgroup] of [
      ['Spell', '1'],
      ['Bers', '1'],
      ['Scour', '1'],
      ['Harb', '2'],
    ] as const) {
      await page.getByLabel(`Move ${player} to subgroup`).selectOption(subgroup);
      await expectText(
        page.locator(`section[aria-labelledby="squad-title"] [data-subgroup="${subgroup}"]`),
        player,
      );
    }
    await expectText(filled(cmdr, 1), '5/5');
    await expectText(filled(cmdr, 2), '1/5');
    await expectText(filled(cmdr, 3), '0/5');
    await cmdr.shot('team-5-1-0');
  });

  it('proposes 2/2/2 with the supports split and explains every move', async () => {
    const { page } = cmdr;
    const optimize = page.getByRole('region', { name: 'Optimize' });
    await optimize.getByText('Options', { exact: true }).click();
    await expectVisible(optimize.getByLabel('Lock Fira to a subgroup'));
    await cmdr.shot('options');
    await optimize.getByRole('button', { name: 'Optimize squad' }).click();

    const why = optimize.getByRole('complementary', { name: 'Why this plan' });
    await expectText(why, '6 members in 3 subgroups of 2/2/2 (before: 5/1/0).');
    await expectText(why.getByTestId('plan-moves'), 'moves from subgroup 1 to');
    await expectText(why, 'Fira: Stability (only one)');
    await expectText(why.getByTestId('plan-uncovered'), /Subgroup 1 has no healer: .*Scrapper/);
    for (const subgroup of [1, 2, 3]) {
      const proposed = optimize.getByRole('region', { name: `Proposed subgroup ${subgroup}` });
      await expectCount(proposed.getByRole('listitem'), 2);
    }
    const supports = await Promise.all(
      ['Fira', 'Spell', 'Scour'].map(async (name) => {
        for (const subgroup of [1, 2, 3]) {
          const proposed = optimize.getByRole('region', { name: `Proposed subgroup ${subgroup}` });
          if ((await proposed.getByText(name, { exact: true }).count()) > 0) return subgroup;
        }
        return 0;
      }),
    );
    expect(new Set(supports).size).toBe(3);
    const full = await cmdr.shot('plan-explained');
    // A close-up of the plan and its explanation, readable at screenshot size.
    await optimize.screenshot({ path: full.replace(/\.png$/, '-panel.png') });
  });

  it('applies the plan to the team', async () => {
    const { page } = cmdr;
    await page.getByRole('button', { name: 'Apply plan' }).click();
    await expectCount(page.getByRole('complementary', { name: 'Why this plan' }), 0);
    for (const subgroup of [1, 2, 3]) await expectText(filled(cmdr, subgroup), '2/5');
    await cmdr.shot('applied');
  });
});
