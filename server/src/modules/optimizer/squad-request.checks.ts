/**
 * The limits and preferences of an `optimizeSquad` request, checked before anything is
 * decoded, loaded or solved; each refusal is BAD_USER_INPUT naming its input path.
 */
import {
  GAME_MODE_MAX_SIZE,
  getProfession,
  getSpecialization,
  subgroupCount,
  type Capability,
} from '@gw2/game';
import {
  MAX_OPTIONS_PER_PLAYER,
  MAX_PLAYERS,
  MAX_WEIGHT,
  type OptimizerPreferences,
} from '@gw2/game/optimizer';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import { SquadPool, type OptimizeSquadInput } from './optimizer.inputs.js';

export const MIN_TIME_LIMIT_MS = 100;
export const MAX_TIME_LIMIT_MS = 10_000;
export const DEFAULT_TIME_LIMIT_MS = 2_000;
export const MAX_PLAYER_NAME_LENGTH = 64;

export function refuse(message: string, field: string, reason: string): never {
  throw new BadUserInputError(message, { field, reason });
}

/** The limits of the issue, checked before anything is decoded, loaded or solved. */
export function checkLimits(input: OptimizeSquadInput): void {
  const max = GAME_MODE_MAX_SIZE[input.gameMode];
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > max) {
    refuse(
      `Squad size must be from 1 to ${max} for ${input.gameMode}.`,
      'input.size',
      'SIZE_OUT_OF_RANGE',
    );
  }
  const timeLimit = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  if (timeLimit < MIN_TIME_LIMIT_MS || timeLimit > MAX_TIME_LIMIT_MS) {
    refuse(
      `The time limit must be from ${MIN_TIME_LIMIT_MS} to ${MAX_TIME_LIMIT_MS} ms.`,
      'input.timeLimitMs',
      'TIME_LIMIT_OUT_OF_RANGE',
    );
  }
  const roster = input.roster ?? [];
  if (input.pool === SquadPool.META && roster.length > 0) {
    refuse(
      'A META pool takes no roster; use pool ROSTER.',
      'input.roster',
      'ROSTER_WITH_META_POOL',
    );
  }
  if (input.pool === SquadPool.ROSTER && roster.length === 0) {
    refuse('A ROSTER pool needs at least one player.', 'input.roster', 'EMPTY_ROSTER');
  }
  if (roster.length > MAX_PLAYERS) {
    refuse(`A roster may list at most ${MAX_PLAYERS} players.`, 'input.roster', 'TOO_MANY_PLAYERS');
  }
  const names = new Set<string>();
  roster.forEach((player, index) => {
    const at = `input.roster[${index}]`;
    const name = player.playerName.trim();
    if (name === '' || name.length > MAX_PLAYER_NAME_LENGTH) {
      refuse(
        `A player name has 1 to ${MAX_PLAYER_NAME_LENGTH} characters.`,
        `${at}.playerName`,
        'INVALID_PLAYER_NAME',
      );
    }
    if (names.has(name.toLowerCase())) {
      refuse(`Player ${name} is listed twice.`, `${at}.playerName`, 'DUPLICATE_PLAYER');
    }
    names.add(name.toLowerCase());
    if (player.roleKey != null && (player.roleKey === '' || player.roleKey.length > 64)) {
      refuse('A role key has 1 to 64 characters.', `${at}.roleKey`, 'INVALID_ROLE_KEY');
    }
    const buildIds = player.buildIds ?? [];
    const chatCodes = player.chatCodes ?? [];
    const count = buildIds.length + chatCodes.length;
    if (count === 0) {
      refuse(`Player ${name} has no build to play.`, at, 'PLAYER_WITHOUT_OPTIONS');
    }
    if (count > MAX_OPTIONS_PER_PLAYER) {
      refuse(
        `Player ${name} lists ${count} builds; at most ${MAX_OPTIONS_PER_PLAYER}.`,
        at,
        'TOO_MANY_OPTIONS',
      );
    }
    const duplicateId = buildIds.findIndex((id, i) => buildIds.indexOf(id) !== i);
    if (duplicateId >= 0) {
      refuse(
        `Player ${name} lists a build twice.`,
        `${at}.buildIds[${duplicateId}]`,
        'DUPLICATE_OPTION',
      );
    }
    const codes = chatCodes.map((code) => code.trim());
    const duplicateCode = codes.findIndex((code, i) => codes.indexOf(code) !== i);
    if (duplicateCode >= 0) {
      refuse(
        `Player ${name} lists a chat code twice.`,
        `${at}.chatCodes[${duplicateCode}]`,
        'DUPLICATE_OPTION',
      );
    }
  });
  const groups = subgroupCount(input.size);
  (input.locked ?? []).forEach((lock, index) => {
    if (!Number.isInteger(lock.subgroup) || lock.subgroup < 1 || lock.subgroup > groups) {
      refuse(
        `Subgroup ${lock.subgroup} is not between 1 and ${groups}.`,
        `input.locked[${index}].subgroup`,
        'LOCK_SUBGROUP_OUT_OF_RANGE',
      );
    }
  });
}

