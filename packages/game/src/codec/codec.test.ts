import { describe, expect, it } from 'vitest';
import { getLegendByCode, getPet, getSpecialization } from '../catalog/index.js';
import {
  BuildCodeError,
  decodeBuildCode,
  encodeBuildCode,
  type BuildCodeErrorReason,
} from './index.js';
import realCodes from './real-build-codes.json' with { type: 'json' };

// Test inputs are crafted with Node's Buffer: an implementation independent of the codec's own Base64.
function bytesOf(code: string): Buffer {
  return Buffer.from(code.slice(2, -1), 'base64');
}
function codeOf(bytes: Uint8Array): string {
  return `[&${Buffer.from(bytes).toString('base64')}]`;
}
function mutate(code: string, change: (bytes: Buffer) => Buffer | void): string {
  const bytes = bytesOf(code);
  return codeOf(change(bytes) ?? bytes);
}
function codeNamed(name: string): string {
  const entry = realCodes.codes.find((c) => c.name === name);
  if (!entry) throw new Error(`No fixture ${name}`);
  return entry.code;
}

const DRAGONHUNTER = codeNamed('Power Dragonhunter');
const VIRTUOSO = codeNamed('Power Virtuoso');
const SOULBEAST = codeNamed('Power Soulbeast');
const RENEGADE = codeNamed('Power Alac Renegade');

describe('real build codes from public guides', () => {
  it('covers all nine professions', () => {
    const professions = new Set(realCodes.codes.map((c) => decodeBuildCode(c.code).profession.id));
    expect(professions.size).toBe(9);
  });

  for (const fixture of realCodes.codes) {
    it(`decodes ${fixture.name} (${fixture.profession}) and encodes it back identically`, () => {
      const template = decodeBuildCode(fixture.code);
      expect(template.profession.id).toBe(fixture.profession);
      const names = template.specializations.map(
        (line) => getSpecialization(line.specializationId)?.name,
      );
      if (fixture.specializations) expect(names).toEqual(fixture.specializations);
      for (const [specName, traitIds] of Object.entries(fixture.majorTraitIds ?? {})) {
        const line = template.specializations.find(
          (l) => getSpecialization(l.specializationId)?.name === specName,
        );
        expect(line?.majorTraitIds, specName).toEqual(traitIds);
      }
      if (fixture.format) expect(template.format).toBe(fixture.format);
      if (fixture.weapons) expect(template.weapons).toEqual(fixture.weapons);
      if (fixture.skillOverrides) expect(template.skillOverrides).toEqual(fixture.skillOverrides);
      if (fixture.landPets)
        expect(template.pets?.land.map((id) => getPet(id)?.name)).toEqual(fixture.landPets);
      if (fixture.landLegendSwapSkills) {
        const land = template.legends?.land;
        const swaps = [land?.active, land?.inactive].map(
          (code) => getLegendByCode(code ?? 0)?.swap,
        );
        expect(swaps.sort()).toEqual([...fixture.landLegendSwapSkills].sort());
      }
      expect(encodeBuildCode(template)).toBe(fixture.code);
    });
  }

  it('decodes a revenant template into legends and the inactive legends’ utilities', () => {
    const { legends, pets, skills } = decodeBuildCode(RENEGADE);
    expect(pets).toBeNull();
    expect(legends?.land).toEqual({
      active: 5,
      inactive: 2,
      inactiveUtilities: [4614, 4651, 4564],
    });
    expect(legends?.water).toEqual({
      active: 4,
      inactive: 3,
      inactiveUtilities: [4614, 4651, 4564],
    });
    expect(skills.land).toEqual({ heal: 4572, utilities: [4651, 4614, 4564], elite: 4554 });
  });

  it('decodes a ranger template into pets and nothing for legends', () => {
    const { legends, pets } = decodeBuildCode(SOULBEAST);
    expect(legends).toBeNull();
    expect(pets).toEqual({ land: [59, 17], water: [21, 27] });
  });

  it('keeps the legacy and current copies of one build apart', () => {
    const legacy = decodeBuildCode(codeNamed('Weaver (same build, 44-byte legacy copy)'));
    const current = decodeBuildCode(codeNamed('Weaver (46-byte copy)'));
    expect({ ...legacy, format: 'CURRENT' }).toEqual(current);
  });

  it('ignores whitespace around a pasted code', () => {
    expect(decodeBuildCode(`  ${VIRTUOSO}\n`)).toEqual(decodeBuildCode(VIRTUOSO));
  });
});

