/**
 * Advice for one build in a game mode: the roles it can fill, the mode requirements it
 * serves, major traits that would add a boon the mode needs, and stat prefixes per role.
 * Pure: plain data in, plain data out.
 */
import { GAME_MODE_CONTEXT, GAME_MODES, isBoon, type Boon, type GameMode } from '../model.js';
import {
  getProfession,
  getSpecialization,
  majorTraitsFor,
  type Specialization,
  type Trait,
} from '../catalog/index.js';
import { groupBoonsOf, sortCapabilities, traitBoons } from '../coverage/capabilities.js';
import { requirementsFor, type ModeRequirement } from '../coverage/requirements.js';
import { GameInputError } from '../roles/errors.js';
import { eliteRolesFor, type RoleContext, type RoleOption } from '../roles/index.js';
import { statPrefixesFor, type StatPrefixRecommendation } from './stat-prefixes.js';

export const MAX_BUILD_SPECIALIZATIONS = 3;

const TIER_NAMES = { 1: 'adept', 2: 'master', 3: 'grandmaster' } as const;
export type TierName = (typeof TIER_NAMES)[keyof typeof TIER_NAMES];

export type BuildAdviceInputErrorReason =
  | 'UNKNOWN_GAME_MODE'
  | 'UNKNOWN_PROFESSION'
  | 'SPECIALIZATION_COUNT'
  | 'UNKNOWN_SPECIALIZATION'
  | 'WRONG_PROFESSION'
  | 'DUPLICATE_SPECIALIZATION'
  | 'SEVERAL_ELITES'
  | 'INVALID_TRAIT_CHOICE'
  | 'UNKNOWN_ROLE';

export class BuildAdviceInputError extends GameInputError<BuildAdviceInputErrorReason> {
  override readonly name = 'BuildAdviceInputError';
  readonly code = 'INVALID_BUILD_ADVICE_INPUT' as const;
}

export interface BuildSpecializationInput {
  readonly id: number;
  /**
   * Three values (adept, master, grandmaster): 0 for no choice, else 1-3 from top to
   * bottom, as build template chat links encode them.
   */
  readonly traitChoices: readonly number[];
}

export interface BuildAdviceInput {
  /** Profession id as the API spells it ("Guardian"); case is ignored. */
  readonly professionId: string;
  readonly specializations: readonly BuildSpecializationInput[];
  readonly gameMode: GameMode;
  /** The role the player means to play; its boons then count as already provided. */
  readonly roleKey?: string;
}

export interface ServedRequirement {
  readonly requirement: ModeRequirement;
  /** Keys of the role options that provide the capability. */
  readonly roleKeys: readonly string[];
  /** Whether the selected traits share the boon with allies. */
  readonly byTraits: boolean;
}

export interface TraitSuggestion {
  readonly specializationId: number;
  readonly specializationName: string;
  /** 1 adept, 2 master, 3 grandmaster. */
  readonly tier: 1 | 2 | 3;
  readonly tierName: TierName;
  /** The choice value to put in the build (1-3). */
  readonly choice: 1 | 2 | 3;
  /** The build's current choice in that tier (0 for none). */
  readonly currentChoice: number;
  readonly traitId: number;
  readonly traitName: string;
  /** Boons the mode needs that the trait would add to the build. */
  readonly boons: readonly Boon[];
}

export interface RoleStatPrefixes {
  readonly roleKey: string;
  readonly roleLabel: string;
  readonly recommendations: readonly StatPrefixRecommendation[];
}

export interface BuildAdvice {
  readonly gameMode: GameMode;
  readonly context: RoleContext;
  readonly eliteSpecialization: { readonly id: number; readonly name: string } | null;
  /** Role options of the elite in the mode's context; null when unknown or for core builds. */
  readonly roles: readonly RoleOption[] | null;
  /** Boons the build's traits (selected majors and the minors) share with allies. */
  readonly traitBoons: readonly Boon[];
  readonly servedRequirements: readonly ServedRequirement[];
  readonly traitSuggestions: readonly TraitSuggestion[];
  readonly statPrefixes: readonly RoleStatPrefixes[];
  /** Plain-text caveats, e.g. why roles are unknown. */
  readonly notes: readonly string[];
}

