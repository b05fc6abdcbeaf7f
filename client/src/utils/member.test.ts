import { describe, expect, it } from 'vitest';
import { memberContribution } from './member';

describe('memberContribution', () => {
  it('does not repeat what the role says: a WvW Berserker plays Damage once', () => {
    expect(memberContribution('Damage', ['DAMAGE'])).toEqual({ boons: [], support: [] });
    expect(memberContribution('Banner DPS', ['MIGHT', 'FURY', 'DAMAGE'])).toEqual({
      boons: ['Might', 'Fury'],
      support: [],
    });
  });

  it('keeps support the role does not name, and boons apart from it', () => {
    expect(
      memberContribution('Heal quickness', ['HEALING', 'QUICKNESS', 'CONDITION_CLEANSE']),
    ).toEqual({ boons: ['Quickness'], support: ['Healing', 'Condition cleanse'] });
  });

  it('shows everything when no role is known', () => {
    expect(memberContribution(null, ['STABILITY', 'DAMAGE'])).toEqual({
      boons: ['Stability'],
      support: ['Damage'],
    });
  });
});
