import {
  BuildCodeError,
  GAME_MODES,
  GameInputError,
  decodeBuildCode,
  eliteRolesFor,
  encodeBuildCode,
  getProfession,
  getSpecialization,
  listItemStats,
  majorTraitsFor,
  type BuildTemplate,
  type GameMode,
  type SkillBar,
  type TraitChoice,
  type TraitLine,
  type Triple,
} from '@gw2/game';
import { BadUserInputError, type FieldProblem } from '../../platform/graphql/errors.js';
import type { StoredSkills, StoredTraitLine } from './build.entity.js';

export const BUILD_NAME_MAX_LENGTH = 100;
export const NOTES_MAX_BYTES = 10 * 1024;
/** Far above any real code (about 100 characters); stops decoding megabytes of text. */
export const CHAT_CODE_MAX_LENGTH = 1_000;
/** The game offers a handful of weapon sets; the codec allows up to 255. */
export const MAX_WEAPONS = 32;

/** Collects every problem of one input so the caller sees them all at once. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  /** Throws BAD_USER_INPUT naming the first field and listing all problems. */
  throwIfAny(message = 'The build is invalid.'): void {
    const [first] = this.list;
    if (first) throw new BadUserInputError(message, { field: first.field, problems: this.list });
  }
}

/**
 * The pure core's errors become BAD_USER_INPUT: a chat code that does not decode blames
 * the chat-code field and keeps the codec's reason; other game errors name their own field.
 */
export function toUserInputError(error: unknown, chatCodeField: string): unknown {
  if (error instanceof BuildCodeError) {
    return new BadUserInputError(error.message, { field: chatCodeField, reason: error.reason });
  }
  if (error instanceof GameInputError) {
    return new BadUserInputError(error.message, { field: error.field, reason: error.reason });
  }
  return error;
}

/** Decodes a chat code into the canonical template; BAD_USER_INPUT on `field` when it cannot. */
export function decodeChatCode(code: string, field: string): BuildTemplate {
  const trimmed = code.trim();
  if (trimmed.length > CHAT_CODE_MAX_LENGTH) {
    throw new BadUserInputError(`A chat code has at most ${CHAT_CODE_MAX_LENGTH} characters.`, {
      field,
      reason: 'TOO_LONG',
    });
  }
  try {
    return decodeBuildCode(trimmed);
  } catch (error) {
    throw toUserInputError(error, field);
  }
}

export interface TraitLineFields {
  readonly id: number;
  readonly traitChoices: readonly number[];
}

export interface SkillBarFields {
  readonly heal: number;
  readonly utilities: readonly number[];
  readonly elite: number;
}

/** A build described field by field instead of by chat code; absent fields keep the base's. */
export interface TemplateFields {
  readonly profession?: string | null;
  readonly specializations?: readonly TraitLineFields[] | null;
  readonly skills?: {
    readonly land?: SkillBarFields | null;
    readonly water?: SkillBarFields | null;
  } | null;
  readonly weapons?: readonly number[] | null;
}

/** Whether any template field is present (as opposed to only descriptive fields). */
export function hasTemplateFields(fields: TemplateFields): boolean {
  return (
    fields.profession != null ||
    fields.specializations != null ||
    fields.skills != null ||
    fields.weapons != null
  );
}

const EMPTY_BAR: SkillBar = { heal: 0, utilities: [0, 0, 0], elite: 0 };
const EMPTY_LINE: TraitLine = {
  specializationId: 0,
  traitChoices: [0, 0, 0],
  majorTraitIds: [null, null, null],
};

