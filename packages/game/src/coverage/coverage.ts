/**
 * Per-subgroup coverage of a squad against its game mode's requirements: who provides
 * what, how well each requirement is met, a score, and the gaps in plain words.
 * Pure: plain data in, plain data out.
 */
import {
  CAPABILITIES,
  GAME_MODE_MAX_SIZE,
  GAME_MODES,
  SUBGROUP_SIZE,
  isCapability,
  subgroupCount,
  type Capability,
  type GameMode,
} from '../model.js';
import { CoverageInputError } from './errors.js';
import { gapMessage } from './messages.js';
import {
  requirementsDataInfo,
  requirementsFor,
  type ModeRequirement,
  type RequirementScope,
} from './requirements.js';

export interface CoverageMember {
  readonly id: string;
  /** 1-based. */
  readonly subgroup: number;
  /** A player or build name, for display. */
  readonly label?: string;
  /** What the member brings, from its build and chosen role (see `capabilitiesFor`). */
  readonly provides: readonly Capability[];
}

export interface CoverageInput {
  readonly gameMode: GameMode;
  /** Planned squad size: fixes how many subgroups must be covered. */
  readonly size: number;
  readonly members: readonly CoverageMember[];
}

export interface CapabilityCoverage {
  readonly capability: Capability;
  /** Ids of the members who provide it, in input order. */
  readonly providers: readonly string[];
  readonly required: boolean;
  /** Providers needed; null when not required. */
  readonly minSources: number | null;
  /** min(1, providers / minSources); null when not required. */
  readonly score: number | null;
}

export interface CoverageGap {
  /** null for a squad-wide requirement. */
  readonly subgroup: number | null;
  readonly capability: Capability;
  readonly scope: RequirementScope;
  readonly have: number;
  readonly need: number;
  /** e.g. "Subgroup 3 has no stability source", "The squad has no healer". */
  readonly message: string;
}

export interface SubgroupCoverage {
  readonly subgroup: number;
  readonly memberIds: readonly string[];
  /** One entry per capability, in CAPABILITIES order. */
  readonly capabilities: readonly CapabilityCoverage[];
  /** 0..1, weighted by requirement weights; 1 when the mode asks nothing per subgroup. */
  readonly score: number;
  readonly gaps: readonly CoverageGap[];
}

export interface SquadCapabilityTotal extends CapabilityCoverage {
  /** Number of providers in the whole squad. */
  readonly count: number;
}

export interface SquadCoverage {
  readonly gameMode: GameMode;
  readonly size: number;
  /** Every subgroup the size calls for, empty ones included. */
  readonly subgroups: readonly SubgroupCoverage[];
  /** Squad totals per capability; `required` refers to squad-wide requirements. */
  readonly squad: readonly SquadCapabilityTotal[];
  /** 0..100: each requirement weighted, subgroup ones averaged over the subgroups. */
  readonly score: number;
  /** Subgroup gaps in subgroup order, then squad gaps. */
  readonly gaps: readonly CoverageGap[];
  /** Version of mode-requirements.json the coverage was computed with. */
  readonly requirementsVersion: string;
}

function validate(input: CoverageInput): void {
  const { gameMode, size, members } = input;
  if (!(GAME_MODES as readonly string[]).includes(gameMode)) {
    throw new CoverageInputError(
      'UNKNOWN_GAME_MODE',
      'gameMode',
      `Unknown game mode ${String(gameMode)}`,
    );
  }
  const maxSize = GAME_MODE_MAX_SIZE[gameMode];
  if (!Number.isInteger(size) || size < 1 || size > maxSize) {
    throw new CoverageInputError(
      'SIZE_OUT_OF_RANGE',
      'size',
      `Squad size must be a whole number from 1 to ${maxSize} for this game mode`,
    );
  }
  if (members.length > size) {
    throw new CoverageInputError(
      'TOO_MANY_MEMBERS',
      'members',
      `${members.length} members do not fit a squad of ${size}`,
    );
  }
  const subgroups = subgroupCount(size);
  const seenIds = new Set<string>();
  const perSubgroup = new Map<number, number>();
  members.forEach((member, index) => {
    const at = `members[${index}]`;
    if (typeof member.id !== 'string' || member.id === '') {
      throw new CoverageInputError(
        'INVALID_MEMBER_ID',
        `${at}.id`,
        'A member needs a non-empty id',
      );
    }
    if (seenIds.has(member.id)) {
      throw new CoverageInputError(
        'DUPLICATE_MEMBER_ID',
        `${at}.id`,
        `Member id ${member.id} is used twice`,
      );
    }
    seenIds.add(member.id);
    if (!Number.isInteger(member.subgroup) || member.subgroup < 1 || member.subgroup > subgroups) {
      throw new CoverageInputError(
        'SUBGROUP_OUT_OF_RANGE',
        `${at}.subgroup`,
        `Subgroup must be from 1 to ${subgroups} for a squad of ${size}`,
      );
    }
    const filled = (perSubgroup.get(member.subgroup) ?? 0) + 1;
    if (filled > SUBGROUP_SIZE) {
      throw new CoverageInputError(
        'SUBGROUP_FULL',
        `${at}.subgroup`,
        `Subgroup ${member.subgroup} already has ${SUBGROUP_SIZE} members`,
      );
    }
    perSubgroup.set(member.subgroup, filled);
    member.provides.forEach((capability, capabilityIndex) => {
      if (!isCapability(capability)) {
        throw new CoverageInputError(
          'UNKNOWN_CAPABILITY',
          `${at}.provides[${capabilityIndex}]`,
          `Unknown capability ${String(capability)}`,
        );
      }
    });
  });
}

