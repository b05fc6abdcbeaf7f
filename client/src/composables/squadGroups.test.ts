import { describe, expect, it } from 'vitest';
import { landingPosition, squadGroups } from './squadGroups';

const at = (id: string, subgroup: number, position: number) => ({ id, subgroup, position });

describe('squadGroups', () => {
  it('lays members into five slots per subgroup the size needs', () => {
    const groups = squadGroups(10, [at('a', 1, 2), at('b', 2, 1)]);
    expect(groups.map((group) => group.number)).toEqual([1, 2]);
    expect(groups[0]?.slots.map((slot) => slot.member?.id ?? null)).toEqual([
      null,
      'a',
      null,
      null,
      null,
    ]);
    expect(groups[1]).toMatchObject({ filled: 1, members: [at('b', 2, 1)] });
  });

  it('keeps a subgroup past the size while a member still sits in it', () => {
    expect(squadGroups(5, [at('a', 3, 1)]).map((group) => group.filled)).toEqual([0, 0, 1]);
  });

  it('lands a moved member in the first free slot, or the last when full', () => {
    const [group] = squadGroups(5, [at('a', 1, 1), at('b', 1, 3)]);
    expect(landingPosition(group!)).toBe(2);
    const [full] = squadGroups(
      5,
      [1, 2, 3, 4, 5].map((slot) => at(`m${slot}`, 1, slot)),
    );
    expect(landingPosition(full!)).toBe(5);
  });
});
