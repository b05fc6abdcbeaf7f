import { describe, expect, it } from 'vitest';
import { adviseBuild, BuildAdviceInputError, type BuildAdviceInput } from './index.js';

// Guardian specializations: Honor (49), Virtues (46), Firebrand (62), Dragonhunter (27), Zeal (42).
const firebrand = (honorMaster = 0): BuildAdviceInput['specializations'] => [
  { id: 49, traitChoices: [0, honorMaster, 0] },
  { id: 46, traitChoices: [1, 1, 1] },
  { id: 62, traitChoices: [1, 1, 1] },
];

describe('adviseBuild', () => {
  it('lists the WvW roles of a Firebrand and suggests the might trait a zerg party still needs', () => {
    const advice = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'ZERG',
      specializations: firebrand(),
    });
    expect(advice.context).toBe('WVW');
    expect(advice.eliteSpecialization).toEqual({ id: 62, name: 'Firebrand' });
    expect(advice.roles?.map((r) => r.key)).toEqual(['stability-core']);
    expect(advice.servedRequirements.map((s) => s.requirement.capability)).toEqual([
      'STABILITY',
      'CONDITION_CLEANSE',
      'RESISTANCE',
    ]);
    // Indomitable Courage would add stability, which the Firebrand already brings: not suggested.
    expect(advice.traitSuggestions).toEqual([
      {
        specializationId: 49,
        specializationName: 'Honor',
        tier: 2,
        tierName: 'master',
        choice: 3,
        currentChoice: 0,
        traitId: 562,
        traitName: 'Empowering Might',
        boons: ['MIGHT'],
      },
    ]);
    expect(advice.statPrefixes).toMatchObject([
      {
        roleKey: 'stability-core',
        recommendations: [{ key: 'wvw-support', prefixes: ["Minstrel's"] }],
      },
    ]);
    expect(advice.notes).toEqual([]);
  });

  it('counts the boons of the chosen role and of the selected traits as already provided', () => {
    const withoutRole = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'RAID',
      specializations: firebrand(),
    });
    // Without a role the build may play DPS, which shares no boon: Liberator's Vow (quickness)
    // is worth suggesting too.
    expect(withoutRole.traitSuggestions.map((s) => s.traitName)).toEqual([
      'Empowering Might',
      "Liberator's Vow",
    ]);

    const healer = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'RAID',
      specializations: firebrand(),
      roleKey: 'heal-quickness',
    });
    expect(healer.traitSuggestions).toEqual([]);
    expect(healer.statPrefixes.map((s) => s.roleKey)).toEqual(['heal-quickness']);

    const traited = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'RAID',
      specializations: firebrand(3),
    });
    expect(traited.traitBoons).toEqual(['MIGHT']);
    expect(traited.traitSuggestions.map((s) => s.traitName)).toEqual(["Liberator's Vow"]);
    expect(
      traited.servedRequirements.find((s) => s.requirement.capability === 'MIGHT'),
    ).toMatchObject({
      roleKeys: ['heal-quickness'],
      byTraits: true,
    });
  });

  it('recommends stat prefixes for each role the build can fill', () => {
    const advice = adviseBuild({
      professionId: 'guardian',
      gameMode: 'FRACTALS',
      specializations: firebrand(),
    });
    expect(
      advice.statPrefixes.map((s) => [s.roleKey, s.recommendations.map((r) => r.key)]),
    ).toEqual([
      ['quickness-dps', ['pve-boon-dps-power', 'pve-boon-dps-condition']],
      ['heal-quickness', ['pve-heal']],
      ['dps', ['pve-dps-power', 'pve-dps-condition']],
    ]);
  });

  it('keeps roles unknown for core builds and for cells the sources leave out', () => {
    const core = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'RAID',
      specializations: [
        { id: 42, traitChoices: [1, 2, 3] },
        { id: 46, traitChoices: [0, 0, 0] },
      ],
    });
    expect(core.roles).toBeNull();
    expect(core.eliteSpecialization).toBeNull();
    expect(core.statPrefixes).toEqual([]);
    expect(core.notes).toEqual([
      'Roles are only known for elite specializations; this build has none.',
    ]);

    const dragonhunter = adviseBuild({
      professionId: 'Guardian',
      gameMode: 'ZERG',
      specializations: [{ id: 27, traitChoices: [0, 0, 0] }],
    });
    expect(dragonhunter.roles).toBeNull();
    expect(dragonhunter.notes).toEqual(['No public source says what Dragonhunter brings in WvW.']);
  });

  describe('input errors', () => {
    const base = { professionId: 'Guardian', gameMode: 'RAID' } as const;
    const cases: Array<[string, BuildAdviceInput, string, string]> = [
      [
        'an unknown profession',
        { ...base, professionId: 'Paladin', specializations: [] },
        'UNKNOWN_PROFESSION',
        'professionId',
      ],
      [
        'an unknown specialization',
        { ...base, specializations: [{ id: 9999, traitChoices: [0, 0, 0] }] },
        'UNKNOWN_SPECIALIZATION',
        'specializations[0].id',
      ],
      [
        "another profession's specialization",
        { ...base, specializations: [{ id: 40, traitChoices: [0, 0, 0] }] },
        'WRONG_PROFESSION',
        'specializations[0].id',
      ],
      [
        'two elite specializations',
        {
          ...base,
          specializations: [
            { id: 62, traitChoices: [0, 0, 0] },
            { id: 27, traitChoices: [0, 0, 0] },
          ],
        },
        'SEVERAL_ELITES',
        'specializations[1].id',
      ],
      [
        'the same specialization twice',
        {
          ...base,
          specializations: [
            { id: 46, traitChoices: [0, 0, 0] },
            { id: 46, traitChoices: [1, 1, 1] },
          ],
        },
        'DUPLICATE_SPECIALIZATION',
        'specializations[1].id',
      ],
      [
        'four specializations',
        {
          ...base,
          specializations: [42, 46, 49, 62].map((id) => ({ id, traitChoices: [0, 0, 0] })),
        },
        'SPECIALIZATION_COUNT',
        'specializations',
      ],
      [
        'a trait choice of 4',
        { ...base, specializations: [{ id: 46, traitChoices: [0, 4, 0] }] },
        'INVALID_TRAIT_CHOICE',
        'specializations[0].traitChoices[1]',
      ],
      [
        'two trait choices',
        { ...base, specializations: [{ id: 46, traitChoices: [0, 0] }] },
        'INVALID_TRAIT_CHOICE',
        'specializations[0].traitChoices',
      ],
      [
        'a role the elite cannot play',
        { ...base, specializations: firebrand(), roleKey: 'heal-alacrity' },
        'UNKNOWN_ROLE',
        'roleKey',
      ],
    ];
    it.each(cases)('rejects %s', (_name, input, reason, field) => {
      let error: unknown;
      try {
        adviseBuild(input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(BuildAdviceInputError);
      expect(error).toMatchObject({ code: 'INVALID_BUILD_ADVICE_INPUT', reason, field });
    });
  });
});
