/**
 * Validation and normalisation of an optimisation request into the indexed form that the
 * objective, the greedy heuristic and the MIP builders share. Where members may be placed
 * (locks, caps, kept together) is checked in placement-constraints.ts.
 */
import {
  CAPABILITIES,
  GAME_MODE_MAX_SIZE,
  SUBGROUP_SIZE,
  isCapability,
  subgroupCount,
} from '../model.js';
import type { Capability, GameMode } from '../model.js';
import { refuseInput } from './errors.js';
import {
  currentSubgroupOf,
  prepareCaps,
  prepareLocks,
  prepareTogether,
} from './placement-constraints.js';
import type {
  CandidateOption,
  OptimizerRequirement,
  RosterPlayer,
  SquadOptimizationInput,
} from './types.js';

export const MAX_PLAYERS = 100;
export const MAX_OPTIONS_PER_PLAYER = 10;
export const MAX_META_OPTIONS = 100;
export const MAX_PRIORITY = 9;
export const MAX_WEIGHT = 100;
/** Weights are quantised to this step so every objective coefficient is an integer. */
export const WEIGHT_STEP = 0.1;

/** Upper bound of one member's secondary value: priority outranks breadth. */
const BREADTH_SPAN = CAPABILITIES.length + 1;
const SECONDARY_MAX = MAX_PRIORITY * BREADTH_SPAN + CAPABILITIES.length;

export interface PreparedOption {
  readonly index: number;
  /** Roster player index, or null for a meta option (usable any number of times). */
  readonly owner: number | null;
  readonly source: CandidateOption;
  readonly provides: ReadonlySet<Capability>;
  /** Priority first, then how many capabilities the member brings. */
  readonly secondary: number;
  /** Index into `bundles`: options with the same subgroup-relevant capabilities are interchangeable. */
  readonly bundle: number;
}

export interface PreparedRequirement extends OptimizerRequirement {
  /** Objective value of each covered source (a source beyond `minSources` earns nothing). */
  readonly coefficient: number;
}

export interface PreparedLock {
  readonly option: number;
  /** 0-based. */
  readonly subgroup: number;
}

export interface PreparedProblem {
  readonly gameMode: GameMode;
  readonly size: number;
  /** Subgroups the plan may use (1..maxSubgroups); the model knows no others. */
  readonly subgroupCount: number;
  /** Subgroups the squad size calls for; those beyond `subgroupCount` stay empty. */
  readonly squadSubgroups: number;
  readonly kind: 'ROSTER' | 'META';
  readonly players: readonly RosterPlayer[];
  readonly options: readonly PreparedOption[];
  /** Option indices per roster player (empty for META). */
  readonly optionsByPlayer: readonly (readonly number[])[];
  readonly requirements: readonly PreparedRequirement[];
  /** Distinct sets of SUBGROUP-scope capabilities, one per bundle index. */
  readonly bundles: readonly (readonly Capability[])[];
  readonly locks: readonly PreparedLock[];
  readonly specializationCaps: ReadonlyMap<string, number>;
  /** PRIMARY tier value of each filled slot (one covered source of weight 0.1 is worth size + 1). */
  readonly fillValue: number;
  /** BALANCE tier cost of one unit of balance penalty; 0 turns balance off. */
  readonly balanceCoefficient: number;
  /** Largest number of covered subgroup sources one subgroup can have (bounds its square). */
  readonly maxSubgroupSources: number;
  /** Groups of roster player indices that share a subgroup whenever placed. */
  readonly together: readonly (readonly number[])[];
  /** 0-based subgroup each roster player sits in now, or null. */
  readonly currentSubgroups: readonly (number | null)[];
}

function validateOption(option: CandidateOption, owner: string): void {
  if (typeof option.buildId !== 'string' || option.buildId === '') {
    refuseInput('INVALID_OPTION', `An option of ${owner} has no build id`);
  }
  for (const capability of option.provides) {
    if (!isCapability(capability)) {
      refuseInput(
        'INVALID_OPTION',
        `Option ${option.buildId} of ${owner} provides unknown "${capability}"`,
      );
    }
  }
  const priority = option.priority ?? 0;
  if (!Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY) {
    refuseInput(
      'INVALID_OPTION',
      `Option ${option.buildId} priority must be an integer 0..${MAX_PRIORITY}`,
    );
  }
}

