import { getProfessionByCode, type Profession } from '../catalog/index.js';
import { decodeBase64 } from './base64.js';
import { ByteReader } from './bytes.js';
import { BuildCodeError } from './errors.js';
import {
  BUILD_LINK_TYPE,
  LEGACY_LENGTH,
  PROFESSION_BLOCK_LENGTH,
  RANGER_PET_BYTES,
  REVENANT_LEGEND_BYTES,
  SLOT_NAMES,
  TRAIT_CHOICE_BITS,
} from './layout.js';
import type {
  BuildTemplate,
  LegendSlots,
  RangerPets,
  RevenantLegends,
  SkillBar,
  TraitChoice,
  TraitLine,
  Triple,
} from './types.js';
import { checkLegend, checkPet, resolveTraitLine } from './validate.js';

/** Strips `[&` and `]`; surrounding whitespace (as pasted from chat) is ignored. */
function unwrap(code: string): string {
  const trimmed = code.trim();
  if (!trimmed.startsWith('[&') || !trimmed.endsWith(']')) {
    throw new BuildCodeError(
      'MISSING_BRACKETS',
      'A build chat code must be wrapped in "[&" and "]".',
    );
  }
  return trimmed.slice(2, -1);
}

function readTraitLines(reader: ByteReader, profession: Profession): Triple<TraitLine> {
  const lines: TraitLine[] = [];
  for (let slot = 0; slot < 3; slot++) {
    const specializationId = reader.u8('specialization id');
    const packed = reader.u8('trait choices');
    if (packed >> (3 * TRAIT_CHOICE_BITS) !== 0) {
      throw new BuildCodeError(
        'TRAIT_CHOICE_OUT_OF_RANGE',
        `The ${SLOT_NAMES[slot]} trait choice byte 0x${packed.toString(16)} sets bits beyond the three tiers.`,
      );
    }
    const choice = (tier: number) => ((packed >> (tier * TRAIT_CHOICE_BITS)) & 3) as TraitChoice;
    const traitChoices: Triple<TraitChoice> = [choice(0), choice(1), choice(2)];
    const earlierIds = lines.map((line) => line.specializationId).filter((id) => id !== 0);
    const majorTraitIds = resolveTraitLine(
      profession,
      slot,
      specializationId,
      traitChoices,
      earlierIds,
    );
    lines.push({ specializationId, traitChoices, majorTraitIds });
  }
  return [lines[0]!, lines[1]!, lines[2]!];
}

function readSkillBars(reader: ByteReader): { land: SkillBar; water: SkillBar } {
  // Land and water ids alternate: heal, heal, utility 1, utility 1, ..., elite, elite.
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) ids.push(reader.u16('skill palette id'));
  const bar = (offset: number): SkillBar => ({
    heal: ids[offset]!,
    utilities: [ids[offset + 2]!, ids[offset + 4]!, ids[offset + 6]!],
    elite: ids[offset + 8]!,
  });
  return { land: bar(0), water: bar(1) };
}

function expectZeros(reader: ByteReader, count: number, profession: Profession): void {
  for (let i = 0; i < count; i++) {
    const position = reader.position;
    if (reader.u8('profession block') !== 0) {
      throw new BuildCodeError(
        'UNEXPECTED_PROFESSION_DATA',
        `Byte ${position} of the profession block must be 0 for a ${profession.name} build.`,
      );
    }
  }
}

function readPets(reader: ByteReader): RangerPets {
  const names = [
    'first land pet',
    'second land pet',
    'first underwater pet',
    'second underwater pet',
  ];
  const ids = names.map((name) => {
    const id = reader.u8(name);
    checkPet(id, name);
    return id;
  });
  return { land: [ids[0]!, ids[1]!], water: [ids[2]!, ids[3]!] };
}

function readLegends(reader: ByteReader): RevenantLegends {
  const names = [
    'active land legend',
    'inactive land legend',
    'active underwater legend',
    'inactive underwater legend',
  ];
  const codes = names.map((name) => {
    const code = reader.u8(name);
    checkLegend(code, name);
    return code;
  });
  const utilities = (): Triple<number> => [
    reader.u16('inactive legend utility'),
    reader.u16('inactive legend utility'),
    reader.u16('inactive legend utility'),
  ];
  const land: LegendSlots = {
    active: codes[0]!,
    inactive: codes[1]!,
    inactiveUtilities: utilities(),
  };
  const water: LegendSlots = {
    active: codes[2]!,
    inactive: codes[3]!,
    inactiveUtilities: utilities(),
  };
  return { land, water };
}

function readList(reader: ByteReader, what: string, read: (field: string) => number): number[] {
  const count = reader.u8(`${what} count`);
  const items: number[] = [];
  for (let i = 0; i < count; i++) items.push(read(`${what} ${i + 1} of ${count}`));
  return items;
}

/**
 * Decodes a build template chat link (`[&DQ...]`) and checks it against the catalog.
 * @throws BuildCodeError with a `reason` saying what is wrong.
 */
export function decodeBuildCode(code: string): BuildTemplate {
  const bytes = decodeBase64(unwrap(code));
  const reader = new ByteReader(bytes);
  const linkType = reader.u8('link type');
  if (linkType !== BUILD_LINK_TYPE) {
    throw new BuildCodeError(
      'WRONG_LINK_TYPE',
      `This chat link has type 0x${linkType.toString(16).padStart(2, '0')}; build templates have type 0x0d.`,
    );
  }
  if (bytes.length < LEGACY_LENGTH) {
    throw new BuildCodeError(
      'TRUNCATED',
      `A build chat code holds at least ${LEGACY_LENGTH} bytes; this one holds ${bytes.length}.`,
    );
  }
  const professionCode = reader.u8('profession');
  const profession = getProfessionByCode(professionCode);
  if (!profession) {
    throw new BuildCodeError(
      'UNKNOWN_PROFESSION',
      `Profession code ${professionCode} is not one of 1-9.`,
    );
  }
  const specializations = readTraitLines(reader, profession);
  const skills = readSkillBars(reader);

  let pets: RangerPets | null = null;
  let legends: RevenantLegends | null = null;
  if (profession.id === 'Ranger') {
    pets = readPets(reader);
    expectZeros(reader, PROFESSION_BLOCK_LENGTH - RANGER_PET_BYTES, profession);
  } else if (profession.id === 'Revenant') {
    legends = readLegends(reader);
    expectZeros(reader, PROFESSION_BLOCK_LENGTH - REVENANT_LEGEND_BYTES, profession);
  } else {
    expectZeros(reader, PROFESSION_BLOCK_LENGTH, profession);
  }

  const legacy = reader.remaining === 0;
  const weapons = legacy ? [] : readList(reader, 'weapon', (field) => reader.u16(field));
  const skillOverrides = legacy
    ? []
    : readList(reader, 'skill override', (field) => reader.u32(field));
  if (reader.remaining > 0) {
    throw new BuildCodeError(
      'TRAILING_BYTES',
      `The chat code has ${reader.remaining} unexpected byte(s) after the skill overrides.`,
    );
  }
  return {
    format: legacy ? 'LEGACY_44' : 'CURRENT',
    profession: { id: profession.id, code: profession.code },
    specializations,
    skills,
    pets,
    legends,
    weapons,
    skillOverrides,
  };
}
