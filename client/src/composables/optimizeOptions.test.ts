import { describe, expect, it } from 'vitest';
import { defaultChoices, optimizeInputOf } from './optimizeOptions';

describe('optimizeInputOf', () => {
  it('sends nothing for the defaults', () => {
    expect(optimizeInputOf(defaultChoices())).toEqual({});
  });

  it('turns every choice into the optimizeSquad input', () => {
    const input = optimizeInputOf({
      balanceWeight: 0.5,
      maxSubgroups: 2,
      priorities: { HEALING: 'ESSENTIAL', MIGHT: 'IGNORE' },
      locks: { Anna: 2 },
      together: { Anna: 'A', Bert: 'A', Cleo: 'B' },
    });
    expect(input).toEqual({
      preferences: {
        weights: [
          { capability: 'HEALING', weight: 3 },
          { capability: 'MIGHT', weight: 0 },
        ],
        balanceWeight: 0.5,
        maxSubgroups: 2,
        // A group of one keeps nobody together.
        keepTogether: [['Anna', 'Bert']],
      },
      locked: [{ playerName: 'Anna', subgroup: 2 }],
    });
  });
});
