import { describe, expect, it } from 'vitest';
import { analyzeSynergy, requirementsFor, SynergyInputError, type SynergyInput } from './index.js';

describe('analyzeSynergy', () => {
  it('scores the classic WvW party as complete and names what it shares', () => {
    const result = analyzeSynergy({
      gameMode: 'ZERG',
      entries: [
        { specialization: 'Firebrand' },
        { specialization: 'Scrapper' },
        { specialization: 'Scourge' },
        { specialization: 'Spellbreaker' },
        { specialization: 'Herald' },
      ],
    });
    expect(result.score).toBe(100);
    expect(result.missingRequirements).toEqual([]);
    expect(result.coveredRequirements.map((r) => r.capability)).toEqual(
      requirementsFor('ZERG').map((r) => r.capability),
    );
    expect(result.sharedCapabilities).toEqual([
      'FURY',
      'MIGHT',
      'PROTECTION',
      'STABILITY',
      'CONDITION_CLEANSE',
      'BOON_STRIP',
      'DAMAGE',
    ]);
    expect(result.sharedBoons).toEqual(['FURY', 'MIGHT', 'PROTECTION', 'STABILITY']);
    expect(result.entries.map((e) => e.role?.key)).toEqual([
      'stability-core',
      'heal',
      'dps-strip',
      'dps-strip',
      'stability-partner',
    ]);
    expect(result.summary).toContain('cover 6 of 6 WvW zerg requirements');
  });

  it('picks roles so that two raid specializations cover each other', () => {
    const result = analyzeSynergy({
      gameMode: 'RAID',
      entries: [{ specialization: 62 }, { specialization: 'renegade' }],
    });
    expect(result.score).toBe(100);
    expect(result.entries.map((e) => e.name)).toEqual(['Firebrand', 'Renegade']);
    // Quickness from one, alacrity from the other, and exactly one of them heals.
    expect(result.entries.filter((e) => e.role?.kind === 'HEAL')).toHaveLength(1);
    expect(result.entries.every((e) => e.basis === 'ROLE')).toBe(true);
  });

  it('says what the mode still needs when nothing covers it', () => {
    const result = analyzeSynergy({
      gameMode: 'RAID',
      entries: [{ specialization: 'Dragonhunter' }, { specialization: 'Weaver' }],
    });
    expect(result.score).toBe(0);
    expect(result.coveredRequirements).toEqual([]);
    expect(result.missingRequirements.map((r) => [r.capability, r.have])).toEqual(
      requirementsFor('RAID').map((r) => [r.capability, 0]),
    );
    expect(result.sharedCapabilities).toEqual(['DAMAGE']);
    expect(result.summary).toContain('cover 0 of 5 raid requirements.');
    expect(result.summary).toContain('Still needed: a quickness source, an alacrity source');
  });

  it('credits a profession alone with all roles of its elites, and says so', () => {
    const result = analyzeSynergy({
      gameMode: 'FRACTALS',
      entries: [
        { profession: 'guardian' },
        { specialization: 'Weaver', profession: 'Elementalist' },
      ],
    });
    const [guardian] = result.entries;
    expect(guardian).toMatchObject({
      name: 'Guardian',
      basis: 'PROFESSION_UNION',
      role: null,
      specializationId: null,
    });
    expect(guardian?.provides).toEqual(
      expect.arrayContaining(['QUICKNESS', 'ALACRITY', 'HEALING', 'DAMAGE']),
    );
    expect(guardian?.note).toContain('Firebrand');
    expect(result.summary).toContain('Only the profession was given');
    expect(result.score).toBe(100);
  });

  it('counts nothing for a specialization the sources say nothing about in the context', () => {
    const result = analyzeSynergy({
      gameMode: 'ZERG',
      entries: [{ specialization: 'Dragonhunter' }, { specialization: 'Firebrand' }],
    });
    expect(result.entries[0]).toMatchObject({ basis: 'UNKNOWN', provides: [], role: null });
    expect(result.summary).toContain('No public source says what Dragonhunter brings in WvW');
    expect(result.missingRequirements.map((r) => r.capability)).toEqual([
      'HEALING',
      'BOON_STRIP',
      'MIGHT',
    ]);
  });

  describe('input errors', () => {
    const cases: Array<[string, SynergyInput, string, string]> = [
      [
        'one entry',
        { gameMode: 'RAID', entries: [{ specialization: 'Firebrand' }] },
        'ENTRY_COUNT',
        'entries',
      ],
      [
        'six entries',
        {
          gameMode: 'RAID',
          entries: Array.from({ length: 6 }, () => ({ specialization: 'Firebrand' })),
        },
        'ENTRY_COUNT',
        'entries',
      ],
      [
        'an unknown specialization',
        {
          gameMode: 'RAID',
          entries: [{ specialization: 'Firebrand' }, { specialization: 'Bard' }],
        },
        'UNKNOWN_SPECIALIZATION',
        'entries[1].specialization',
      ],
      [
        'a core specialization',
        {
          gameMode: 'RAID',
          entries: [{ specialization: 'Zeal' }, { specialization: 'Firebrand' }],
        },
        'NOT_ELITE',
        'entries[0].specialization',
      ],
      [
        'an unknown profession',
        { gameMode: 'RAID', entries: [{ profession: 'Paladin' }, { specialization: 'Firebrand' }] },
        'UNKNOWN_PROFESSION',
        'entries[0].profession',
      ],
      [
        'a specialization of another profession',
        {
          gameMode: 'RAID',
          entries: [
            { specialization: 'Firebrand', profession: 'Warrior' },
            { profession: 'Thief' },
          ],
        },
        'PROFESSION_MISMATCH',
        'entries[0].profession',
      ],
      [
        'an empty entry',
        { gameMode: 'RAID', entries: [{}, { specialization: 'Firebrand' }] },
        'EMPTY_ENTRY',
        'entries[0]',
      ],
    ];
    it.each(cases)('rejects %s', (_name, input, reason, field) => {
      let error: unknown;
      try {
        analyzeSynergy(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SynergyInputError);
      expect(error).toMatchObject({ code: 'INVALID_SYNERGY_INPUT', reason, field });
    });
  });
});
