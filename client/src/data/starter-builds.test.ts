import realBuildCodes from '@gw2/game/real-build-codes.json';
import { describe, expect, it } from 'vitest';
import { describeSource, roleLabel, starterBuilds } from './starter-builds';

describe('starter builds', () => {
  it('offers every sourced code with a role once, decoded, with its source', () => {
    const starters = starterBuilds();
    const withRole = realBuildCodes.codes.filter((entry) => entry.pveRole);
    const copies = withRole.filter((entry) => entry.name.endsWith('copy)'));
    expect(copies.length).toBeGreaterThan(0);
    expect(starters).toHaveLength(withRole.length - copies.length);
    expect(new Set(starters.map((starter) => starter.chatCode)).size).toBe(starters.length);

    const firebrand = starters.find((starter) => starter.name === 'Heal Firebrand');
    expect(firebrand).toMatchObject({
      profession: { name: 'Guardian' },
      elite: { name: 'Firebrand' },
      role: 'heal-quickness',
      roleLabel: 'Heal quickness',
    });
    expect(firebrand?.source.full).toBe(
      realBuildCodes.codes.find((entry) => entry.name === 'Heal Firebrand')?.source,
    );
    expect(starters.find((starter) => starter.name === 'Power Tempest')?.source).toMatchObject({
      label: 'Snow Crows',
      url: 'https://snowcrows.com/builds/raids/elementalist/power-tempest',
    });
  });

  it('writes role keys and sources for players', () => {
    expect(roleLabel('alacrity-dps')).toBe('Alacrity DPS');
    expect(roleLabel('dps')).toBe('DPS');
    expect(describeSource('discretize/discretize-guides builds/x/index.md @ abc')).toEqual({
      label: 'discretize/discretize-guides',
      url: null,
      full: 'discretize/discretize-guides builds/x/index.md @ abc',
    });
  });
});
