/**
 * `optimizeSquad` for the API: checks the request's limits with input paths, turns saved
 * builds and chat codes into candidate options, runs the optimizer core and maps its plan.
 */
import {
  GAME_MODE_CONTEXT,
  GAME_MODE_MAX_SIZE,
  decodeBuildCode,
  getProfession,
  getSpecialization,
  listRoleOptions,
  subgroupCount,
  type Capability,
  type RoleContext,
} from '@gw2/game';
import {
  MAX_OPTIONS_PER_PLAYER,
  MAX_PLAYERS,
  MAX_WEIGHT,
  metaPoolFor,
  type CandidateOption,
  type ModePlanRequest,
  type CandidatePool,
  type LockedMember,
  type OptimizerPreferences,
  type SquadPlan as GameSquadPlan,
} from '@gw2/game/optimizer';
import {
  BadUserInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../../platform/graphql/errors.js';
import type { Viewer } from '../../platform/graphql/context.js';
import {
  inlineSolver,
  type SolveOptions,
  type SquadSolver,
} from '../../platform/solver/solver-pool.js';
import {
  candidatesForBuild,
  pruneDominated,
  type BuildCandidate,
  type BuildSource,
} from './candidates.js';
import { toTeamCoverage } from '../teams/team.mapper.js';
import { NO_LEARNED_PREFERENCES, type LearnedPreferences } from './learned-preferences.js';
import { toExplanation } from './plan-explanation.mapper.js';
import { blaming, toUserInputError } from './optimizer.errors.js';
import { SquadPool, type LockedMemberInput, type OptimizeSquadInput } from './optimizer.inputs.js';
import { PlanStatus, type PlanAssignment, type SquadPlan } from './optimizer.types.js';

export const MIN_TIME_LIMIT_MS = 100;
export const MAX_TIME_LIMIT_MS = 10_000;
export const DEFAULT_TIME_LIMIT_MS = 2_000;
export const MAX_PLAYER_NAME_LENGTH = 64;

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

function refuse(message: string, field: string, reason: string): never {
  throw new BadUserInputError(message, { field, reason });
}

/** The limits of the issue, checked before anything is decoded, loaded or solved. */
function checkLimits(input: OptimizeSquadInput): void {
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
function canonicalSpecialization(name: string, field: string): string {
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

function preferencesOf(input: OptimizeSquadInput): OptimizerPreferences | undefined {
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

/** Where an option came from, to put back on the plan's assignments. */
interface OptionDetails {
  readonly buildId: string | null;
  readonly chatCode: string | null;
  readonly specialization: string;
  readonly profession: string;
  readonly roleLabel: string;
}

interface PreparedPool {
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

function metaPool(
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
async function rosterSources(
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

function rosterPool(
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

function toPlan(
  plan: GameSquadPlan,
  prepared: PreparedSquad,
  coverage: SquadPlan['coverage'],
): SquadPlan {
  const { details } = prepared;
  const assignments = new Map<number, PlanAssignment>(
    plan.assignments.map((assignment) => {
      const detail = details.get(assignment.buildId);
      return [
        assignment.slot,
        {
          playerName: assignment.playerName,
          slot: assignment.slot,
          subgroup: assignment.subgroup,
          buildId: detail?.buildId ?? null,
          chatCode: detail?.chatCode ?? null,
          specialization: assignment.specialization,
          profession: detail?.profession ?? '',
          roleKey: assignment.roleKey,
          roleLabel: detail?.roleLabel ?? assignment.label,
          provides: [...assignment.provides],
          locked: assignment.locked,
        },
      ];
    }),
  );
  return {
    gameMode: plan.gameMode,
    size: plan.size,
    status: PlanStatus[plan.status],
    objectiveValue: plan.objectiveValue,
    mipGap: plan.mipGap,
    solveTimeMs: plan.solveTimeMs,
    score: { ...plan.score },
    assignments: [...assignments.values()],
    subgroups: plan.subgroups.map((subgroup) => ({
      number: subgroup.subgroup,
      members: subgroup.members.flatMap((member) => assignments.get(member.slot) ?? []),
      provides: [...subgroup.provides],
    })),
    coverage,
    gaps: plan.gaps.map((gap) => ({
      subgroup: gap.subgroup,
      capability: gap.capability,
      scope: gap.scope,
      required: gap.required,
      present: gap.present,
      label: gap.label,
      message: gap.message,
    })),
    explanation: toExplanation(plan.explanation),
    metaSnapshotVersion: prepared.metaSnapshotVersion,
  };
}

/** How a plan is solved: on a solver thread in the app, inline in unit tests. */
export interface SquadSolving {
  readonly solver: SquadSolver;
  readonly onProgress?: SolveOptions['onProgress'];
  readonly signal?: AbortSignal;
}

/** A request checked and turned into the optimizer's input, ready to solve. */
export interface PreparedSquad {
  readonly request: ModePlanRequest;
  readonly timeLimitMs: number;
  readonly details: ReadonlyMap<string, OptionDetails>;
  /** The meta snapshot whose weights gave the options their priorities (null: none). */
  readonly metaSnapshotVersion: number | null;
}

/**
 * Checks a request and builds the optimizer's input: everything `optimizeSquadPlan` refuses is
 * refused here, without solving (the AI assistant validates requests this way before queueing).
 * Anonymous callers may use the META pool and chat codes; saved build ids need a viewer and are
 * loaded through `loadBuilds` (which applies build visibility). `learned` ranks the options in
 * the optimizer's last tier (see learned-preferences.ts).
 */
export async function prepareSquadPlan(
  input: OptimizeSquadInput,
  viewer: Viewer | null,
  loadBuilds: SavedBuildLoader,
  learned: LearnedPreferences = NO_LEARNED_PREFERENCES,
): Promise<PreparedSquad> {
  checkLimits(input);
  const context = GAME_MODE_CONTEXT[input.gameMode];
  const preferences = preferencesOf(input);
  const prepared =
    input.pool === SquadPool.META
      ? metaPool(input, context, learned)
      : rosterPool(input, await rosterSources(input, viewer, loadBuilds), context, learned);
  return {
    request: {
      gameMode: input.gameMode,
      size: input.size,
      pool: prepared.pool,
      locked: prepared.locked,
      ...(preferences ? { preferences } : {}),
    },
    timeLimitMs: input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    details: prepared.details,
    metaSnapshotVersion: learned.snapshotVersion,
  };
}

/** Solves a prepared request on `solving.solver` and maps the plan for the API. */
export async function solvePreparedSquad(
  prepared: PreparedSquad,
  solving: SquadSolving = { solver: inlineSolver },
): Promise<SquadPlan> {
  try {
    const { plan, coverage } = await solving.solver.solve(prepared.request, {
      timeLimitMs: prepared.timeLimitMs,
      ...(solving.onProgress ? { onProgress: solving.onProgress } : {}),
      ...(solving.signal ? { signal: solving.signal } : {}),
    });
    const labels = new Map(
      plan.assignments.map((a) => [a.playerId ?? `slot-${a.slot}`, a.playerName ?? a.label]),
    );
    return toPlan(plan, prepared, toTeamCoverage(coverage, labels));
  } catch (error) {
    throw toUserInputError(error);
  }
}

/** Checks, then solves: `optimizeSquad`. Only a valid request reaches `solving.solver`. */
export async function optimizeSquadPlan(
  input: OptimizeSquadInput,
  viewer: Viewer | null,
  loadBuilds: SavedBuildLoader,
  solving: SquadSolving = { solver: inlineSolver },
  learned: LearnedPreferences = NO_LEARNED_PREFERENCES,
): Promise<SquadPlan> {
  return solvePreparedSquad(await prepareSquadPlan(input, viewer, loadBuilds, learned), solving);
}