function validateSize(gameMode: GameMode, size: number): void {
  const max = GAME_MODE_MAX_SIZE[gameMode];
  if (max === undefined) refuseInput('SIZE_OUT_OF_RANGE', `Unknown game mode ${String(gameMode)}`);
  if (!Number.isInteger(size) || size < 1 || size > max) {
    refuseInput(
      'SIZE_OUT_OF_RANGE',
      `Squad size must be an integer from 1 to ${max} for ${gameMode}`,
    );
  }
}

function prepareRequirements(
  input: SquadOptimizationInput,
  coverageUnit: number,
): PreparedRequirement[] {
  const overrides = input.preferences?.weights ?? {};
  for (const [capability, weight] of Object.entries(overrides)) {
    if (!isCapability(capability)) {
      refuseInput('INVALID_PREFERENCE', `Weight given for unknown capability "${capability}"`);
    }
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= MAX_WEIGHT)) {
      refuseInput(
        'INVALID_PREFERENCE',
        `Weight for ${capability} must be between 0 and ${MAX_WEIGHT}`,
      );
    }
  }
  return input.requirements.map((requirement) => {
    const { capability, scope, minSources } = requirement;
    if (!isCapability(capability)) {
      refuseInput('INVALID_REQUIREMENT', `Requirement on unknown capability "${capability}"`);
    }
    if (scope !== 'SUBGROUP' && scope !== 'SQUAD') {
      refuseInput('INVALID_REQUIREMENT', `Requirement on ${capability} has unknown scope`);
    }
    // A squad-wide need larger than the squad is simply a gap, not an error.
    const maxSources = scope === 'SUBGROUP' ? SUBGROUP_SIZE : MAX_PLAYERS;
    if (!Number.isInteger(minSources) || minSources < 1 || minSources > maxSources) {
      refuseInput(
        'INVALID_REQUIREMENT',
        `Requirement on ${capability} needs 1..${maxSources} sources`,
      );
    }
    const weight = overrides[capability] ?? requirement.weight;
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      refuseInput(
        'INVALID_REQUIREMENT',
        `Requirement on ${capability} weight must be 0..${MAX_WEIGHT}`,
      );
    }
    const steps = Math.round(weight / WEIGHT_STEP);
    return { ...requirement, weight, coefficient: steps * coverageUnit };
  });
}

function bundleKey(provides: ReadonlySet<Capability>, subgroupCapabilities: readonly Capability[]) {
  return subgroupCapabilities.filter((capability) => provides.has(capability));
}

