import { describe, expect, it } from 'vitest';
import specializations from '../data/specializations.json' with { type: 'json' };
import { isCapability } from '../model.js';
import {
  findRoleOption,
  listEliteRoles,
  listRoleOptions,
  RoleLookupError,
  rolesDataInfo,
  rolesFor,
} from './index.js';

const eliteSpecs = specializations.filter((s) => s.elite);

describe('roles data', () => {
  it('covers every elite specialization in PvE with matching ids and professions', () => {
    expect(eliteSpecs).toHaveLength(36);
    const byName = new Map(listEliteRoles().map((e) => [e.name, e]));
    for (const spec of eliteSpecs) {
      const roles = byName.get(spec.name);
      expect(roles, spec.name).toBeDefined();
      expect(roles?.specializationId).toBe(spec.id);
      expect(roles?.profession).toBe(spec.profession);
      expect(roles?.pve?.length, spec.name).toBeGreaterThan(0);
    }
    expect(byName.size).toBe(eliteSpecs.length);
  });

  it('uses only known capabilities and declared sources', () => {
    const sourceIds = new Set(rolesDataInfo.sources.map((s) => s.id));
    for (const { elite, option } of listRoleOptions()) {
      expect(option.provides.length, `${elite} ${option.key}`).toBeGreaterThan(0);
      for (const capability of option.provides) expect(isCapability(capability)).toBe(true);
      for (const source of option.sources) expect(sourceIds.has(source)).toBe(true);
    }
  });

  it('carries a version', () => {
    expect(rolesDataInfo.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(rolesDataInfo.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives elites that play several roles one option per role', () => {
    expect(rolesFor('Chronomancer', 'PVE')?.map((o) => o.key)).toEqual(
      expect.arrayContaining(['quickness-dps', 'alacrity-dps']),
    );
    expect(rolesFor('Evoker', 'PVE')?.map((o) => o.key)).toEqual([
      'quickness-dps',
      'alacrity-dps',
      'heal-alacrity',
    ]);
    expect(rolesFor(62, 'PVE')?.map((o) => o.key)).toEqual([
      'quickness-dps',
      'heal-quickness',
      'dps',
    ]);
  });

  it('gives PvE healers the boons ROLES.md lists for them', () => {
    const heal = findRoleOption('Herald', 'PVE', 'heal-quickness');
    expect(heal.kind).toBe('HEAL');
    expect([...heal.provides].sort()).toEqual(
      ['FURY', 'HEALING', 'MIGHT', 'PROTECTION', 'QUICKNESS', 'REGENERATION', 'SWIFTNESS'].sort(),
    );
  });

  it('keeps WvW cells that ROLES.md leaves out unknown rather than empty', () => {
    expect(rolesFor('Dragonhunter', 'WVW')).toBeNull();
    expect(rolesFor('Firebrand', 'WVW')?.[0]?.provides).toEqual(
      expect.arrayContaining([
        'STABILITY',
        'AEGIS',
        'PROTECTION',
        'RESISTANCE',
        'CONDITION_CLEANSE',
      ]),
    );
    const wvwElites = listEliteRoles()
      .filter((e) => e.wvw !== null)
      .map((e) => e.name);
    expect(wvwElites.sort()).toEqual(
      [
        'Berserker',
        'Chronomancer',
        'Deadeye',
        'Druid',
        'Firebrand',
        'Harbinger',
        'Herald',
        'Holosmith',
        'Mirage',
        'Reaper',
        'Scourge',
        'Scrapper',
        'Spellbreaker',
        'Tempest',
        'Willbender',
      ].sort(),
    );
  });

  it('looks elites up by name ignoring case, or by id', () => {
    expect(rolesFor(' firebrand ', 'PVE')).toBe(rolesFor(62, 'PVE'));
  });

  it('rejects unknown and core specializations and unknown roles with typed errors', () => {
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      throw new Error('expected an error');
    };
    const unknown = attempt(() => rolesFor('Necromantic Bard', 'PVE'));
    expect(unknown).toBeInstanceOf(RoleLookupError);
    expect(unknown).toMatchObject({ code: 'ROLE_LOOKUP', reason: 'UNKNOWN_SPECIALIZATION' });
    expect(attempt(() => rolesFor('Dueling', 'PVE'))).toMatchObject({ reason: 'NOT_ELITE' });
    expect(attempt(() => findRoleOption('Firebrand', 'WVW', 'heal-quickness'))).toMatchObject({
      reason: 'UNKNOWN_ROLE',
      field: 'roleKey',
    });
  });

  it('is frozen', () => {
    const firebrand = rolesFor('Firebrand', 'PVE');
    expect(Object.isFrozen(firebrand)).toBe(true);
    expect(Object.isFrozen(firebrand?.[0]?.provides)).toBe(true);
  });
});