function providersOf(members: readonly CoverageMember[], capability: Capability): string[] {
  return members.filter((m) => m.provides.includes(capability)).map((m) => m.id);
}

function capabilityCoverage(
  members: readonly CoverageMember[],
  requirements: readonly ModeRequirement[],
): CapabilityCoverage[] {
  return CAPABILITIES.map((capability) => {
    const providers = providersOf(members, capability);
    const requirement = requirements.find((r) => r.capability === capability);
    return {
      capability,
      providers,
      required: requirement !== undefined,
      minSources: requirement?.minSources ?? null,
      score: requirement ? Math.min(1, providers.length / requirement.minSources) : null,
    };
  });
}

function gapsOf(
  coverage: readonly CapabilityCoverage[],
  requirements: readonly ModeRequirement[],
  subgroup: number | null,
): CoverageGap[] {
  return requirements.flatMap((requirement) => {
    const have =
      coverage.find((c) => c.capability === requirement.capability)?.providers.length ?? 0;
    if (have >= requirement.minSources) return [];
    return [
      {
        subgroup,
        capability: requirement.capability,
        scope: requirement.scope,
        have,
        need: requirement.minSources,
        message: gapMessage(subgroup, requirement.capability, have, requirement.minSources),
      },
    ];
  });
}

function weightedScore(
  requirements: readonly ModeRequirement[],
  scoreOf: (requirement: ModeRequirement) => number,
): number {
  const totalWeight = requirements.reduce((sum, r) => sum + r.weight, 0);
  if (totalWeight === 0) return 1;
  return requirements.reduce((sum, r) => sum + r.weight * scoreOf(r), 0) / totalWeight;
}

function scoreIn(coverage: readonly CapabilityCoverage[], capability: Capability): number {
  return coverage.find((c) => c.capability === capability)?.score ?? 0;
}

/**
 * Coverage of every subgroup and of the whole squad against the mode's requirements.
 * Throws {@link CoverageInputError} when the members cannot form the squad (a subgroup
 * beyond ceil(size / 5), more than 5 in a subgroup, duplicate ids, more members than size).
 */
export function computeCoverage(input: CoverageInput): SquadCoverage {
  validate(input);
  const { gameMode, size, members } = input;
  const requirements = requirementsFor(gameMode);
  const subgroupRequirements = requirements.filter((r) => r.scope === 'SUBGROUP');
  const squadRequirements = requirements.filter((r) => r.scope === 'SQUAD');

  const subgroups: SubgroupCoverage[] = Array.from({ length: subgroupCount(size) }, (_, i) => {
    const subgroup = i + 1;
    const inSubgroup = members.filter((m) => m.subgroup === subgroup);
    const capabilities = capabilityCoverage(inSubgroup, subgroupRequirements);
    return {
      subgroup,
      memberIds: inSubgroup.map((m) => m.id),
      capabilities,
      score: weightedScore(subgroupRequirements, (r) => scoreIn(capabilities, r.capability)),
      gaps: gapsOf(capabilities, subgroupRequirements, subgroup),
    };
  });

  const squadCapabilities = capabilityCoverage(members, squadRequirements);
  const squad: SquadCapabilityTotal[] = squadCapabilities.map((c) => ({
    ...c,
    count: c.providers.length,
  }));

  const score =
    100 *
    weightedScore(requirements, (r) =>
      r.scope === 'SQUAD'
        ? scoreIn(squadCapabilities, r.capability)
        : subgroups.reduce((sum, s) => sum + scoreIn(s.capabilities, r.capability), 0) /
          subgroups.length,
    );

  return {
    gameMode,
    size,
    subgroups,
    squad,
    score,
    gaps: [
      ...subgroups.flatMap((s) => s.gaps),
      ...gapsOf(squadCapabilities, squadRequirements, null),
    ],
    requirementsVersion: requirementsDataInfo.version,
  };
}