function isUint(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

function skillBar(
  bar: SkillBarFields | null | undefined,
  field: string,
  problems: Problems,
): SkillBar {
  if (!bar) return EMPTY_BAR;
  const check = (value: number, at: string) => {
    if (!isUint(value, 0xffff))
      problems.add(at, 'A skill palette id is an integer from 0 to 65535.');
  };
  check(bar.heal, `${field}.heal`);
  if (bar.utilities.length !== 3)
    problems.add(`${field}.utilities`, 'Give exactly three utility skills (0 for an empty slot).');
  bar.utilities.forEach((id, index) => check(id, `${field}.utilities[${index}]`));
  check(bar.elite, `${field}.elite`);
  const [a = 0, b = 0, c = 0] = bar.utilities;
  return { heal: bar.heal, utilities: [a, b, c], elite: bar.elite };
}

function traitLines(
  professionId: string | undefined,
  lines: readonly TraitLineFields[],
  field: string,
  problems: Problems,
): Triple<TraitLine> {
  if (lines.length > 3) problems.add(field, 'A build has at most three specializations.');
  const result: TraitLine[] = [];
  const seen = new Set<number>();
  lines.slice(0, 3).forEach((line, slot) => {
    const at = `${field}[${slot}]`;
    if (line.id === 0) {
      // An empty slot, as chat codes have them: lets a core build keep its elite in the third line.
      if (line.traitChoices.some((choice) => choice !== 0))
        problems.add(`${at}.traitChoices`, 'An empty line has no trait choices.');
      result.push(EMPTY_LINE);
      return;
    }
    const spec = getSpecialization(line.id);
    if (!spec) {
      problems.add(`${at}.id`, `Unknown specialization ${line.id}.`);
    } else if (professionId && spec.profession !== professionId) {
      problems.add(`${at}.id`, `${spec.name} is a ${spec.profession} specialization.`);
    } else if (seen.has(spec.id)) {
      problems.add(`${at}.id`, `${spec.name} is selected more than once.`);
    } else if (spec.elite && slot !== 2) {
      problems.add(
        `${at}.id`,
        `${spec.name} is an elite specialization: only the third line can hold it.`,
      );
    }
    if (spec) seen.add(spec.id);
    if (line.traitChoices.length !== 3) {
      problems.add(
        `${at}.traitChoices`,
        'Give three trait choices (adept, master, grandmaster), 0 for none.',
      );
    }
    const majors = spec ? majorTraitsFor(spec) : undefined;
    const tiers = majors ? [majors.adept, majors.master, majors.grandmaster] : [];
    line.traitChoices.slice(0, 3).forEach((choice, tier) => {
      const inRange =
        isUint(choice, 3) && (choice === 0 || !spec || (tiers[tier]?.length ?? 0) >= choice);
      if (!inRange)
        problems.add(
          `${at}.traitChoices[${tier}]`,
          'A trait choice is 0 (none) or 1-3 (top to bottom).',
        );
    });
    const [a = 0, b = 0, c = 0] = line.traitChoices as readonly TraitChoice[];
    result.push({
      specializationId: line.id,
      traitChoices: [a, b, c],
      majorTraitIds: [null, null, null],
    });
  });
  while (result.length < 3) result.push(EMPTY_LINE);
  return [result[0] ?? EMPTY_LINE, result[1] ?? EMPTY_LINE, result[2] ?? EMPTY_LINE];
}

/**
 * Checks explicit build fields against the catalog, naming each bad field under `path`
 * (`input.specializations[2].id`), and returns the canonical template: encoded to a chat
 * code and decoded again, exactly what a player pasting that code would store. With a
 * `base` of the same profession, absent fields, pets, legends and skill overrides are kept.
 */
export function templateFromFields(
  fields: TemplateFields,
  path: string,
  problems: Problems,
  base?: BuildTemplate,
): BuildTemplate | undefined {
  const professionName = fields.profession ?? base?.profession.id;
  if (professionName == null) {
    problems.add(`${path}.profession`, 'Give a chat code or a profession.');
    return undefined;
  }
  const profession = getProfession(professionName);
  if (!profession) problems.add(`${path}.profession`, `Unknown profession "${professionName}".`);
  const same = base !== undefined && base.profession.id === profession?.id ? base : undefined;
  const lines =
    fields.specializations ??
    same?.specializations.map((line) => ({
      id: line.specializationId,
      traitChoices: line.traitChoices,
    })) ??
    [];
  const specializations = traitLines(profession?.id, lines, `${path}.specializations`, problems);
  const land = fields.skills?.land
    ? skillBar(fields.skills.land, `${path}.skills.land`, problems)
    : (same?.skills.land ?? EMPTY_BAR);
  const water = fields.skills?.water
    ? skillBar(fields.skills.water, `${path}.skills.water`, problems)
    : (same?.skills.water ?? EMPTY_BAR);
  const weapons = [...(fields.weapons ?? same?.weapons ?? [])];
  if (weapons.length > MAX_WEAPONS)
    problems.add(`${path}.weapons`, `A build has at most ${MAX_WEAPONS} weapons.`);
  weapons.forEach((id, index) => {
    if (!isUint(id, 0xffff))
      problems.add(`${path}.weapons[${index}]`, 'A weapon id is an integer from 0 to 65535.');
  });
  if (!profession || !problems.empty) return undefined;
  const template: BuildTemplate = {
    format: 'CURRENT',
    profession: { id: profession.id, code: profession.code },
    specializations,
    skills: { land, water },
    pets: same ? same.pets : profession.id === 'Ranger' ? { land: [0, 0], water: [0, 0] } : null,
    legends: same
      ? same.legends
      : profession.id === 'Revenant'
        ? {
            land: { active: 0, inactive: 0, inactiveUtilities: [0, 0, 0] },
            water: { active: 0, inactive: 0, inactiveUtilities: [0, 0, 0] },
          }
        : null,
    weapons,
    // Overrides are variants of weapon skills: they stay only while the weapons do.
    skillOverrides: same && fields.weapons == null ? [...same.skillOverrides] : [],
  };
  try {
    return decodeBuildCode(encodeBuildCode(template));
  } catch (error) {
    // The checks above mirror the codec's; this is the backstop for anything they miss.
    const mapped = toUserInputError(error, `${path}.specializations`);
    if (mapped instanceof BadUserInputError) {
      problems.add(`${path}.specializations`, mapped.message);
      return undefined;
    }
    throw error;
  }
}

/** The elite specialization of a template (always the third line), if any. */
export function eliteOf(template: BuildTemplate): number | undefined {
  const third = template.specializations[2].specializationId;
  return third !== 0 && getSpecialization(third)?.elite ? third : undefined;
}

/** Role keys the template's elite offers in either context. */
export function roleKeysFor(template: BuildTemplate): ReadonlySet<string> {
  const elite = eliteOf(template);
  if (elite === undefined) return new Set();
  const roles = eliteRolesFor(elite);
  return new Set([...(roles.pve ?? []), ...(roles.wvw ?? [])].map((option) => option.key));
}

/** Players write "berserker" as often as "Berserker's": match without case or the "'s". */
function prefixKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/['’]s$/, '');
}

const STAT_PREFIXES = new Map(
  listItemStats()
    .filter((stat) => stat.name.trim() !== '')
    .map((stat) => [prefixKey(stat.name), stat.name]),
);

export interface MetadataFields {
  readonly name?: string | null;
  readonly gameModes?: readonly string[] | null;
  readonly roles?: readonly string[] | null;
  readonly statPrefix?: string | null;
  readonly notes?: string | null;
}

export interface CheckedMetadata {
  name?: string;
  gameModes?: GameMode[];
  roles?: string[];
  /** null clears the prefix. */
  statPrefix?: string | null;
  notes?: string;
}

/**
 * Checks the descriptive fields. Only fields present in `fields` are checked and returned
 * (updates send a subset); declared roles must be role options of the template's elite.
 */
export function checkMetadata(
  fields: MetadataFields,
  template: BuildTemplate | undefined,
  path: string,
  problems: Problems,
): CheckedMetadata {
  const checked: CheckedMetadata = {};
  if (fields.name != null) {
    const name = fields.name.trim();
    if (name.length === 0 || name.length > BUILD_NAME_MAX_LENGTH) {
      problems.add(`${path}.name`, `A build name has 1 to ${BUILD_NAME_MAX_LENGTH} characters.`);
    }
    checked.name = name;
  }
  if (fields.gameModes != null) {
    const modes = [...new Set(fields.gameModes)];
    modes.forEach((mode, index) => {
      if (!(GAME_MODES as readonly string[]).includes(mode))
        problems.add(`${path}.gameModes[${index}]`, `Unknown game mode ${mode}.`);
    });
    checked.gameModes = GAME_MODES.filter((mode) => modes.includes(mode));
  }
  if (fields.roles != null) {
    const roles = [...new Set(fields.roles)];
    const known = template ? roleKeysFor(template) : undefined;
    if (known) {
      roles.forEach((role, index) => {
        if (!known.has(role)) {
          problems.add(
            `${path}.roles[${index}]`,
            known.size === 0
              ? 'Roles come from the elite specialization; this build has none.'
              : `The elite specialization has no role "${role}".`,
          );
        }
      });
    }
    checked.roles = roles;
  }
  if (fields.statPrefix !== undefined) {
    const raw = fields.statPrefix?.trim() ?? '';
    const prefix = raw === '' ? null : (STAT_PREFIXES.get(prefixKey(raw)) ?? undefined);
    if (prefix === undefined) problems.add(`${path}.statPrefix`, `Unknown stat prefix "${raw}".`);
    checked.statPrefix = prefix ?? null;
  }
  if (fields.notes != null) {
    if (Buffer.byteLength(fields.notes, 'utf8') > NOTES_MAX_BYTES) {
      problems.add(`${path}.notes`, `Notes have at most ${NOTES_MAX_BYTES / 1024} kB.`);
    }
    checked.notes = fields.notes;
  }
  return checked;
}

/** The columns a template determines (what listings filter and show without decoding). */
export function columnsOf(template: BuildTemplate): {
  profession: string;
  specializations: StoredTraitLine[];
  skills: StoredSkills;
  weapons: number[];
} {
  const bar = (b: SkillBar) => ({ heal: b.heal, utilities: [...b.utilities], elite: b.elite });
  return {
    profession: template.profession.id,
    specializations: template.specializations
      .filter((line) => line.specializationId !== 0)
      .map((line) => ({ id: line.specializationId, traitChoices: [...line.traitChoices] })),
    skills: { land: bar(template.skills.land), water: bar(template.skills.water) },
    weapons: [...template.weapons],
  };
}
