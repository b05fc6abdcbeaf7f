import { getProfession, type Profession } from '../catalog/index.js';
import { encodeBase64 } from './base64.js';
import { ByteWriter } from './bytes.js';
import { BuildCodeError } from './errors.js';
import {
  BUILD_LINK_TYPE,
  PROFESSION_BLOCK_LENGTH,
  RANGER_PET_BYTES,
  REVENANT_LEGEND_BYTES,
  TRAIT_CHOICE_BITS,
} from './layout.js';
import type { BuildTemplate, LegendSlots, TraitLine } from './types.js';
import { checkLegend, checkPet, resolveTraitLine } from './validate.js';

function invalid(message: string): BuildCodeError {
  return new BuildCodeError('INVALID_TEMPLATE', message);
}

function checkProfession(template: BuildTemplate): Profession {
  const profession = getProfession(template.profession.id);
  if (!profession || profession.id !== template.profession.id) {
    throw new BuildCodeError(
      'UNKNOWN_PROFESSION',
      `Unknown profession "${template.profession.id}".`,
    );
  }
  if (profession.code !== template.profession.code) {
    throw invalid(
      `${profession.name} has code ${profession.code}, not ${template.profession.code}.`,
    );
  }
  const hasPets = template.pets !== null;
  const hasLegends = template.legends !== null;
  if (hasPets !== (profession.id === 'Ranger') || hasLegends !== (profession.id === 'Revenant')) {
    throw invalid(
      'Pets belong to Ranger templates and legends to Revenant templates, and only there.',
    );
  }
  if (
    template.format === 'LEGACY_44' &&
    (template.weapons.length > 0 || template.skillOverrides.length > 0)
  ) {
    throw invalid(
      'A LEGACY_44 code has no room for weapons or skill overrides; use the CURRENT format.',
    );
  }
  return profession;
}

function writeTraitLines(
  writer: ByteWriter,
  profession: Profession,
  lines: readonly TraitLine[],
): void {
  const earlierIds: number[] = [];
  lines.forEach((line, slot) => {
    for (const choice of line.traitChoices) {
      if (!Number.isInteger(choice) || choice < 0 || choice > 3) {
        throw invalid(`Trait choices are 0-3, not ${choice}.`);
      }
    }
    writer.u8(line.specializationId, 'specialization id');
    resolveTraitLine(profession, slot, line.specializationId, line.traitChoices, earlierIds);
    if (line.specializationId !== 0) earlierIds.push(line.specializationId);
    const packed = line.traitChoices.reduce<number>(
      (bits, choice, tier) => bits | (choice << (tier * TRAIT_CHOICE_BITS)),
      0,
    );
    writer.u8(packed, 'trait choices');
  });
}

function writeLegendUtilities(writer: ByteWriter, slots: LegendSlots): void {
  for (const id of slots.inactiveUtilities) writer.u16(id, 'inactive legend utility');
}

function writeProfessionBlock(writer: ByteWriter, template: BuildTemplate): void {
  const { pets, legends } = template;
  if (pets) {
    const ids = [...pets.land, ...pets.water];
    ids.forEach((id) => checkPet(id, 'pet'));
    ids.forEach((id) => writer.u8(id, 'pet id'));
    writer.zeros(PROFESSION_BLOCK_LENGTH - RANGER_PET_BYTES);
  } else if (legends) {
    const codes = [
      legends.land.active,
      legends.land.inactive,
      legends.water.active,
      legends.water.inactive,
    ];
    codes.forEach((code) => checkLegend(code, 'legend'));
    codes.forEach((code) => writer.u8(code, 'legend code'));
    writeLegendUtilities(writer, legends.land);
    writeLegendUtilities(writer, legends.water);
    writer.zeros(PROFESSION_BLOCK_LENGTH - REVENANT_LEGEND_BYTES);
  } else {
    writer.zeros(PROFESSION_BLOCK_LENGTH);
  }
}

/**
 * Encodes a build template as a chat link. LEGACY_44 templates produce the 44-byte
 * links of 2019-2023; CURRENT ones append the weapon and skill-override lists.
 * `majorTraitIds` is derived data and is not read.
 * @throws BuildCodeError when the template breaks the rules decode enforces.
 */
export function encodeBuildCode(template: BuildTemplate): string {
  const profession = checkProfession(template);
  const writer = new ByteWriter()
    .u8(BUILD_LINK_TYPE, 'link type')
    .u8(profession.code, 'profession');
  writeTraitLines(writer, profession, template.specializations);
  const { land, water } = template.skills;
  for (const [landId, waterId] of [
    [land.heal, water.heal],
    [land.utilities[0], water.utilities[0]],
    [land.utilities[1], water.utilities[1]],
    [land.utilities[2], water.utilities[2]],
    [land.elite, water.elite],
  ] as const) {
    writer.u16(landId, 'land skill palette id').u16(waterId, 'underwater skill palette id');
  }
  writeProfessionBlock(writer, template);
  if (template.format === 'CURRENT') {
    writer.u8(template.weapons.length, 'weapon count');
    for (const id of template.weapons) writer.u16(id, 'weapon id');
    writer.u8(template.skillOverrides.length, 'skill override count');
    for (const id of template.skillOverrides) writer.u32(id, 'skill override id');
  }
  return `[&${encodeBase64(writer.toBytes())}]`;
}