/** A specialization name as the options spell it: an elite's name or a profession id. */
export function canonicalSpecialization(name: string, field: string): string {
  const specialization = getSpecialization(name.trim());
  if (specialization?.elite) return specialization.name;
  const profession = getProfession(name.trim());
  if (profession) return profession.id;
  return refuse(
    `"${name}" is neither an elite specialization nor a profession.`,
    field,
    'UNKNOWN_SPECIALIZATION',
  );
}

export function preferencesOf(input: OptimizeSquadInput): OptimizerPreferences | undefined {
  const { preferences } = input;
  if (!preferences) return undefined;
  const weights: Partial<Record<Capability, number>> = {};
  (preferences.weights ?? []).forEach(({ capability, weight }, index) => {
    const at = `input.preferences.weights[${index}]`;
    if (weights[capability] !== undefined) {
      refuse(
        `A weight for ${capability} is given twice.`,
        `${at}.capability`,
        'INVALID_PREFERENCE',
      );
    }
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      refuse(`A weight is between 0 and ${MAX_WEIGHT}.`, `${at}.weight`, 'INVALID_PREFERENCE');
    }
    weights[capability] = weight;
  });
  const limits: Record<string, number> = {};
  (preferences.maxPerSpecialization ?? []).forEach(({ specialization, max }, index) => {
    const at = `input.preferences.maxPerSpecialization[${index}]`;
    const name = canonicalSpecialization(specialization, `${at}.specialization`);
    if (limits[name] !== undefined) {
      refuse(`A limit for ${name} is given twice.`, `${at}.specialization`, 'INVALID_PREFERENCE');
    }
    if (!Number.isInteger(max) || max < 0) {
      refuse('A limit is a whole number ≥ 0.', `${at}.max`, 'INVALID_PREFERENCE');
    }
    limits[name] = max;
  });
  const balanceWeight = preferences.balanceWeight ?? undefined;
  if (balanceWeight !== undefined && !(balanceWeight >= 0 && balanceWeight <= 1)) {
    refuse(
      'The balance weight is between 0 and 1.',
      'input.preferences.balanceWeight',
      'INVALID_PREFERENCE',
    );
  }
  const groups = subgroupCount(input.size);
  const maxSubgroups = preferences.maxSubgroups ?? undefined;
  if (
    maxSubgroups !== undefined &&
    !(Number.isInteger(maxSubgroups) && maxSubgroups >= 1 && maxSubgroups <= groups)
  ) {
    refuse(
      `"Fill only N subgroups" takes N from 1 to ${groups}.`,
      'input.preferences.maxSubgroups',
      'INVALID_PREFERENCE',
    );
  }
  return {
    weights,
    maxPerSpecialization: limits,
    ...(balanceWeight === undefined ? {} : { balanceWeight }),
    ...(maxSubgroups === undefined ? {} : { maxSubgroups }),
    ...(preferences.keepTogether
      ? { keepTogether: keepTogetherOf(input, preferences.keepTogether) }
      : {}),
  };
}

/** Player names to keep together, as the roster spells them (its player ids). */
function keepTogetherOf(input: OptimizeSquadInput, groups: readonly string[][]): string[][] {
  const names = new Map(
    (input.roster ?? []).map((player) => [
      player.playerName.trim().toLowerCase(),
      player.playerName.trim(),
    ]),
  );
  if (groups.length > 0 && input.pool !== SquadPool.ROSTER) {
    refuse(
      'Only roster players can be kept together.',
      'input.preferences.keepTogether',
      'INVALID_TOGETHER',
    );
  }
  return groups.map((group, index) =>
    group.map((name, position) => {
      const id = names.get(name.trim().toLowerCase());
      if (id === undefined) {
        refuse(
          `Player ${name} is not in the roster.`,
          `input.preferences.keepTogether[${index}][${position}]`,
          'INVALID_TOGETHER',
        );
      }
      return id;
    }),
  );
}
