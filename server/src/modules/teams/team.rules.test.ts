import { describe, expect, it } from 'vitest';
import { TeamShareAccess, TeamVisibility } from './team.entity.js';
import {
  canEditTeam,
  canManageTeam,
  canViewTeam,
  emptiestSubgroup,
  placeMember,
  sizeProblem,
  teamAccess,
  type Slot,
} from './team.rules.js';

const slots = (...pairs: Array<[number, number]>): Slot[] =>
  pairs.map(([subgroup, position]) => ({ subgroup, position }));

describe('teamAccess', () => {
  const facts = (visibility: TeamVisibility, share: TeamShareAccess | null = null) => ({
    ownerId: 'owner',
    visibility,
    share,
  });

  it('gives the owner everything, an EDIT share edits, a VIEW share reads', () => {
    expect(teamAccess(facts(TeamVisibility.PRIVATE), 'owner')).toBe('OWNER');
    expect(teamAccess(facts(TeamVisibility.PRIVATE, TeamShareAccess.EDIT), 'u')).toBe('EDITOR');
    expect(teamAccess(facts(TeamVisibility.PRIVATE, TeamShareAccess.VIEW), 'u')).toBe('READER');
    expect(canManageTeam('EDITOR')).toBe(false);
    expect(canEditTeam('EDITOR')).toBe(true);
    expect(canEditTeam('READER')).toBe(false);
  });

  it('lets anyone read public and unlisted teams, nobody else a private one', () => {
    expect(teamAccess(facts(TeamVisibility.PUBLIC), null)).toBe('READER');
    expect(teamAccess(facts(TeamVisibility.UNLISTED), 'u')).toBe('READER');
    expect(teamAccess(facts(TeamVisibility.PRIVATE), null)).toBe('NONE');
    expect(canViewTeam(teamAccess(facts(TeamVisibility.PRIVATE), 'u'))).toBe(false);
  });
});

describe('sizeProblem', () => {
  it('accepts 1 to the maximum of the mode', () => {
    expect(sizeProblem('FRACTALS', 5)).toBeNull();
    expect(sizeProblem('ZERG', 50)).toBeNull();
    expect(sizeProblem('HAVOC', 16)).toMatch(/1 to 15/);
    expect(sizeProblem('RAID', 0)).not.toBeNull();
    expect(sizeProblem('RAID', 2.5)).not.toBeNull();
  });
});

describe('placeMember', () => {
  it('picks the emptiest subgroup (the lowest on a tie) and its first free position', () => {
    expect(emptiestSubgroup(10, [])).toBe(1);
    expect(emptiestSubgroup(10, slots([1, 1]))).toBe(2);
    expect(placeMember(10, slots([1, 1], [2, 1], [1, 3]), {})).toEqual({
      ok: true,
      slot: { subgroup: 2, position: 2 },
    });
  });

  it('refuses a full subgroup, a subgroup the size does not have and a taken position', () => {
    const full = slots([1, 1], [1, 2], [1, 3], [1, 4], [1, 5]);
    expect(placeMember(10, full, { subgroup: 1 })).toMatchObject({
      ok: false,
      reason: 'SUBGROUP_FULL',
    });
    expect(placeMember(10, [], { subgroup: 3 })).toMatchObject({
      ok: false,
      field: 'subgroup',
      reason: 'SUBGROUP_OUT_OF_RANGE',
    });
    expect(placeMember(10, slots([2, 4]), { subgroup: 2, position: 4 })).toMatchObject({
      ok: false,
      field: 'position',
      reason: 'POSITION_TAKEN',
    });
    expect(placeMember(10, [], { position: 6 })).toMatchObject({
      ok: false,
      reason: 'POSITION_OUT_OF_RANGE',
    });
  });
});
