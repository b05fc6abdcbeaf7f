import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import {
  defaultChoices,
  optimizeInputOf,
  type OptimizeChoices,
} from '../composables/optimizeOptions';
import OptimizeOptions from './OptimizeOptions.vue';

describe('OptimizeOptions', () => {
  it('sets balance, fill, priorities, locks and groups kept together', async () => {
    let choices: OptimizeChoices = defaultChoices();
    const wrapper = mount(OptimizeOptions, {
      props: {
        players: [
          { name: 'Anna', subgroup: 1 },
          { name: 'Bert', subgroup: 1 },
        ],
        gameMode: 'ZERG',
        size: 15,
        modelValue: choices,
        'onUpdate:modelValue': (value: OptimizeChoices) => {
          choices = value;
          void wrapper.setProps({ modelValue: value });
        },
      },
    });
    // Closed, the options render nothing but their summary.
    expect(wrapper.find('select').exists()).toBe(false);
    const details = wrapper.get('details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');

    const field = (label: string) =>
      wrapper
        .findAll('label')
        .find((l) => l.text().startsWith(label))!
        .get('select');
    await field('Balance').setValue('0');
    await field('Fill').setValue('2');
    expect(field('A healer').text()).toContain('Default (Essential)');
    await field('A healer').setValue('IGNORE');
    await wrapper.get('[aria-label="Lock Anna to a subgroup"]').setValue('3');
    await wrapper.get('[aria-label="Keep Anna together with"]').setValue('A');
    await wrapper.get('[aria-label="Keep Bert together with"]').setValue('A');

    expect(optimizeInputOf(choices)).toEqual({
      preferences: {
        weights: [{ capability: 'HEALING', weight: 0 }],
        balanceWeight: 0,
        maxSubgroups: 2,
        keepTogether: [['Anna', 'Bert']],
      },
      locked: [{ playerName: 'Anna', subgroup: 3 }],
    });
    // Back to the defaults sends nothing again.
    await field('Balance').setValue('1');
    await field('Fill').setValue('');
    await field('A healer').setValue('');
    await wrapper.get('[aria-label="Lock Anna to a subgroup"]').setValue('');
    await wrapper.get('[aria-label="Keep Anna together with"]').setValue('');
    expect(optimizeInputOf(choices)).toEqual({});
    wrapper.unmount();
  });
});
