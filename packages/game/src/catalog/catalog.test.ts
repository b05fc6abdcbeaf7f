import { describe, expect, it } from 'vitest';
import { BOONS } from '../model.js';
import {
  PROFESSION_IDS,
  getItemStat,
  getLegend,
  getLegendByCode,
  getPet,
  getProfession,
  getProfessionByCode,
  getSpecialization,
  getTrait,
  listItemStats,
  listLegends,
  listPets,
  listProfessions,
  listSpecializations,
  listTraits,
  majorTraitsFor,
  minorTraitsFor,
} from './index.js';

describe('professions', () => {
  it('lists the nine professions with chat-link codes 1-9', () => {
    const professions = listProfessions();
    expect(professions.map((p) => p.id)).toEqual([...PROFESSION_IDS]);
    expect(professions.map((p) => p.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of professions) expect(p.specializationIds).toHaveLength(9);
  });

  it('finds a profession by id, by name ignoring case, and by code', () => {
    expect(getProfession('Necromancer')?.code).toBe(8);
    expect(getProfession('  necromancer ')?.id).toBe('Necromancer');
    expect(getProfessionByCode(9)?.id).toBe('Revenant');
    expect(getProfession('Paragon')).toBeUndefined();
    expect(getProfessionByCode(0)).toBeUndefined();
    expect(getProfessionByCode(10)).toBeUndefined();
  });

  it('knows which elite specialization unlocks a weapon', () => {
    const guardian = getProfession('Guardian');
    expect(guardian?.weapons['Longbow']).toEqual({ flags: ['TwoHand'], specializationId: 27 });
    expect(getSpecialization(27)?.name).toBe('Dragonhunter');
    expect(guardian?.weapons['Greatsword']?.specializationId).toBeNull();
  });
});

describe('specializations', () => {
  it('has 81 specializations: 5 core and 4 elite per profession', () => {
    expect(listSpecializations()).toHaveLength(81);
    for (const profession of PROFESSION_IDS) {
      expect(listSpecializations({ profession, elite: false })).toHaveLength(5);
      expect(listSpecializations({ profession, elite: true })).toHaveLength(4);
      const ids = listSpecializations({ profession }).map((s) => s.id);
      expect([...ids].sort()).toEqual(
        [...(getProfession(profession)?.specializationIds ?? [])].sort(),
      );
    }
  });

  it('has 36 elite specializations including the nine of 2025', () => {
    const elites = listSpecializations({ elite: true });
    expect(elites).toHaveLength(36);
    const expected2025 = {
      Luminary: 'Guardian',
      Paragon: 'Warrior',
      Amalgam: 'Engineer',
      Galeshot: 'Ranger',
      Antiquary: 'Thief',
      Evoker: 'Elementalist',
      Troubadour: 'Mesmer',
      Ritualist: 'Necromancer',
      Conduit: 'Revenant',
    };
    for (const [name, profession] of Object.entries(expected2025)) {
      const spec = getSpecialization(name);
      expect(spec, name).toMatchObject({ name, profession, elite: true });
      expect(elites).toContain(spec);
    }
  });

  it('finds a specialization by id or by name ignoring case', () => {
    expect(getSpecialization(56)?.name).toBe('Weaver');
    expect(getSpecialization('weaver')?.id).toBe(56);
    expect(getSpecialization(0)).toBeUndefined();
    expect(getSpecialization('Nope')).toBeUndefined();
  });

  it('lists traits that all belong to the specialization, three minors and nine majors', () => {
    for (const spec of listSpecializations()) {
      const majors = majorTraitsFor(spec);
      const minors = minorTraitsFor(spec.id);
      expect(minors?.map((t) => [t.slot, t.tier, t.specializationId])).toEqual([
        ['Minor', 1, spec.id],
        ['Minor', 2, spec.id],
        ['Minor', 3, spec.id],
      ]);
      const tiers = [majors?.adept, majors?.master, majors?.grandmaster];
      tiers.forEach((tier, index) => {
        expect(tier).toHaveLength(3);
        for (const trait of tier ?? []) {
          expect(trait).toMatchObject({
            slot: 'Major',
            tier: index + 1,
            specializationId: spec.id,
          });
        }
      });
    }
  });

  it('returns undefined for the traits of an unknown specialization', () => {
    expect(majorTraitsFor(12345)).toBeUndefined();
    expect(minorTraitsFor(12345)).toBeUndefined();
  });
});

describe('traits', () => {
  it('finds a trait by id with its boon grants as BOONS ids', () => {
    expect(getTrait(214)).toMatchObject({
      name: 'Raging Storm',
      tier: 2,
      slot: 'Major',
      specializationId: 41,
      grants: [{ boon: 'FURY', duration: 4, stacks: 1 }],
      targets: 5,
    });
    expect(getTrait(-1)).toBeUndefined();
  });

  it('keeps unknown target counts unknown and missing grants empty', () => {
    const withoutFacts = listTraits().find((t) => t.grants.length === 0 && t.targets === null);
    expect(withoutFacts).toBeDefined();
  });

  it('speaks only in the shared boon vocabulary', () => {
    const boons = new Set(listTraits().flatMap((t) => t.grants.map((g) => g.boon)));
    for (const boon of boons) expect(BOONS).toContain(boon);
    expect(boons.size).toBe(BOONS.length);
  });

  it('places every trait in an existing specialization', () => {
    for (const trait of listTraits())
      expect(getSpecialization(trait.specializationId)).toBeDefined();
  });
});

describe('legends, pets and stats', () => {
  it('maps revenant legend bytes to legends', () => {
    expect(listLegends().map((l) => l.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(getLegendByCode(8)).toMatchObject({ id: 'Legend8', specializationId: 79 });
    expect(getSpecialization(79)?.name).toBe('Conduit');
    expect(getLegend('Legend2')?.specializationId).toBeNull();
    expect(getLegendByCode(0)).toBeUndefined();
  });

  it('finds pets by id', () => {
    expect(listPets().length).toBeGreaterThan(60);
    expect(getPet(59)?.name).toBe('Juvenile Rock Gazelle');
    expect(getPet(0)).toBeUndefined();
  });

  it('finds stat prefixes by id', () => {
    expect(listItemStats().length).toBe(178);
    expect(getItemStat(137)).toEqual({
      id: 137,
      name: 'Mighty',
      attributes: [{ attribute: 'Power', multiplier: 0.35, value: 0 }],
    });
  });
});

describe('immutability', () => {
  it('throws when anything in the catalog is mutated', () => {
    const guardian = getProfession('Guardian');
    const weaver = getSpecialization('Weaver');
    const trait = getTrait(214);
    expect(() => ((guardian as { name: string }).name = 'Paladin')).toThrow(TypeError);
    expect(() => (guardian?.specializationIds as number[]).push(1)).toThrow(TypeError);
    expect(() => ((weaver as { elite: boolean }).elite = false)).toThrow(TypeError);
    expect(() => ((trait?.grants[0] as { stacks: number }).stacks = 25)).toThrow(TypeError);
    expect(() => (listProfessions() as unknown[]).pop()).toThrow(TypeError);
    expect(() => ((majorTraitsFor(56)?.adept as unknown[]).length = 0)).toThrow(TypeError);
    expect(() => ((getItemStat(137)?.attributes[0] as { value: number }).value = 9)).toThrow(
      TypeError,
    );
    expect(getProfession('Guardian')?.name).toBe('Guardian');
  });
});
