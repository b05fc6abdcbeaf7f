/**
 * From a build (saved or given as a chat code) to the optimizer's candidate options: the role the
 * player chose, else the roles its owner declared for the context, else the role its chat code
 * shows (`inferRole`), each providing the role's capabilities plus the boons its traits share.
 * A build whose role is unknown is offered with what its traits share.
 */
import {
  capabilitiesFor,
  getSpecialization,
  inferRole,
  roleOptionsForBuild,
  type BuildTemplate,
  type Capability,
  type RoleContext,
  type RoleOption,
} from '@gw2/game';

/** The role of a core build, or of an elite whose roles no source describes: traits only. */
export const TRAITS_ONLY_ROLE = { key: 'traits-only', label: 'Traits only' } as const;

export interface BuildSource {
  /** The saved build, or null for a chat code given in the request. */
  readonly buildId: string | null;
  readonly chatCode: string;
  readonly template: BuildTemplate;
  /** Role keys the owner declared on a saved build; they narrow the choice when they apply. */
  readonly declaredRoles?: readonly string[];
}

export interface BuildCandidate {
  readonly source: BuildSource;
  /** Elite specialization name, or the profession for a core build. */
  readonly specialization: string;
  readonly profession: string;
  readonly roleKey: string;
  readonly roleLabel: string;
  readonly provides: readonly Capability[];
}

/**
 * The selected major traits. Minor traits are left out, as the teams module's coverage does, so a
 * plan written into a team shows the same coverage there.
 */
function selectedMajorTraitIds(template: BuildTemplate): number[] {
  return template.specializations.flatMap((line) =>
    line.majorTraitIds.filter((id): id is number => id !== null),
  );
}

/** The roles a build is offered with: chosen, else declared in the context, else inferred. */
function playedRoles(
  source: BuildSource,
  roles: readonly RoleOption[],
  context: RoleContext,
  chosenRoleKey: string | null,
): RoleOption[] {
  const chosen = roles.find((role) => role.key === chosenRoleKey);
  if (chosen) return [chosen];
  const declared = roles.filter((role) => source.declaredRoles?.includes(role.key));
  if (declared.length > 0) return declared;
  const inferred = inferRole(source.template, context).role;
  return inferred ? [inferred] : [];
}

/** The ways one build can be played in `context` (a chosen role key wins when the elite has it). */
export function candidatesForBuild(
  source: BuildSource,
  context: RoleContext,
  chosenRoleKey: string | null = null,
): BuildCandidate[] {
  const { template } = source;
  const specializationIds = template.specializations
    .map((line) => line.specializationId)
    .filter((id) => id !== 0);
  const traitIds = selectedMajorTraitIds(template);
  const elite = specializationIds.map((id) => getSpecialization(id)).find((s) => s?.elite);
  const roles = roleOptionsForBuild({ specializationIds, context }) ?? [];
  const played = elite ? playedRoles(source, roles, context, chosenRoleKey) : [];
  const base = {
    source,
    specialization: elite?.name ?? template.profession.id,
    profession: template.profession.id,
  };
  if (!elite || played.length === 0) {
    return [
      {
        ...base,
        roleKey: TRAITS_ONLY_ROLE.key,
        roleLabel: TRAITS_ONLY_ROLE.label,
        provides: capabilitiesFor({ traitIds, context }),
      },
    ];
  }
  return played.map((role) => ({
    ...base,
    roleKey: role.key,
    roleLabel: role.label,
    provides: capabilitiesFor({
      eliteSpecialization: elite.id,
      roleKey: role.key,
      traitIds,
      context,
    }),
  }));
}

function isSubset(small: readonly Capability[], large: readonly Capability[]): boolean {
  return small.every((capability) => large.includes(capability));
}

/**
 * Drops candidates that another candidate of the same specialization matches or beats on every
 * capability (they can never make a plan better), unless `keep` says a lock names them.
 * Only used when a player's builds expand past the optimizer's option limit.
 */
export function pruneDominated<T extends BuildCandidate>(
  candidates: readonly T[],
  keep: (candidate: T) => boolean,
): T[] {
  return candidates.filter((candidate, index) => {
    if (keep(candidate)) return true;
    return !candidates.some(
      (other, otherIndex) =>
        otherIndex !== index &&
        other.specialization === candidate.specialization &&
        isSubset(candidate.provides, other.provides) &&
        // Of two equal candidates the first stays.
        (other.provides.length > candidate.provides.length || otherIndex < index),
    );
  });
}