interface CheckedSpecialization {
  readonly specialization: Specialization;
  readonly choices: readonly number[];
}

function checkInput(input: BuildAdviceInput): CheckedSpecialization[] {
  if (!(GAME_MODES as readonly string[]).includes(input.gameMode)) {
    throw new BuildAdviceInputError(
      'UNKNOWN_GAME_MODE',
      'gameMode',
      `Unknown game mode ${String(input.gameMode)}`,
    );
  }
  const profession = getProfession(input.professionId);
  if (!profession) {
    throw new BuildAdviceInputError(
      'UNKNOWN_PROFESSION',
      'professionId',
      `Unknown profession ${input.professionId}`,
    );
  }
  if (input.specializations.length > MAX_BUILD_SPECIALIZATIONS) {
    throw new BuildAdviceInputError(
      'SPECIALIZATION_COUNT',
      'specializations',
      `A build has at most ${MAX_BUILD_SPECIALIZATIONS} specializations`,
    );
  }
  const seen = new Set<number>();
  let elites = 0;
  return input.specializations.map((entry, index) => {
    const at = `specializations[${index}]`;
    const specialization = getSpecialization(entry.id);
    if (!specialization) {
      throw new BuildAdviceInputError(
        'UNKNOWN_SPECIALIZATION',
        `${at}.id`,
        `Unknown specialization ${entry.id}`,
      );
    }
    if (specialization.profession !== profession.id) {
      throw new BuildAdviceInputError(
        'WRONG_PROFESSION',
        `${at}.id`,
        `${specialization.name} is not a ${profession.name} specialization`,
      );
    }
    if (seen.has(specialization.id)) {
      throw new BuildAdviceInputError(
        'DUPLICATE_SPECIALIZATION',
        `${at}.id`,
        `${specialization.name} is chosen twice`,
      );
    }
    seen.add(specialization.id);
    if (specialization.elite && ++elites > 1) {
      throw new BuildAdviceInputError(
        'SEVERAL_ELITES',
        `${at}.id`,
        'A build has at most one elite specialization',
      );
    }
    if (entry.traitChoices.length !== 3) {
      throw new BuildAdviceInputError(
        'INVALID_TRAIT_CHOICE',
        `${at}.traitChoices`,
        'Give three trait choices: adept, master, grandmaster',
      );
    }
    entry.traitChoices.forEach((choice, tierIndex) => {
      if (!Number.isInteger(choice) || choice < 0 || choice > 3) {
        throw new BuildAdviceInputError(
          'INVALID_TRAIT_CHOICE',
          `${at}.traitChoices[${tierIndex}]`,
          'A trait choice is 0 (none) or 1-3 (top to bottom)',
        );
      }
    });
    return { specialization, choices: [...entry.traitChoices] };
  });
}

/** The major trait at `choice` (1-3, top to bottom) of `tier`, as chat links encode it; none for 0. */
function majorTraitAt(
  specialization: Specialization,
  tier: 1 | 2 | 3,
  choice: number,
): Trait | undefined {
  return choice >= 1 && choice <= 3
    ? majorTraitsFor(specialization)?.[TIER_NAMES[tier]][choice - 1]
    : undefined;
}

function selectedTraitIds(checked: readonly CheckedSpecialization[]): number[] {
  return checked.flatMap(({ specialization, choices }) => [
    ...specialization.minorTraitIds,
    ...([1, 2, 3] as const).flatMap(
      (tier) => majorTraitAt(specialization, tier, choices[tier - 1] ?? 0)?.id ?? [],
    ),
  ]);
}

/** Boons every role option provides: the build brings them whichever role it plays. */
function boonsOfEveryRole(options: readonly RoleOption[]): Boon[] {
  const [first, ...rest] = options;
  if (!first) return [];
  return first.provides.filter(
    (c): c is Boon => isBoon(c) && rest.every((o) => o.provides.includes(c)),
  );
}

