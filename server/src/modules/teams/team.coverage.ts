/**
 * From stored members to the pure coverage core's input: what each member brings comes from its
 * build (elite specialization and selected major traits) and its role in the mode's context.
 */
import {
  GAME_MODE_CONTEXT,
  capabilitiesFor,
  computeCoverage,
  getSpecialization,
  resolveRole,
  roleOptionsForBuild,
  type BuildTemplate,
  type ResolvedRole,
  type Capability,
  type GameMode,
  type RoleOption,
  type SquadCoverage,
} from '@gw2/game';
import type { Build } from '../builds/build.entity.js';

/** The parts of a build that decide what it brings. */
export interface MemberBuildFacts {
  readonly name: string;
  /** Specialization ids of the trait lines (the elite, if any, is among them). */
  readonly specializationIds: readonly number[];
  readonly template: BuildTemplate;
  /** The build's declared role keys (in any context). */
  readonly roles: readonly string[];
}

/** The build as the coverage core needs it. */
export function buildFacts(
  build: Pick<Build, 'name' | 'specializations' | 'template' | 'roles'>,
): MemberBuildFacts {
  return {
    name: build.name,
    specializationIds: build.specializations.map((line) => line.id),
    template: build.template,
    roles: build.roles,
  };
}

export interface MemberFacts {
  readonly id: string;
  readonly subgroup: number;
  readonly playerName: string | null;
  readonly roleKey: string | null;
  /** null when the build is hidden from the team (its owner made it private). */
  readonly build: MemberBuildFacts | null;
}

function eliteOf(specializationIds: readonly number[]): number | undefined {
  return specializationIds.find((id) => getSpecialization(id)?.elite === true);
}

/** The role options the build's elite has in the mode's context; empty when unknown. */
export function roleOptionsFor(build: MemberBuildFacts, gameMode: GameMode): readonly RoleOption[] {
  return (
    roleOptionsForBuild({
      specializationIds: build.specializationIds.filter((id) => id !== 0),
      context: GAME_MODE_CONTEXT[gameMode],
    }) ?? []
  );
}

/**
 * The role a member plays, and where it comes from: the member's chosen role key; without one,
 * the first of the build's declared roles that exists in this context; without that, the role
 * inferred from the build's chat code (see `inferRole`). The role is null when none is known.
 */
export function memberRole(
  build: MemberBuildFacts,
  roleKey: string | null,
  gameMode: GameMode,
): ResolvedRole {
  return resolveRole({
    template: build.template,
    context: GAME_MODE_CONTEXT[gameMode],
    chosen: roleKey,
    declared: build.roles,
  });
}

export function effectiveRole(
  build: MemberBuildFacts,
  roleKey: string | null,
  gameMode: GameMode,
): RoleOption | null {
  return memberRole(build, roleKey, gameMode).role;
}

export function memberCapabilities(member: MemberFacts, gameMode: GameMode): Capability[] {
  const { build } = member;
  if (!build) return [];
  const elite = eliteOf(build.specializationIds);
  const role = effectiveRole(build, member.roleKey, gameMode);
  return capabilitiesFor({
    eliteSpecialization: elite,
    roleKey: elite === undefined ? undefined : role?.key,
    traitIds: build.template.specializations.flatMap((line) =>
      line.majorTraitIds.filter((id): id is number => id !== null),
    ),
    context: GAME_MODE_CONTEXT[gameMode],
  });
}

export function memberLabel(member: MemberFacts): string {
  return member.playerName ?? member.build?.name ?? 'Hidden build';
}

export function teamCoverage(team: {
  readonly gameMode: GameMode;
  readonly size: number;
  readonly members: readonly MemberFacts[];
}): SquadCoverage {
  return computeCoverage({
    gameMode: team.gameMode,
    size: team.size,
    members: team.members.map((member) => ({
      id: member.id,
      subgroup: member.subgroup,
      label: memberLabel(member),
      provides: memberCapabilities(member, team.gameMode),
    })),
  });
}
