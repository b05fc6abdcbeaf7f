import {
  GAME_MODE_CONTEXT,
  ROLE_CONTEXTS,
  eliteRolesFor,
  encodeBuildCode,
  getProfession,
  getSpecialization,
  getTrait,
  inferRole,
  isBoon,
  sortCapabilities,
  traitBoons,
  type Boon,
  type BuildTemplate,
  type GameMode,
  type RoleContext,
  type RoleInference,
  type SkillBar as GameSkillBar,
} from '@gw2/game';
import {
  toProfession,
  toRoleOption,
  toSpecialization,
  toTrait,
} from '../catalog/catalog.mappers.js';
import type { RoleOption } from '../catalog/catalog.types.js';
import { toRoleInference } from '../roles/role-inference.mapper.js';
import type { Build as BuildEntity } from './build.entity.js';
import type { Build, BuildSpecialization, BuildTemplateView, SkillBar } from './build.types.js';
import { eliteOf } from './build.validation.js';

function skillBar(bar: GameSkillBar): SkillBar {
  return { heal: bar.heal, utilities: [...bar.utilities], elite: bar.elite };
}

function specializationsOf(template: BuildTemplate): BuildSpecialization[] {
  return template.specializations.flatMap((line) => {
    const specialization = getSpecialization(line.specializationId);
    if (!specialization) return []; // an empty slot
    return [
      {
        specialization: toSpecialization(specialization),
        traitChoices: [...line.traitChoices],
        majorTraits: line.majorTraitIds.flatMap((id) => {
          const trait = id === null ? undefined : getTrait(id);
          return trait ? [toTrait(trait)] : [];
        }),
      },
    ];
  });
}

/** Every trait a template has active: the minors of each line and the chosen majors. */
function activeTraitIds(template: BuildTemplate): number[] {
  return template.specializations.flatMap((line) => {
    const specialization = getSpecialization(line.specializationId);
    if (!specialization) return [];
    const majors = line.majorTraitIds.filter((id): id is number => id !== null);
    return [...specialization.minorTraitIds, ...majors];
  });
}

/** The elite's role options in the contexts of the modes (both contexts when none). */
function suggestedRoles(template: BuildTemplate, modes: readonly GameMode[]): RoleOption[] {
  const elite = eliteOf(template);
  if (elite === undefined) return [];
  const roles = eliteRolesFor(elite);
  const contexts =
    modes.length === 0 ? ROLE_CONTEXTS : [...new Set(modes.map((m) => GAME_MODE_CONTEXT[m]))];
  return ROLE_CONTEXTS.filter((context) => contexts.includes(context)).flatMap((context) =>
    ((context === 'PVE' ? roles.pve : roles.wvw) ?? []).map((option) =>
      toRoleOption({
        elite: roles.name,
        specializationId: roles.specializationId,
        profession: roles.profession,
        context,
        option,
      }),
    ),
  );
}

function contextsOf(modes: readonly GameMode[]): readonly RoleContext[] {
  if (modes.length === 0) return ROLE_CONTEXTS;
  const contexts = new Set(modes.map((mode) => GAME_MODE_CONTEXT[mode]));
  return ROLE_CONTEXTS.filter((context) => contexts.has(context));
}

/**
 * Boons shared by the active traits, plus those of the roles the build plays: the declared roles
 * (in any context) and, in each context of its modes where it declares none, the inferred role.
 */
function providedBoons(
  template: BuildTemplate,
  declaredRoles: readonly string[],
  modes: readonly GameMode[],
  inferences: readonly RoleInference[],
): Boon[] {
  const boons: Boon[] = traitBoons(activeTraitIds(template));
  const elite = eliteOf(template);
  if (elite !== undefined) {
    const roles = eliteRolesFor(elite);
    const declared = [...(roles.pve ?? []), ...(roles.wvw ?? [])].filter((option) =>
      declaredRoles.includes(option.key),
    );
    for (const option of declared) boons.push(...option.provides.filter(isBoon));
    for (const context of contextsOf(modes)) {
      const options = (context === 'PVE' ? roles.pve : roles.wvw) ?? [];
      if (options.some((option) => declared.includes(option))) continue;
      const inferred = inferences.find((inference) => inference.context === context)?.role;
      if (inferred) boons.push(...inferred.provides.filter(isBoon));
    }
  }
  // sortCapabilities keeps the canonical BOONS order; the input holds boons only.
  return sortCapabilities(boons).filter(isBoon);
}

