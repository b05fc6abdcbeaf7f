import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../gql';
import { SquadGrid_TeamFragmentDoc } from '../gql/graphql';
import { routerAt, teamData } from '../test-utils/fixtures';
import SquadGrid from './SquadGrid.vue';

async function mountGrid(editable = true) {
  return mount(SquadGrid, {
    props: { team: makeFragmentData(teamData(), SquadGrid_TeamFragmentDoc), editable },
    global: { plugins: [await routerAt('/')] },
    attachTo: document.body,
  });
}

const member = (grid: Awaited<ReturnType<typeof mountGrid>>, id: string) =>
  grid.get(`[data-member-id="${id}"]`);

describe('SquadGrid', () => {
  it('moves a focused member with the arrow keys and removes it with Delete', async () => {
    const grid = await mountGrid();
    await member(grid, 'm2').trigger('keydown', { key: 'ArrowRight' });
    expect(grid.emitted('move')).toEqual([['m2', 2, 1]]);
    // Subgroup 1 is the first: no subgroup 0 to move to.
    await member(grid, 'm1').trigger('keydown', { key: 'ArrowLeft' });
    expect(grid.emitted('move')).toHaveLength(1);
    await member(grid, 'm1').trigger('keydown', { key: 'Delete' });
    expect(grid.emitted('remove')).toEqual([['m1']]);
    grid.unmount();
  });

  it('moves focus between members with the up and down keys, even read-only', async () => {
    const grid = await mountGrid(false);
    (member(grid, 'm1').element as HTMLElement).focus();
    await member(grid, 'm1').trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(member(grid, 'm2').element);
    await member(grid, 'm2').trigger('keydown', { key: 'ArrowRight' });
    expect(grid.emitted('move')).toBeUndefined();
    grid.unmount();
  });

  it("edits a member's player name and the role it plays from its build's options", async () => {
    const grid = await mountGrid();
    await grid.get('button[aria-label="Edit Bert"]').trigger('click');
    const editor = grid.get('form[aria-label="Edit Bert"]');
    const options = editor.findAll('option').map((option) => option.text());
    expect(options).toEqual([
      'As its build shows (Quickness DPS)',
      'Quickness DPS — Alacrity',
      'Heal — Healing',
    ]);
    await editor.get('input').setValue('Bertha');
    await editor.get('select').setValue('heal');
    await editor.trigger('submit');
    expect(grid.emitted('edit')).toEqual([['m2', { playerName: 'Bertha', roleKey: 'heal' }]]);
    expect(grid.find('form[aria-label="Edit Bert"]').exists()).toBe(false);
    grid.unmount();
  });

  it('folds a subgroup to a line of names', async () => {
    const grid = await mountGrid();
    await grid.get('[data-subgroup="1"] .squad-grid__toggle').trigger('click');
    expect(grid.get('[data-subgroup="1"] .squad-grid__folded').text()).toBe('Anna, Bert');
    expect(grid.get('[data-subgroup="1"] .squad-grid__toggle').attributes('aria-expanded')).toBe(
      'false',
    );
    grid.unmount();
  });
});
