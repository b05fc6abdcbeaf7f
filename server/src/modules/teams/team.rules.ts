/**
 * The team rules that need no database: who may do what, what size a mode allows, where a new
 * member goes. Plain data in, plain data out.
 */
import { GAME_MODE_MAX_SIZE, SUBGROUP_SIZE, subgroupCount, type GameMode } from '@gw2/game';
import { TeamShareAccess, TeamVisibility } from './team.entity.js';

export const TEAM_NAME_MAX_LENGTH = 100;
export const PLAYER_NAME_MAX_LENGTH = 64;

/**
 * What a viewer may do with a team. OWNER manages it (delete, share, visibility); EDITOR (an
 * EDIT share) changes it and its members; READER sees it (a VIEW share, or a public or unlisted
 * team); NONE must not learn that it exists.
 */
export type TeamAccess = 'OWNER' | 'EDITOR' | 'READER' | 'NONE';

export interface TeamAccessFacts {
  readonly ownerId: string;
  readonly visibility: TeamVisibility;
  /** The viewer's share of the team, if any. */
  readonly share: TeamShareAccess | null;
}

export function teamAccess(facts: TeamAccessFacts, viewerId: string | null): TeamAccess {
  if (viewerId !== null && viewerId === facts.ownerId) return 'OWNER';
  if (facts.share === TeamShareAccess.EDIT) return 'EDITOR';
  if (facts.share === TeamShareAccess.VIEW) return 'READER';
  return facts.visibility === TeamVisibility.PRIVATE ? 'NONE' : 'READER';
}

export const canViewTeam = (access: TeamAccess) => access !== 'NONE';
export const canEditTeam = (access: TeamAccess) => access === 'OWNER' || access === 'EDITOR';
export const canManageTeam = (access: TeamAccess) => access === 'OWNER';

/** The same rule as for builds: a private build is its owner's alone. */
export function buildVisibleTo(
  build: { readonly ownerId: string; readonly visibility: string },
  userId: string,
): boolean {
  return build.visibility !== 'PRIVATE' || build.ownerId === userId;
}

/** null when the size fits the mode, else the reason in plain words. */
export function sizeProblem(gameMode: GameMode, size: number): string | null {
  const max = GAME_MODE_MAX_SIZE[gameMode];
  if (Number.isInteger(size) && size >= 1 && size <= max) return null;
  return `A ${gameMode.toLowerCase()} team has from 1 to ${max} members.`;
}

export interface Slot {
  readonly subgroup: number;
  readonly position: number;
}

/** How many members sit in each subgroup 1..subgroupCount(size). */
function fillBySubgroup(size: number, slots: readonly Slot[]): number[] {
  const fill = Array.from({ length: subgroupCount(size) }, () => 0);
  for (const slot of slots) if (slot.subgroup <= fill.length) fill[slot.subgroup - 1]! += 1;
  return fill;
}

/** The subgroup with the fewest members (the lowest number on a tie); null when all are full. */
export function emptiestSubgroup(size: number, slots: readonly Slot[]): number | null {
  const fill = fillBySubgroup(size, slots);
  const fewest = Math.min(...fill);
  return fewest >= SUBGROUP_SIZE ? null : fill.indexOf(fewest) + 1;
}

/** The lowest free position (1..5) of a subgroup; null when it is full. */
export function freePosition(subgroup: number, slots: readonly Slot[]): number | null {
  const taken = new Set(slots.filter((s) => s.subgroup === subgroup).map((s) => s.position));
  for (let position = 1; position <= SUBGROUP_SIZE; position += 1) {
    if (!taken.has(position)) return position;
  }
  return null;
}

/** null when the subgroup exists for the size, else the reason in plain words. */
export function subgroupProblem(size: number, subgroup: number): string | null {
  const count = subgroupCount(size);
  if (Number.isInteger(subgroup) && subgroup >= 1 && subgroup <= count) return null;
  return `A team of ${size} has subgroups 1 to ${count}.`;
}

export function positionProblem(position: number): string | null {
  if (Number.isInteger(position) && position >= 1 && position <= SUBGROUP_SIZE) return null;
  return `A position is from 1 to ${SUBGROUP_SIZE}.`;
}

export type Placement =
  | { readonly ok: true; readonly slot: Slot }
  | {
      readonly ok: false;
      readonly field: 'subgroup' | 'position';
      readonly reason: string;
      readonly message: string;
    };

/**
 * Where a new member goes among `slots`: the wanted subgroup (else the emptiest) and the wanted
 * position (else the subgroup's first free one). The caller checks the team size first.
 */
export function placeMember(
  size: number,
  slots: readonly Slot[],
  wanted: { readonly subgroup?: number | null; readonly position?: number | null },
): Placement {
  const refuse = (field: 'subgroup' | 'position', reason: string, message: string): Placement => ({
    ok: false,
    field,
    reason,
    message,
  });
  const subgroup = wanted.subgroup ?? emptiestSubgroup(size, slots);
  if (subgroup === null) return refuse('subgroup', 'SUBGROUP_FULL', 'Every subgroup is full.');
  const outside = subgroupProblem(size, subgroup);
  if (outside) return refuse('subgroup', 'SUBGROUP_OUT_OF_RANGE', outside);
  if (slots.filter((s) => s.subgroup === subgroup).length >= SUBGROUP_SIZE) {
    return refuse(
      'subgroup',
      'SUBGROUP_FULL',
      `Subgroup ${subgroup} already has ${SUBGROUP_SIZE} members.`,
    );
  }
  const position = wanted.position ?? freePosition(subgroup, slots);
  if (position === null)
    return refuse('position', 'SUBGROUP_FULL', `Subgroup ${subgroup} is full.`);
  const badPosition = positionProblem(position);
  if (badPosition) return refuse('position', 'POSITION_OUT_OF_RANGE', badPosition);
  if (slots.some((s) => s.subgroup === subgroup && s.position === position)) {
    return refuse(
      'position',
      'POSITION_TAKEN',
      `Position ${position} of subgroup ${subgroup} is taken.`,
    );
  }
  return { ok: true, slot: { subgroup, position } };
}
