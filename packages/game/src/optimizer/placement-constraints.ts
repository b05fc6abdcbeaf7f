/**
 * Where members may go, validated and indexed for the models: locked members (each resolved
 * to one option and a subgroup), specialization caps, players kept together, and the
 * subgroup each roster player sits in now.
 */
import { SUBGROUP_SIZE } from '../model.js';
import { refuseInput } from './errors.js';
import type { PreparedLock, PreparedOption } from './problem.js';
import type { LockedMember, RosterPlayer, SquadOptimizationInput } from './types.js';

/** Players kept together share one subgroup, so no more than fit in one. */
export const MAX_TOGETHER = SUBGROUP_SIZE;

function resolveLock(
  lock: LockedMember,
  kind: 'ROSTER' | 'META',
  players: readonly RosterPlayer[],
  options: readonly PreparedOption[],
  optionsByPlayer: readonly (readonly number[])[],
): number {
  let candidates: readonly number[];
  let who: string;
  if (kind === 'ROSTER') {
    const playerIndex = players.findIndex((player) => player.id === lock.playerId);
    if (lock.playerId === undefined || playerIndex < 0) {
      refuseInput(
        'LOCK_UNKNOWN_PLAYER',
        `Locked player ${lock.playerId ?? '(none)'} is not in the roster`,
      );
    }
    candidates = optionsByPlayer[playerIndex] ?? [];
    who = `player ${lock.playerId}`;
  } else {
    if (lock.playerId !== undefined) {
      refuseInput(
        'LOCK_UNKNOWN_PLAYER',
        'A meta pool has no players to lock; lock an option instead',
      );
    }
    candidates = options.map((option) => option.index);
    who = 'the meta pool';
  }
  const matches = candidates.filter((index) => {
    const source = options[index]?.source;
    return (
      source !== undefined &&
      (lock.optionBuildId === undefined || source.buildId === lock.optionBuildId) &&
      (lock.roleKey === undefined || source.roleKey === lock.roleKey)
    );
  });
  const wanted = lock.optionBuildId ?? lock.roleKey ?? '(unspecified)';
  const [match] = matches;
  if (match === undefined)
    refuseInput('LOCK_UNKNOWN_OPTION', `Option ${wanted} is not offered by ${who}`);
  if (matches.length > 1) {
    refuseInput(
      'LOCK_AMBIGUOUS_OPTION',
      `Several options of ${who} match ${wanted}; name the build`,
    );
  }
  return match;
}

export function prepareLocks(
  input: SquadOptimizationInput,
  kind: 'ROSTER' | 'META',
  players: readonly RosterPlayer[],
  options: readonly PreparedOption[],
  optionsByPlayer: readonly (readonly number[])[],
  groups: number,
  caps: ReadonlyMap<string, number>,
): PreparedLock[] {
  const locked = input.locked ?? [];
  if (locked.length > input.size) {
    refuseInput(
      'LOCKS_EXCEED_SIZE',
      `${locked.length} locked members do not fit a squad of ${input.size}`,
    );
  }
  const perSubgroup = new Array<number>(groups).fill(0);
  const lockedPlayers = new Set<string>();
  const perSpecialization = new Map<string, number>();
  return locked.map((lock) => {
    if (!Number.isInteger(lock.subgroup) || lock.subgroup < 1 || lock.subgroup > groups) {
      refuseInput(
        'LOCK_SUBGROUP_OUT_OF_RANGE',
        `Subgroup ${lock.subgroup} is not between 1 and ${groups}`,
      );
    }
    const option = resolveLock(lock, kind, players, options, optionsByPlayer);
    if (lock.playerId !== undefined) {
      if (lockedPlayers.has(lock.playerId)) {
        refuseInput('LOCK_DUPLICATE_PLAYER', `Player ${lock.playerId} is locked more than once`);
      }
      lockedPlayers.add(lock.playerId);
    }
    const subgroup = lock.subgroup - 1;
    const count = (perSubgroup[subgroup] ?? 0) + 1;
    perSubgroup[subgroup] = count;
    if (count > SUBGROUP_SIZE) {
      refuseInput(
        'LOCK_SUBGROUP_FULL',
        `More than ${SUBGROUP_SIZE} members are locked in subgroup ${lock.subgroup}`,
      );
    }
    const specialization = options[option]?.source.specialization ?? '';
    const specCount = (perSpecialization.get(specialization) ?? 0) + 1;
    perSpecialization.set(specialization, specCount);
    if (specCount > (caps.get(specialization) ?? Infinity)) {
      refuseInput(
        'LOCKS_EXCEED_SPECIALIZATION_LIMIT',
        `More ${specialization} are locked than allowed`,
      );
    }
    return { option, subgroup };
  });
}

export function prepareCaps(input: SquadOptimizationInput): Map<string, number> {
  const caps = new Map<string, number>();
  for (const [specialization, cap] of Object.entries(
    input.preferences?.maxPerSpecialization ?? {},
  )) {
    if (!Number.isInteger(cap) || cap < 0) {
      refuseInput(
        'INVALID_PREFERENCE',
        `The limit for ${specialization} must be a whole number ≥ 0`,
      );
    }
    caps.set(specialization, cap);
  }
  return caps;
}

export function currentSubgroupOf(player: RosterPlayer, groups: number): number | null {
  const current = player.currentSubgroup;
  if (current === undefined || current === null) return null;
  if (!Number.isInteger(current) || current < 1 || current > groups) {
    refuseInput(
      'INVALID_CURRENT_SUBGROUP',
      `${player.name} sits in subgroup ${current}, not between 1 and ${groups}`,
    );
  }
  return current - 1;
}

/** Player index groups to keep together; locked members of one group must share a subgroup. */
export function prepareTogether(
  input: SquadOptimizationInput,
  players: readonly RosterPlayer[],
  options: readonly PreparedOption[],
  locks: readonly PreparedLock[],
): number[][] {
  const groups = input.preferences?.keepTogether ?? [];
  if (groups.length > 0 && input.pool.kind !== 'ROSTER') {
    refuseInput('INVALID_TOGETHER', 'Only players of a roster can be kept together');
  }
  const seen = new Set<number>();
  return groups.flatMap((ids) => {
    if (ids.length > MAX_TOGETHER) {
      refuseInput('INVALID_TOGETHER', `At most ${MAX_TOGETHER} players share a subgroup`);
    }
    const indices = ids.map((id) => {
      const index = players.findIndex((player) => player.id === id);
      if (index < 0)
        refuseInput('INVALID_TOGETHER', `Player ${id} to keep together is not in the roster`);
      if (seen.has(index))
        refuseInput('INVALID_TOGETHER', `Player ${id} is in two groups kept together`);
      seen.add(index);
      return index;
    });
    const lockedAt = new Set(
      locks
        .filter((lock) => indices.includes(options[lock.option]?.owner ?? -1))
        .map((lock) => lock.subgroup),
    );
    if (lockedAt.size > 1) {
      refuseInput(
        'LOCKS_SPLIT_TOGETHER',
        'Players kept together are locked in different subgroups',
      );
    }
    // A lone player is trivially together with themself.
    return indices.length > 1 ? [indices] : [];
  });
}
