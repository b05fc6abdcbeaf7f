/** From a build (elite specialization, chosen role, traits) to what it brings to its subgroup. */
import { CAPABILITIES, type Boon, type Capability } from '../model.js';
import { getSpecialization, getTrait, type Trait } from '../catalog/index.js';
import {
  eliteRolesFor,
  findRoleOption,
  RoleLookupError,
  type RoleContext,
  type RoleOption,
} from '../roles/index.js';
import { CoverageInputError } from './errors.js';

/** Sorts and de-duplicates capabilities into the canonical CAPABILITIES order. */
export function sortCapabilities(capabilities: Iterable<Capability>): Capability[] {
  const present = new Set(capabilities);
  return CAPABILITIES.filter((c) => present.has(c));
}

/**
 * Boons a trait gives to allies. Only traits whose API facts state more than one target
 * count: "gain quickness when..." traits give boons to the bearer alone, and a subgroup's
 * coverage is about what a member shares.
 */
export function groupBoonsOf(trait: Trait): Boon[] {
  return (trait.targets ?? 0) > 1 ? [...new Set(trait.grants.map((grant) => grant.boon))] : [];
}

/**
 * Boons the traits share with allies (per traits.json `grants`, counted only where the API
 * states more than one target). Throws {@link CoverageInputError} for an unknown trait id.
 */
export function traitBoons(traitIds: readonly number[], field = 'traitIds'): Boon[] {
  const boons = traitIds.flatMap((id, index) => {
    const trait = getTrait(id);
    if (!trait)
      throw new CoverageInputError('UNKNOWN_TRAIT', `${field}[${index}]`, `Unknown trait ${id}`);
    return groupBoonsOf(trait);
  });
  return sortCapabilities(boons) as Boon[]; // a subset of boons stays boons
}

export interface BuildCapabilitiesInput {
  /** The build's elite specialization (id or name); omit for a core build. */
  readonly eliteSpecialization?: number | string;
  /** Key of the role option the member plays; needs `eliteSpecialization`. */
  readonly roleKey?: string;
  /** Selected traits (majors, and minors if the caller wants them counted). */
  readonly traitIds?: readonly number[];
  readonly context: RoleContext;
}

/** The union of the chosen role option's capabilities and the boons the build's traits share. */
export function capabilitiesFor(input: BuildCapabilitiesInput): Capability[] {
  let roleCapabilities: readonly Capability[] = [];
  if (input.roleKey !== undefined) {
    if (input.eliteSpecialization === undefined) {
      throw new RoleLookupError('UNKNOWN_ROLE', 'roleKey', 'A role needs an elite specialization');
    }
    roleCapabilities = findRoleOption(
      input.eliteSpecialization,
      input.context,
      input.roleKey,
    ).provides;
  }
  return sortCapabilities([...roleCapabilities, ...traitBoons(input.traitIds ?? [])]);
}

/**
 * The role options a build can choose from: those of its elite specialization in the
 * context. null when the build has no elite specialization or the sources do not say
 * (unknown, not "none"). Throws {@link RoleLookupError} for an unknown specialization id.
 */
export function roleOptionsForBuild(build: {
  readonly specializationIds: readonly number[];
  readonly context: RoleContext;
}): readonly RoleOption[] | null {
  const elite = build.specializationIds.find((id, index) => {
    const specialization = getSpecialization(id);
    if (!specialization) {
      throw new RoleLookupError(
        'UNKNOWN_SPECIALIZATION',
        `specializationIds[${index}]`,
        `Unknown specialization ${id}`,
      );
    }
    return specialization.elite;
  });
  if (elite === undefined) return null;
  const roles = eliteRolesFor(elite);
  return build.context === 'PVE' ? roles.pve : roles.wvw;
}
