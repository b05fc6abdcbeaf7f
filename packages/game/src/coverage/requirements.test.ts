import { describe, expect, it } from 'vitest';
import { GAME_MODES, isCapability, type Capability, type GameMode } from '../model.js';
import { findRoleOption } from '../roles/index.js';
import { suggestionPoolFor } from '../optimizer/index.js';
import { modeRequirementsFor, requirementsDataInfo, requirementsFor } from './index.js';

const required = (mode: GameMode, scope: 'SUBGROUP' | 'SQUAD'): Capability[] =>
  requirementsFor(mode)
    .filter((r) => r.scope === scope)
    .map((r) => r.capability);

describe('mode requirements', () => {
  it('gives every mode valid, sourced requirements', () => {
    const sourceIds = new Set(requirementsDataInfo.sources.map((s) => s.id));
    for (const mode of GAME_MODES) {
      const entry = modeRequirementsFor(mode);
      expect(entry.requirements.length, mode).toBeGreaterThan(0);
      expect(entry.label).not.toBe('');
      expect(entry.basis).toContain('ROLES.md');
      expect(entry.sources.every((s) => sourceIds.has(s))).toBe(true);
      for (const r of entry.requirements) {
        expect(isCapability(r.capability)).toBe(true);
        expect(Number.isInteger(r.minSources) && r.minSources >= 1).toBe(true);
        expect(r.weight).toBeGreaterThan(0);
      }
    }
    expect(requirementsDataInfo.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('asks each zerg party for stability, healing, cleanses and boon strips', () => {
    expect(required('ZERG', 'SUBGROUP')).toEqual(
      expect.arrayContaining(['STABILITY', 'HEALING', 'CONDITION_CLEANSE', 'BOON_STRIP']),
    );
  });

  it('asks each raid and strike subgroup for quickness, alacrity, a healer, might and fury', () => {
    for (const mode of ['RAID', 'STRIKES'] as const) {
      expect(required(mode, 'SUBGROUP').sort()).toEqual(
        ['ALACRITY', 'FURY', 'HEALING', 'MIGHT', 'QUICKNESS'].sort(),
      );
    }
  });

  it('asks a fractal group for quickness, alacrity and a healer', () => {
    expect(required('FRACTALS', 'SUBGROUP')).toEqual(
      expect.arrayContaining(['QUICKNESS', 'ALACRITY', 'HEALING']),
    );
  });

  it('keeps havoc and roaming light and squad-wide', () => {
    expect(required('HAVOC', 'SUBGROUP')).toEqual([]);
    expect(required('ROAMING', 'SUBGROUP')).toEqual([]);
    expect(required('ROAMING', 'SQUAD')).toEqual(['DAMAGE']);
  });

  it('fields the WvW guide’s party: its template covers every requirement of a zerg party', () => {
    const template = modeRequirementsFor('ZERG').partyTemplate;
    expect(template?.sources).toEqual(['tyrian-misfits-wvw']);
    const guide = requirementsDataInfo.sources.find((s) => s.id === 'tyrian-misfits-wvw');
    expect(guide?.name).toMatch(/basics\.md @ [0-9a-f]{40}/);
    expect(template?.slots.map((slot) => slot.elite)).toEqual([
      'Firebrand',
      'Scrapper',
      'Scourge',
      null,
      null,
    ]);
    // A party is stability + heal + cleanse + strip + damage: the named roles bring all five.
    const brought = new Set(
      (template?.slots ?? []).flatMap((slot) =>
        slot.elite && slot.roleKey ? findRoleOption(slot.elite, 'WVW', slot.roleKey).provides : [],
      ),
    );
    const party: Capability[] = [
      'STABILITY',
      'HEALING',
      'CONDITION_CLEANSE',
      'BOON_STRIP',
      'DAMAGE',
    ];
    for (const capability of party) expect(brought.has(capability), capability).toBe(true);
    for (const mode of GAME_MODES.filter((m) => m !== 'ZERG')) {
      expect(modeRequirementsFor(mode).partyTemplate, mode).toBeNull();
    }
  });

  it('names the template’s roles first among the suggestions for a gap', () => {
    expect(
      suggestionPoolFor('ZERG')
        .slice(0, 3)
        .map((option) => option.buildId),
    ).toEqual(['Firebrand/stability-core', 'Scrapper/heal', 'Scourge/dps-strip']);
    expect(suggestionPoolFor('RAID').map((o) => o.buildId)).toEqual(
      expect.arrayContaining(['Firebrand/heal-quickness']),
    );
  });

  it('is frozen', () => {
    expect(Object.isFrozen(requirementsFor('RAID'))).toBe(true);
    expect(Object.isFrozen(requirementsFor('RAID')[0])).toBe(true);
  });
});
