/**
 * The optimizer's candidate pools for a request: the game mode's meta roles (META) or the
 * roster's saved builds and chat codes (ROSTER), with the locks resolved to single options
 * and where each option came from, to put back on the plan.
 */
import { decodeBuildCode, listRoleOptions, type RoleContext } from '@gw2/game';
import {
  MAX_OPTIONS_PER_PLAYER,
  metaPoolFor,
  type CandidateOption,
  type CandidatePool,
  type LockedMember,
} from '@gw2/game/optimizer';
import { NotFoundError, UnauthenticatedError } from '../../platform/graphql/errors.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  candidatesForBuild,
  pruneDominated,
  type BuildCandidate,
  type BuildSource,
} from './candidates.js';
import type { LearnedPreferences } from './learned-preferences.js';
import { blaming } from './optimizer.errors.js';
import type { LockedMemberInput, OptimizeSquadInput } from './optimizer.inputs.js';
import { canonicalSpecialization, refuse } from './squad-request.checks.js';

/** A saved build as the optimizer needs it. */
export interface SavedBuildSource {
  readonly id: string;
  readonly chatCode: string;
  readonly template: BuildSource['template'];
  readonly roles: readonly string[];
}

/**
 * Loads saved builds the viewer may see, by id. Throws NOT_FOUND for any id that does not
 * exist or is hidden from the viewer (the builds module's visibility rule).
 */
export type SavedBuildLoader = (
  ids: readonly string[],
) => Promise<ReadonlyMap<string, SavedBuildSource>>;

/** Where an option came from, to put back on the plan's assignments. */
export interface OptionDetails {
  readonly buildId: string | null;
  readonly chatCode: string | null;
  readonly specialization: string;
  readonly profession: string;
  readonly roleLabel: string;
}

export interface PreparedPool {
  readonly pool: CandidatePool;
  readonly details: ReadonlyMap<string, OptionDetails>;
  readonly locked: LockedMember[];
}

function lockMatches(lock: LockedMemberInput, candidate: BuildCandidate, field: string): boolean {
  return (
    (lock.buildId == null || candidate.source.buildId === lock.buildId) &&
    (lock.chatCode == null || candidate.source.chatCode === lock.chatCode.trim()) &&
    (lock.roleKey == null || candidate.roleKey === lock.roleKey) &&
    (lock.specialization == null ||
      candidate.specialization === canonicalSpecialization(lock.specialization, field))
  );
}

/** The single option a lock names among `candidates`, as BAD_USER_INPUT when none or several. */
function pickLocked<T extends BuildCandidate>(
  lock: LockedMemberInput,
  candidates: readonly T[],
  field: string,
  who: string,
): T {
  const matches = candidates.filter((candidate) =>
    lockMatches(lock, candidate, `${field}.specialization`),
  );
  const [match] = matches;
  if (!match) refuse(`No option of ${who} matches the lock.`, field, 'LOCK_UNKNOWN_OPTION');
  if (matches.length > 1) {
    refuse(
      `${matches.length} options of ${who} match the lock; name the build, specialization or role.`,
      field,
      'LOCK_AMBIGUOUS_OPTION',
    );
  }
  return match;
}

export function metaPool(
  input: OptimizeSquadInput,
  context: RoleContext,
  learned: LearnedPreferences,
): PreparedPool {
  const options = metaPoolFor(input.gameMode).map((option) => ({
    ...option,
    priority: learned.weightOf(option.specialization, option.roleKey),
  }));
  const listed = new Map(
    listRoleOptions()
      .filter((entry) => entry.context === context)
      .map((entry) => [`${entry.elite}/${entry.option.key}`, entry]),
  );
  const details = new Map<string, OptionDetails>();
  for (const option of options) {
    const entry = listed.get(option.buildId);
    details.set(option.buildId, {
      buildId: null,
      chatCode: null,
      specialization: option.specialization,
      profession: entry?.profession ?? '',
      roleLabel: entry?.option.label ?? option.label,
    });
  }
  const locked = (input.locked ?? []).map((lock, index): LockedMember => {
    const field = `input.locked[${index}]`;
    if (lock.playerName != null || lock.buildId != null || lock.chatCode != null) {
      refuse(
        'A META pool has no players or builds; lock a specialization and role.',
        field,
        'LOCK_UNKNOWN_PLAYER',
      );
    }
    const spec =
      lock.specialization == null
        ? null
        : canonicalSpecialization(lock.specialization, `${field}.specialization`);
    const matches = options.filter(
      (option) =>
        (spec === null || option.specialization === spec) &&
        (lock.roleKey == null || option.roleKey === lock.roleKey),
    );
    const [match] = matches;
    if (!match) refuse('No meta role matches the lock.', field, 'LOCK_UNKNOWN_OPTION');
    if (matches.length > 1) {
      refuse(
        `${matches.length} meta roles match the lock; name the specialization and role.`,
        field,
        'LOCK_AMBIGUOUS_OPTION',
      );
    }
    return { optionBuildId: match.buildId, subgroup: lock.subgroup };
  });
  return { pool: { kind: 'META', options }, details, locked };
}