function suggestTraits(
  checked: readonly CheckedSpecialization[],
  wantedBoons: ReadonlySet<Boon>,
): TraitSuggestion[] {
  return checked.flatMap(({ specialization, choices }) =>
    ([1, 2, 3] as const).flatMap((tier) =>
      ([1, 2, 3] as const).flatMap((choice): TraitSuggestion[] => {
        const currentChoice = choices[tier - 1] ?? 0;
        const trait = majorTraitAt(specialization, tier, choice);
        if (!trait || choice === currentChoice) return [];
        const boons = groupBoonsOf(trait).filter((b) => wantedBoons.has(b));
        if (boons.length === 0) return [];
        return [
          {
            specializationId: specialization.id,
            specializationName: specialization.name,
            tier,
            tierName: TIER_NAMES[tier],
            choice,
            currentChoice,
            traitId: trait.id,
            traitName: trait.name,
            boons: sortCapabilities(boons) as Boon[], // a subset of boons stays boons
          },
        ];
      }),
    ),
  );
}

/**
 * Advice for a build in a game mode. Throws {@link BuildAdviceInputError} for input that
 * does not describe a build of the profession (unknown ids, two elites, bad trait choices).
 */
export function adviseBuild(input: BuildAdviceInput): BuildAdvice {
  const checked = checkInput(input);
  const { gameMode } = input;
  const context = GAME_MODE_CONTEXT[gameMode];
  const requirements = requirementsFor(gameMode);
  const notes: string[] = [];

  const elite = checked.find((c) => c.specialization.elite)?.specialization;
  const eliteRoles = elite ? eliteRolesFor(elite.id) : null;
  const roles = (context === 'PVE' ? eliteRoles?.pve : eliteRoles?.wvw) ?? null;
  if (!elite) {
    notes.push('Roles are only known for elite specializations; this build has none.');
  } else if (!roles) {
    notes.push(
      `No public source says what ${elite.name} brings in ${context === 'PVE' ? 'PvE' : 'WvW'}.`,
    );
  }

  let chosenRole: RoleOption | undefined;
  if (input.roleKey !== undefined) {
    chosenRole = roles?.find((o) => o.key === input.roleKey);
    if (!chosenRole) {
      throw new BuildAdviceInputError(
        'UNKNOWN_ROLE',
        'roleKey',
        `${elite?.name ?? 'This build'} has no role "${input.roleKey}" in ${context === 'PVE' ? 'PvE' : 'WvW'}`,
      );
    }
  }

  const fromTraits = traitBoons(selectedTraitIds(checked));
  const fromRole = chosenRole
    ? chosenRole.provides.filter((c): c is Boon => isBoon(c))
    : boonsOfEveryRole(roles ?? []);
  const provided = new Set<Boon>([...fromTraits, ...fromRole]);
  const wanted = new Set(
    requirements.map((r) => r.capability).filter((c): c is Boon => isBoon(c) && !provided.has(c)),
  );

  const servedRequirements = requirements.flatMap((requirement): ServedRequirement[] => {
    const roleKeys = (roles ?? [])
      .filter((o) => o.provides.includes(requirement.capability))
      .map((o) => o.key);
    const byTraits = (fromTraits as readonly string[]).includes(requirement.capability);
    return roleKeys.length > 0 || byTraits ? [{ requirement, roleKeys, byTraits }] : [];
  });

  return {
    gameMode,
    context,
    eliteSpecialization: elite ? { id: elite.id, name: elite.name } : null,
    roles,
    traitBoons: fromTraits,
    servedRequirements,
    traitSuggestions: suggestTraits(checked, wanted),
    statPrefixes: (chosenRole ? [chosenRole] : (roles ?? [])).map((option) => ({
      roleKey: option.key,
      roleLabel: option.label,
      recommendations: statPrefixesFor(option, context),
    })),
    notes,
  };
}