function expectRejection(run: () => unknown, reason: BuildCodeErrorReason, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BuildCodeError);
  expect((caught as BuildCodeError).reason).toBe(reason);
  expect((caught as BuildCodeError).message).toMatch(message);
}

describe('invalid codes are rejected with their own reason', () => {
  it('MISSING_BRACKETS', () => {
    expectRejection(
      () => decodeBuildCode(VIRTUOSO.slice(2, -1)),
      'MISSING_BRACKETS',
      /wrapped in "\[&" and "\]"/,
    );
    expectRejection(() => decodeBuildCode(VIRTUOSO.slice(0, -1)), 'MISSING_BRACKETS', /wrapped/);
  });

  it('NOT_BASE64', () => {
    expectRejection(
      () => decodeBuildCode('[&DQcB*Q==]'),
      'NOT_BASE64',
      /unexpected character "\*" at position 4/,
    );
    expectRejection(
      () => decodeBuildCode('[&DQcBH]'),
      'NOT_BASE64',
      /length 5 is not a multiple of 4/,
    );
    // "DR==" carries stray bits after its single byte: not what the game writes.
    expectRejection(() => decodeBuildCode('[&DR==]'), 'NOT_BASE64', /bits after the last byte/);
  });

  it('WRONG_LINK_TYPE', () => {
    expectRejection(
      () => decodeBuildCode('[&AgGqtgAA]'),
      'WRONG_LINK_TYPE',
      /type 0x02; build templates have type 0x0d/,
    );
  });

  it('TRUNCATED', () => {
    expectRejection(() => decodeBuildCode('[&]'), 'TRUNCATED', /inside the link type/);
    const short = mutate(DRAGONHUNTER, (b) => b.subarray(0, 30));
    expectRejection(
      () => decodeBuildCode(short),
      'TRUNCATED',
      /at least 44 bytes; this one holds 30/,
    );
    const countOnly = mutate(DRAGONHUNTER, (b) => Buffer.concat([b, Buffer.from([0])]));
    expectRejection(
      () => decodeBuildCode(countOnly),
      'TRUNCATED',
      /inside the skill override count at byte 45/,
    );
    // Virtuoso lists 3 weapons; cut the link inside the second one.
    const cutWeapons = mutate(VIRTUOSO, (b) => b.subarray(0, 48));
    expectRejection(() => decodeBuildCode(cutWeapons), 'TRUNCATED', /weapon 2 of 3/);
    const cutOverrides = mutate(VIRTUOSO, (b) => {
      b[b.length - 1] = 2;
      return Buffer.concat([b, Buffer.from([1, 2, 3, 4, 5])]);
    });
    expectRejection(() => decodeBuildCode(cutOverrides), 'TRUNCATED', /skill override 2 of 2/);
  });

  it('TRAILING_BYTES', () => {
    const extra = mutate(VIRTUOSO, (b) => Buffer.concat([b, Buffer.from([7, 7])]));
    expectRejection(() => decodeBuildCode(extra), 'TRAILING_BYTES', /2 unexpected byte\(s\)/);
  });

  it('UNKNOWN_PROFESSION', () => {
    const code = mutate(DRAGONHUNTER, (b) => void (b[1] = 10));
    expectRejection(
      () => decodeBuildCode(code),
      'UNKNOWN_PROFESSION',
      /Profession code 10 is not one of 1-9/,
    );
  });

  it('UNKNOWN_SPECIALIZATION', () => {
    const code = mutate(DRAGONHUNTER, (b) => void (b[2] = 200));
    expectRejection(
      () => decodeBuildCode(code),
      'UNKNOWN_SPECIALIZATION',
      /first .* unknown specialization id 200/,
    );
  });

  it('SPECIALIZATION_OF_OTHER_PROFESSION', () => {
    const code = mutate(VIRTUOSO, (b) => void (b[4] = 16)); // Radiance into a Mesmer build
    expectRejection(
      () => decodeBuildCode(code),
      'SPECIALIZATION_OF_OTHER_PROFESSION',
      /Radiance is a Guardian specialization and cannot be part of a Mesmer build/,
    );
  });

  it('DUPLICATE_SPECIALIZATION', () => {
    const code = mutate(VIRTUOSO, (b) => void (b[4] = b[2]!));
    expectRejection(
      () => decodeBuildCode(code),
      'DUPLICATE_SPECIALIZATION',
      /Dueling is selected in more than one slot/,
    );
  });

  it('ELITE_NOT_IN_THIRD_SLOT (the game only offers elites in the third slot)', () => {
    const code = mutate(VIRTUOSO, (b) => {
      const first = b.subarray(2, 4).toString('hex');
      b.write(b.subarray(6, 8).toString('hex'), 2, 'hex');
      b.write(first, 6, 'hex');
    });
    expectRejection(
      () => decodeBuildCode(code),
      'ELITE_NOT_IN_THIRD_SLOT',
      /Virtuoso is an elite .* not the first/,
    );
  });

  it('TRAIT_CHOICE_OUT_OF_RANGE', () => {
    const onEmptySlot = mutate(VIRTUOSO, (b) => void (b[4] = 0));
    expectRejection(
      () => decodeBuildCode(onEmptySlot),
      'TRAIT_CHOICE_OUT_OF_RANGE',
      /second specialization slot is empty but has trait choices 1\/2\/1/,
    );
    const highBits = mutate(VIRTUOSO, (b) => void (b[3] = b[3]! | 0x40));
    expectRejection(
      () => decodeBuildCode(highBits),
      'TRAIT_CHOICE_OUT_OF_RANGE',
      /sets bits beyond the three tiers/,
    );
  });

  it('UNKNOWN_PET', () => {
    const code = mutate(SOULBEAST, (b) => void (b[29] = 250));
    expectRejection(
      () => decodeBuildCode(code),
      'UNKNOWN_PET',
      /second land pet is unknown pet id 250/,
    );
  });

  it('UNKNOWN_LEGEND', () => {
    const code = mutate(RENEGADE, (b) => void (b[28] = 14));
    expectRejection(
      () => decodeBuildCode(code),
      'UNKNOWN_LEGEND',
      /active land legend is unknown legend code 14/,
    );
  });

  it('UNEXPECTED_PROFESSION_DATA', () => {
    const guardian = mutate(DRAGONHUNTER, (b) => void (b[30] = 1));
    expectRejection(
      () => decodeBuildCode(guardian),
      'UNEXPECTED_PROFESSION_DATA',
      /Byte 30 .* Guardian build/,
    );
    const ranger = mutate(SOULBEAST, (b) => void (b[40] = 1));
    expectRejection(
      () => decodeBuildCode(ranger),
      'UNEXPECTED_PROFESSION_DATA',
      /Byte 40 .* Ranger build/,
    );
  });

  it('INVALID_TEMPLATE (encode only)', () => {
    const legacy = decodeBuildCode(DRAGONHUNTER);
    expectRejection(
      () => encodeBuildCode({ ...legacy, weapons: [50] }),
      'INVALID_TEMPLATE',
      /LEGACY_44 .* no room/,
    );
    const current = { ...decodeBuildCode(VIRTUOSO) };
    expectRejection(
      () => encodeBuildCode({ ...current, weapons: [70000] }),
      'INVALID_TEMPLATE',
      /weapon id .* 0 to 65535/,
    );
    expectRejection(
      () => encodeBuildCode({ ...current, weapons: Array(256).fill(5) }),
      'INVALID_TEMPLATE',
      /weapon count/,
    );
    expectRejection(
      () => encodeBuildCode({ ...current, pets: { land: [1, 2], water: [0, 0] } }),
      'INVALID_TEMPLATE',
      /Pets belong to Ranger/,
    );
    expectRejection(
      () => encodeBuildCode({ ...current, profession: { id: 'Mesmer', code: 3 } }),
      'INVALID_TEMPLATE',
      /Mesmer has code 7, not 3/,
    );
  });

  it('encode enforces the catalog rules decode enforces', () => {
    const template = decodeBuildCode(VIRTUOSO);
    const [first, second, third] = template.specializations;
    expectRejection(
      () => encodeBuildCode({ ...template, specializations: [third, second, first] }),
      'ELITE_NOT_IN_THIRD_SLOT',
      /Virtuoso/,
    );
  });
});
