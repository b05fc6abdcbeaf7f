import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listLegends,
  listPets,
  listProfessions,
  listSpecializations,
  majorTraitsFor,
  type Profession,
  type Specialization,
} from '../catalog/index.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import {
  BuildCodeError,
  decodeBuildCode,
  encodeBuildCode,
  type BuildCodeFormat,
  type BuildTemplate,
  type TraitChoice,
  type TraitLine,
  type Triple,
} from './index.js';

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const choice = fc.constantFrom<TraitChoice>(0, 1, 2, 3);
const EMPTY_LINE: TraitLine = {
  specializationId: 0,
  traitChoices: [0, 0, 0],
  majorTraitIds: [null, null, null],
};

// Resolved straight from the catalog's tier lists, independently of the codec's own lookup.
function lineArb(spec: Specialization | null): fc.Arbitrary<TraitLine> {
  if (!spec) return fc.constant(EMPTY_LINE);
  const majors = majorTraitsFor(spec)!;
  const tiers = [majors.adept, majors.master, majors.grandmaster];
  return fc.tuple(choice, choice, choice).map((traitChoices) => ({
    specializationId: spec.id,
    traitChoices,
    majorTraitIds: traitChoices.map((c, tier) =>
      c === 0 ? null : tiers[tier]![c - 1]!.id,
    ) as unknown as Triple<number | null>,
  }));
}

/** Valid lines: a profession's own specializations, each once, elites only in the third slot. */
function linesArb(profession: Profession): fc.Arbitrary<Triple<TraitLine>> {
  const cores = listSpecializations({ profession: profession.id, elite: false });
  const all = listSpecializations({ profession: profession.id });
  return fc
    .tuple(
      fc.shuffledSubarray([...cores], { minLength: 2, maxLength: 2 }),
      fc.boolean(),
      fc.boolean(),
      fc.option(fc.constantFrom(...all), { nil: null }),
    )
    .filter(([firstTwo, , , third]) => third === null || !firstTwo.includes(third))
    .chain(([[first, second], keepFirst, keepSecond, third]) =>
      fc.tuple(
        lineArb(keepFirst ? first! : null),
        lineArb(keepSecond ? second! : null),
        lineArb(third),
      ),
    );
}

const skillBarArb = fc.record({ heal: u16, utilities: fc.tuple(u16, u16, u16), elite: u16 });
const petArb = fc.constantFrom(0, ...listPets().map((p) => p.id));
const legendArb = fc.constantFrom(0, ...listLegends().map((l) => l.code));
const legendSlotsArb = fc.record({
  active: legendArb,
  inactive: legendArb,
  inactiveUtilities: fc.tuple(u16, u16, u16),
});

function templateArb(format: BuildCodeFormat): fc.Arbitrary<BuildTemplate> {
  return fc.constantFrom(...listProfessions()).chain((profession) =>
    fc.record({
      format: fc.constant(format),
      profession: fc.constant({ id: profession.id, code: profession.code }),
      specializations: linesArb(profession),
      skills: fc.record({ land: skillBarArb, water: skillBarArb }),
      pets:
        profession.id === 'Ranger'
          ? fc.record({ land: fc.tuple(petArb, petArb), water: fc.tuple(petArb, petArb) })
          : fc.constant(null),
      legends:
        profession.id === 'Revenant'
          ? fc.record({ land: legendSlotsArb, water: legendSlotsArb })
          : fc.constant(null),
      weapons: format === 'CURRENT' ? fc.array(u16, { maxLength: 12 }) : fc.constant([]),
      skillOverrides: format === 'CURRENT' ? fc.array(u32, { maxLength: 12 }) : fc.constant([]),
    }),
  );
}

function byteLength(code: string): number {
  return Buffer.from(code.slice(2, -1), 'base64').length;
}

describe.each(['LEGACY_44', 'CURRENT'] as const)('%s templates', (format) => {
  it('round-trip exactly through encode and decode (10 000 generated templates)', () => {
    fc.assert(
      fc.property(templateArb(format), (template) => {
        const code = encodeBuildCode(template);
        const decoded = decodeBuildCode(code);
        expect(decoded).toEqual(template);
        expect(encodeBuildCode(decoded)).toBe(code);
        const expectedLength =
          format === 'LEGACY_44'
            ? 44
            : 46 + 2 * template.weapons.length + 4 * template.skillOverrides.length;
        expect(byteLength(code)).toBe(expectedLength);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('robustness', () => {
  it('either decodes arbitrary build-link bytes to a template that re-encodes identically, or throws BuildCodeError', () => {
    const profession = fc.integer({ min: 0, max: 10 });
    const linkBytes = fc
      .tuple(profession, fc.uint8Array({ minLength: 0, maxLength: 70 }))
      .map(([code, rest]) => Uint8Array.from([0x0d, code, ...rest]));
    fc.assert(
      fc.property(linkBytes, (bytes) => {
        const code = `[&${Buffer.from(bytes).toString('base64')}]`;
        try {
          expect(encodeBuildCode(decodeBuildCode(code))).toBe(code);
        } catch (error) {
          expect(error).toBeInstanceOf(BuildCodeError);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes and reads Base64 exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(encodeBase64(bytes)).toBe(text);
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('encodes the longest lists a count byte allows', () => {
    const template = decodeBuildCode(
      '[&DQcBHQoZQjojDyMP3RqPAY8B3RppAWkB7RIAAAAAAAAAAAAAAAAAAAAAAAADLwAxAFoAAA==]',
    );
    const longest = {
      ...template,
      weapons: Array(255).fill(90),
      skillOverrides: Array(255).fill(0xffffffff),
    };
    expect(decodeBuildCode(encodeBuildCode(longest))).toEqual(longest);
  });
});
