import { decodeBuildCode, encodeBuildCode } from '@gw2/game';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import { decodeCursor, encodeCursor } from './build.cursor.js';
import {
  Problems,
  checkMetadata,
  columnsOf,
  decodeChatCode,
  templateFromFields,
} from './build.validation.js';

const SOULBEAST = '[&DQQgPx49Nyp5AHkAAAAAAKUBpQG1ALUALhYAADsRFRsAAAAAAAAAAAAAAAA=]';

function problemsOf(run: (problems: Problems) => unknown): Array<{ field: string }> {
  const problems = new Problems();
  run(problems);
  try {
    problems.throwIfAny();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).extensions.problems as Array<{ field: string }>;
  }
}

describe('templateFromFields', () => {
  it('encodes fields to the template a pasted code of them decodes to', () => {
    const problems = new Problems();
    const template = templateFromFields(
      {
        profession: 'Ranger',
        specializations: [
          { id: 0, traitChoices: [0, 0, 0] },
          { id: 30, traitChoices: [1, 2, 3] },
          { id: 55, traitChoices: [3, 2, 1] },
        ],
        weapons: [90],
      },
      'input',
      problems,
    );
    expect(problems.empty).toBe(true);
    expect(template).toEqual(decodeBuildCode(encodeBuildCode(template!)));
    expect(template?.pets).toEqual({ land: [0, 0], water: [0, 0] });
    // The empty first line is not a stored line; the elite stays in the third slot of the template.
    expect(columnsOf(template!).specializations.map((line) => line.id)).toEqual([30, 55]);
    expect(template?.specializations[2].specializationId).toBe(55);
  });

  it('keeps pets and unchanged fields of a base of the same profession', () => {
    const base = decodeBuildCode(SOULBEAST);
    const problems = new Problems();
    const changed = templateFromFields(
      {
        specializations: [
          { id: base.specializations[0].specializationId, traitChoices: [1, 1, 1] },
        ],
      },
      'input',
      problems,
      base,
    );
    expect(problems.empty).toBe(true);
    expect(changed?.pets).toEqual(base.pets);
    expect(changed?.skills).toEqual(base.skills);
    expect(changed?.specializations[0].traitChoices).toEqual([1, 1, 1]);
    expect(changed?.specializations[1].specializationId).toBe(0);
  });

  it('names every bad field', () => {
    expect(
      problemsOf((problems) =>
        templateFromFields(
          {
            profession: 'Guardian',
            specializations: [
              { id: 62, traitChoices: [1, 1, 1] },
              { id: 5, traitChoices: [0, 7, 0] },
              { id: 0, traitChoices: [1, 0, 0] },
              { id: 16, traitChoices: [0, 0, 0] },
            ],
            skills: { water: { heal: 1, utilities: [1, 2], elite: 1.5 } },
            weapons: [65536],
          },
          'input',
          problems,
        ),
      ).map((problem) => problem.field),
    ).toEqual([
      'input.specializations',
      'input.specializations[0].id',
      'input.specializations[1].id',
      'input.specializations[1].traitChoices[1]',
      'input.specializations[2].traitChoices',
      'input.skills.water.utilities',
      'input.skills.water.elite',
      'input.weapons[0]',
    ]);
  });
});

describe('checkMetadata', () => {
  it('normalises names, modes and stat prefixes', () => {
    const problems = new Problems();
    const checked = checkMetadata(
      { name: '  Hi  ', gameModes: ['ZERG', 'RAID', 'ZERG'], statPrefix: "  viper's ", notes: '' },
      undefined,
      'input',
      problems,
    );
    expect(problems.empty).toBe(true);
    expect(checked).toEqual({
      name: 'Hi',
      gameModes: ['RAID', 'ZERG'],
      statPrefix: "Viper's",
      notes: '',
    });
    expect(
      checkMetadata({ statPrefix: '' }, undefined, 'input', new Problems()).statPrefix,
    ).toBeNull();
  });

  it('measures notes in bytes', () => {
    expect(
      problemsOf((p) => checkMetadata({ notes: 'a'.repeat(10240) }, undefined, 'input', p)),
    ).toEqual([]);
    expect(
      problemsOf((p) => checkMetadata({ notes: '€'.repeat(3414) }, undefined, 'input', p)),
    ).toEqual([expect.objectContaining({ field: 'input.notes' })]);
  });
});

describe('decodeChatCode', () => {
  it('maps codec errors to BAD_USER_INPUT on the given field with the reason', () => {
    expect(() => decodeChatCode('[&AAAA]', 'codes[3]')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          field: 'codes[3]',
          reason: 'WRONG_LINK_TYPE',
        }),
      }),
    );
    expect(() => decodeChatCode(`[&${'A'.repeat(2000)}]`, 'code')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ reason: 'TOO_LONG' }) }),
    );
  });
});

describe('cursors', () => {
  it('round-trip and reject anything else', () => {
    const cursor = {
      createdAt: new Date('2026-11-24T10:00:00.123Z'),
      id: '6f1c2a9e-1b2c-4d3e-8f40-123456789abc',
    };
    expect(decodeCursor(encodeCursor(cursor), 'after')).toEqual(cursor);
    const forged = [
      'not base64 at all!',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["yesterday","6f1c2a9e-1b2c-4d3e-8f40-123456789abc"]').toString('base64url'),
      Buffer.from('["2026-11-24T10:00:00.123Z","1; drop table builds"]').toString('base64url'),
    ];
    for (const value of forged) {
      expect(() => decodeCursor(value, 'after')).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ field: 'after', reason: 'INVALID_CURSOR' }),
        }),
      );
    }
  });
});