type LazyFields<T> = { [K in keyof T]?: () => T[K] };

/**
 * `eager` plus properties computed on first read, once. GraphQL reads only the fields a query
 * selected, so a page listing names and chat codes never decodes specializations or infers
 * roles (those cost far more than reading the row).
 */
function withLazyFields<T extends object>(eager: Partial<T>, lazy: LazyFields<T>): T {
  for (const key of Object.keys(lazy) as Array<keyof T & string>) {
    const compute = lazy[key]!;
    Object.defineProperty(eager, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = compute();
        Object.defineProperty(eager, key, { value, enumerable: true, writable: true });
        return value;
      },
    });
  }
  return eager as T;
}

/** The template's fields of the API's view, each computed when first read. */
function templateFields(
  template: () => BuildTemplate,
  extra: {
    modes?: readonly GameMode[];
    roles?: readonly string[];
    chatCode?: string;
    /** The stored profession column: naming it needs no template. */
    profession?: string;
  },
): LazyFields<BuildTemplateView> {
  let inferences: RoleInference[] | undefined;
  const inferred = () =>
    (inferences ??= ROLE_CONTEXTS.map((context) => inferRole(template(), context)));
  return {
    profession: () => {
      const id = extra.profession ?? template().profession.id;
      const profession = getProfession(id);
      if (!profession) throw new Error(`Template of unknown profession ${id}`);
      return toProfession(profession);
    },
    specializations: () => specializationsOf(template()),
    skills: () => ({
      land: skillBar(template().skills.land),
      water: skillBar(template().skills.water),
    }),
    weapons: () => [...template().weapons],
    chatCode: () => extra.chatCode ?? encodeBuildCode(template()),
    providedBoons: () =>
      providedBoons(template(), extra.roles ?? [], extra.modes ?? [], inferred()),
    suggestedRoles: () => suggestedRoles(template(), extra.modes ?? []),
    inferredRoles: () => inferred().map(toRoleInference),
  };
}

/** A decoded template as the API shows it (the preview of an unsaved code). */
export function toTemplateView(
  template: BuildTemplate,
  extra: { modes?: readonly GameMode[]; roles?: readonly string[]; chatCode?: string } = {},
): BuildTemplateView {
  return withLazyFields<BuildTemplateView>(
    {},
    templateFields(() => template, extra),
  );
}

function isGameMode(value: string): value is GameMode {
  return (GAME_MODE_CONTEXT as Record<string, unknown>)[value] !== undefined;
}

/**
 * What the API shows of a stored build: the entity, or a row read without one (a live team's
 * snapshot).
 */
export type BuildRecord = Pick<
  BuildEntity,
  | 'id'
  | 'name'
  | 'profession'
  | 'template'
  | 'chatCode'
  | 'gameModes'
  | 'roles'
  | 'statPrefix'
  | 'notes'
  | 'visibility'
  | 'createdAt'
  | 'updatedAt'
> & { readonly owner: { readonly id: string } };

/** The stored build as the API shows it (separate shapes: see STYLE, principle 7). */
export function toBuild(entity: BuildRecord): Build {
  const gameModes = entity.gameModes.filter(isGameMode);
  return withLazyFields<Build>(
    {
      id: entity.id,
      name: entity.name,
      gameModes,
      roles: [...entity.roles],
      statPrefix: entity.statPrefix,
      notes: entity.notes,
      visibility: entity.visibility,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      ownerId: entity.owner.id,
    },
    templateFields(() => entity.template, {
      modes: gameModes,
      roles: entity.roles,
      chatCode: entity.chatCode,
      profession: entity.profession,
    }),
  );
}
