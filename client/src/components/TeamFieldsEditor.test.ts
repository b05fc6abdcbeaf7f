import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { TeamFields } from '../utils/teamFields';
import TeamFieldsEditor from './TeamFieldsEditor.vue';

function mountEditor(start: TeamFields, showVisibility?: boolean) {
  const state = { fields: start };
  const wrapper = mount(TeamFieldsEditor, {
    props: {
      modelValue: start,
      ...(showVisibility === undefined ? {} : { showVisibility }),
      'onUpdate:modelValue': (value: TeamFields) => {
        state.fields = value;
        void wrapper.setProps({ modelValue: value });
      },
    },
  });
  const field = (label: string) =>
    wrapper
      .findAll('label')
      .find((l) => l.text().startsWith(label))!
      .get('input, select');
  return { wrapper, state, field };
}

const raid: TeamFields = { name: 'Raid night', gameMode: 'RAID', size: 10, visibility: 'PRIVATE' };

describe('TeamFieldsEditor', () => {
  it('labels the fields as both forms show them, with the mode’s limits', () => {
    const { wrapper, field } = mountEditor(raid);
    const labels = wrapper.findAll('label').map((l) => l.element.firstChild?.textContent?.trim());
    expect(labels).toEqual(['Team name', 'Game mode', 'Size', 'Visibility']);
    expect(field('Team name').attributes()).toMatchObject({ maxlength: '100' });
    expect(field('Size').attributes()).toMatchObject({ min: '1', max: '10' });
  });

  it('edits every field through v-model', async () => {
    const { state, field } = mountEditor(raid);
    await field('Team name').setValue('Strike practice');
    await field('Size').setValue('7');
    await field('Visibility').setValue('UNLISTED');
    expect(state.fields).toEqual({
      name: 'Strike practice',
      gameMode: 'RAID',
      size: 7,
      visibility: 'UNLISTED',
    });
  });

  it('a full squad follows the new mode; a chosen size is kept within its maximum', async () => {
    const { state, field } = mountEditor(raid);
    await field('Game mode').setValue('ZERG');
    expect(state.fields.size).toBe(50);
    expect(field('Size').attributes('max')).toBe('50');
    await field('Size').setValue('12');
    await field('Game mode').setValue('FRACTALS');
    expect(state.fields).toMatchObject({ gameMode: 'FRACTALS', size: 5 });
  });

  it('leaves visibility out when the viewer may not change it', () => {
    const { wrapper } = mountEditor(raid, false);
    expect(wrapper.text()).not.toContain('Visibility');
    expect(wrapper.findAll('select')).toHaveLength(1);
  });
});