/** Decodes the roster's chat codes and loads its saved builds, blaming each by its input path. */
export async function rosterSources(
  input: OptimizeSquadInput,
  viewer: Viewer | null,
  loadBuilds: SavedBuildLoader,
): Promise<BuildSource[][]> {
  const roster = input.roster ?? [];
  const ids = roster.flatMap((player) => player.buildIds ?? []);
  if (ids.length > 0 && !viewer) {
    throw new UnauthenticatedError('Sign in to plan with saved builds.');
  }
  const saved = ids.length > 0 ? await loadBuilds(ids) : new Map<string, SavedBuildSource>();
  return roster.map((player, index) => [
    ...(player.buildIds ?? []).map((id): BuildSource => {
      const build = saved.get(id);
      // The loader throws NOT_FOUND for missing ids; this guards against one that does not.
      if (!build) throw new NotFoundError('Build');
      return {
        buildId: build.id,
        chatCode: build.chatCode,
        template: build.template,
        declaredRoles: build.roles,
      };
    }),
    ...(player.chatCodes ?? []).map((raw, codeIndex): BuildSource => {
      const chatCode = raw.trim();
      const template = blaming(`input.roster[${index}].chatCodes[${codeIndex}]`, () =>
        decodeBuildCode(chatCode),
      );
      return { buildId: null, chatCode, template };
    }),
  ]);
}

export function rosterPool(
  input: OptimizeSquadInput,
  sources: readonly BuildSource[][],
  context: RoleContext,
  learned: LearnedPreferences,
): PreparedPool {
  const roster = input.roster ?? [];
  const locks = input.locked ?? [];
  const lockIndexByPlayer = new Map<string, number>();
  locks.forEach((lock, index) => {
    const field = `input.locked[${index}]`;
    const name = lock.playerName?.trim().toLowerCase();
    if (!name)
      refuse('A roster lock names a player.', `${field}.playerName`, 'LOCK_UNKNOWN_PLAYER');
    if (!roster.some((player) => player.playerName.trim().toLowerCase() === name)) {
      refuse(
        `Player ${lock.playerName} is not in the roster.`,
        `${field}.playerName`,
        'LOCK_UNKNOWN_PLAYER',
      );
    }
    if (lockIndexByPlayer.has(name)) {
      refuse(
        `Player ${lock.playerName} is locked twice.`,
        `${field}.playerName`,
        'LOCK_DUPLICATE_PLAYER',
      );
    }
    lockIndexByPlayer.set(name, index);
  });

  const details = new Map<string, OptionDetails>();
  const locked: LockedMember[] = [];
  const players = roster.map((player, playerIndex) => {
    const name = player.playerName.trim();
    const lockIndex = lockIndexByPlayer.get(name.toLowerCase());
    const lock = lockIndex === undefined ? undefined : locks[lockIndex];
    // A role the player or the lock names is the player's choice: it wins over inference.
    const chosenRole = player.roleKey ?? lock?.roleKey ?? null;
    const candidates = (sources[playerIndex] ?? []).flatMap((source, sourceIndex) =>
      blaming(`input.roster[${playerIndex}]`, () =>
        candidatesForBuild(source, context, chosenRole),
      ).map((candidate, roleIndex) => ({
        ...candidate,
        id: `${playerIndex}:${sourceIndex}:${roleIndex}`,
      })),
    );
    const lockField = `input.locked[${lockIndex}]`;
    const chosen = lock ? pickLocked(lock, candidates, lockField, name) : undefined;
    let options = candidates;
    if (options.length > MAX_OPTIONS_PER_PLAYER) {
      options = pruneDominated(options, (candidate) => candidate === chosen);
    }
    if (options.length > MAX_OPTIONS_PER_PLAYER) {
      refuse(
        `The builds of ${name} offer ${options.length} distinct roles in this mode; at most ${MAX_OPTIONS_PER_PLAYER}. List fewer builds.`,
        `input.roster[${playerIndex}]`,
        'TOO_MANY_OPTIONS',
      );
    }
    if (chosen && lock)
      locked.push({ playerId: name, optionBuildId: chosen.id, subgroup: lock.subgroup });
    return {
      id: name,
      name,
      currentSubgroup: player.currentSubgroup ?? null,
      options: options.map((candidate): CandidateOption => {
        details.set(candidate.id, {
          buildId: candidate.source.buildId,
          chatCode: candidate.source.chatCode,
          specialization: candidate.specialization,
          profession: candidate.profession,
          roleLabel: candidate.roleLabel,
        });
        return {
          buildId: candidate.id,
          label: `${name}: ${candidate.roleLabel}`,
          specialization: candidate.specialization,
          roleKey: candidate.roleKey,
          provides: candidate.provides,
          priority: learned.weightOf(candidate.specialization, candidate.roleKey),
        };
      }),
    };
  });
  return { pool: { kind: 'ROSTER', players }, details, locked };
}