/** Validates the request (throws OptimizerInputError) and indexes it. */
export function prepareProblem(input: SquadOptimizationInput): PreparedProblem {
  validateSize(input.gameMode, input.size);
  const { pool, size } = input;
  const groups = subgroupCount(size);
  const players = pool.kind === 'ROSTER' ? pool.players : [];
  if (players.length > MAX_PLAYERS) {
    refuseInput('TOO_MANY_PLAYERS', `A roster may list at most ${MAX_PLAYERS} players`);
  }
  const rawOptions: { owner: number | null; source: CandidateOption }[] = [];
  const optionsByPlayer: number[][] = [];
  if (pool.kind === 'ROSTER') {
    const seen = new Set<string>();
    players.forEach((player, owner) => {
      if (seen.has(player.id))
        refuseInput('DUPLICATE_PLAYER', `Player ${player.id} is listed twice`);
      seen.add(player.id);
      if (player.options.length === 0) {
        refuseInput('PLAYER_WITHOUT_OPTIONS', `Player ${player.name} has no build to play`);
      }
      if (player.options.length > MAX_OPTIONS_PER_PLAYER) {
        refuseInput(
          'TOO_MANY_OPTIONS',
          `Player ${player.name} has more than ${MAX_OPTIONS_PER_PLAYER} options`,
        );
      }
      const indices: number[] = [];
      const buildIds = new Set<string>();
      for (const source of player.options) {
        validateOption(source, `player ${player.name}`);
        if (buildIds.has(source.buildId)) {
          refuseInput(
            'DUPLICATE_OPTION',
            `Player ${player.name} lists build ${source.buildId} twice`,
          );
        }
        buildIds.add(source.buildId);
        indices.push(rawOptions.length);
        rawOptions.push({ owner, source });
      }
      optionsByPlayer.push(indices);
    });
  } else {
    if (pool.options.length > MAX_META_OPTIONS) {
      refuseInput('TOO_MANY_OPTIONS', `A meta pool may list at most ${MAX_META_OPTIONS} options`);
    }
    const buildIds = new Set<string>();
    for (const source of pool.options) {
      validateOption(source, 'the meta pool');
      if (buildIds.has(source.buildId)) {
        refuseInput('DUPLICATE_OPTION', `The meta pool lists build ${source.buildId} twice`);
      }
      buildIds.add(source.buildId);
      rawOptions.push({ owner: null, source });
    }
  }

  // PRIMARY tier: one covered source of the lightest weight outweighs every filled slot.
  const fillValue = 1;
  const coverageUnit = size * fillValue + 1;
  const requirements = prepareRequirements(input, coverageUnit);
  // BALANCE tier: one unit of balance penalty outweighs every option's secondary value (at weight 1).
  const balanceCoefficient = Math.round(balanceWeightOf(input) * (size * SECONDARY_MAX + 1));

  const subgroupCapabilities = CAPABILITIES.filter((capability) =>
    requirements.some((r) => r.scope === 'SUBGROUP' && r.capability === capability),
  );
  const bundleIndex = new Map<string, number>();
  const bundles: Capability[][] = [];
  const options: PreparedOption[] = rawOptions.map(({ owner, source }, index) => {
    const provides = new Set(source.provides);
    const bundle = bundleKey(provides, subgroupCapabilities);
    const key = bundle.join(',');
    let bundleId = bundleIndex.get(key);
    if (bundleId === undefined) {
      bundleId = bundles.length;
      bundleIndex.set(key, bundleId);
      bundles.push(bundle);
    }
    const secondary = (source.priority ?? 0) * BREADTH_SPAN + provides.size;
    return { index, owner, source, provides, secondary, bundle: bundleId };
  });

  const specializationCaps = prepareCaps(input);
  const usable = usableSubgroups(input, groups);
  const locks = prepareLocks(
    input,
    pool.kind,
    players,
    options,
    optionsByPlayer,
    usable,
    specializationCaps,
  );
  const together = prepareTogether(input, players, options, locks);
  return {
    gameMode: input.gameMode,
    size,
    subgroupCount: usable,
    squadSubgroups: groups,
    kind: pool.kind,
    players,
    options,
    optionsByPlayer,
    requirements,
    bundles,
    locks,
    specializationCaps,
    fillValue,
    balanceCoefficient,
    maxSubgroupSources: requirements
      .filter((r) => r.scope === 'SUBGROUP' && r.coefficient > 0)
      .reduce((sum, r) => sum + r.minSources, 0),
    together,
    currentSubgroups: players.map((player) => currentSubgroupOf(player, groups)),
  };
}

function balanceWeightOf(input: SquadOptimizationInput): number {
  const weight = input.preferences?.balanceWeight ?? 1;
  if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) {
    refuseInput('INVALID_PREFERENCE', 'The balance weight is between 0 and 1');
  }
  return weight;
}

function usableSubgroups(input: SquadOptimizationInput, groups: number): number {
  const max = input.preferences?.maxSubgroups;
  if (max === undefined) return groups;
  if (!Number.isInteger(max) || max < 1 || max > groups) {
    refuseInput('INVALID_PREFERENCE', `"Fill only N subgroups" takes N from 1 to ${groups}`);
  }
  return max;
}
