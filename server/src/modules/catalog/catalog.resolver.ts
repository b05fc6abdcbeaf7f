import {
  BOONS,
  getProfession,
  getSpecialization,
  listItemStats,
  listProfessions,
  listRoleOptions,
  listSpecializations,
  type Boon as BoonId,
  type ProfessionId,
  type RoleContext as RoleContextId,
} from '@gw2/game';
import { Arg, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../platform/graphql/errors.js';
import {
  majorTraitsOf,
  minorTraitsOf,
  toProfession,
  toRoleOption,
  toSpecialization,
} from './catalog.mappers.js';
import {
  Boon,
  ItemStat,
  MajorTraits,
  Profession,
  RoleContext,
  RoleOption,
  Specialization,
  Trait,
} from './catalog.types.js';
import { Parent } from '../../platform/graphql/parent.js';

/**
 * The catalog is frozen data: its API views are built once, not per request (the professions
 * query filtered every specialization once per profession per request).
 */
const professionViews = listProfessions().map(toProfession);
const specializationViews = new Map<string, Specialization[]>();
function specializationsOf(profession: ProfessionId | undefined, elite: boolean | undefined) {
  const key = `${profession ?? '*'}:${elite ?? '*'}`;
  let views = specializationViews.get(key);
  if (!views) {
    views = listSpecializations({ profession, elite }).map(toSpecialization);
    specializationViews.set(key, views);
  }
  return views;
}

/** A profession filter argument: an unknown id is the caller's mistake, named by its field. */
function professionArg(value: string, field: string) {
  const profession = getProfession(value);
  if (!profession) {
    throw new BadUserInputError(`Unknown profession "${value}".`, {
      field,
      reason: 'UNKNOWN_PROFESSION',
    });
  }
  return profession;
}

/** The offline game catalog, read-only and public. */
@Resolver(() => Profession)
export class ProfessionResolver {
  @Query(() => [Profession], { description: 'The nine professions in chat-code order' })
  professions(): Profession[] {
    return professionViews;
  }

  @Query(() => Profession, {
    nullable: true,
    description: 'A profession by id or name, ignoring case; null when unknown',
  })
  profession(@Arg('id', () => ID) id: string): Profession | null {
    const profession = getProfession(id);
    return profession ? toProfession(profession) : null;
  }

  @FieldResolver(() => [Specialization])
  specializations(
    @Parent() profession: Profession,
    @Arg('elite', () => Boolean, { nullable: true }) elite?: boolean | null,
  ): Specialization[] {
    // The root came from the catalog, so the lookup always succeeds.
    const id = getProfession(profession.id)?.id;
    return id ? specializationsOf(id, elite ?? undefined) : [];
  }

  @Query(() => [Boon], { description: 'The 12 boons' })
  boons(): BoonId[] {
    return [...BOONS];
  }

  @Query(() => [ItemStat], {
    description: 'Stat prefixes a build can name, one per distinct name, alphabetical',
  })
  statPrefixes(): ItemStat[] {
    const byName = new Map<string, ItemStat>();
    for (const stat of listItemStats()) {
      if (stat.name && !byName.has(stat.name))
        byName.set(stat.name, { id: stat.id, name: stat.name });
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  @Query(() => [RoleOption], {
    description: 'Role options from the versioned roles data, optionally for one elite or context',
  })
  roles(
    @Arg('specialization', () => Int, { nullable: true }) specialization?: number | null,
    @Arg('context', () => RoleContext, { nullable: true }) context?: RoleContextId | null,
  ): RoleOption[] {
    return listRoleOptions()
      .filter(
        (listed) =>
          (specialization == null || listed.specializationId === specialization) &&
          (context == null || listed.context === context),
      )
      .map(toRoleOption);
  }
}

@Resolver(() => Specialization)
export class SpecializationResolver {
  @Query(() => [Specialization], {
    description: 'Specializations in id order; both filters optional',
  })
  specializations(
    @Arg('profession', () => ID, { nullable: true }) profession?: string | null,
    @Arg('elite', () => Boolean, { nullable: true }) elite?: boolean | null,
  ): Specialization[] {
    const professionId =
      profession == null ? undefined : professionArg(profession, 'profession').id;
    return specializationsOf(professionId, elite ?? undefined);
  }

  @Query(() => Specialization, { nullable: true, description: 'null when unknown' })
  specialization(@Arg('id', () => Int) id: number): Specialization | null {
    const specialization = getSpecialization(id);
    return specialization ? toSpecialization(specialization) : null;
  }

  @FieldResolver(() => [Trait], { description: 'In tier order' })
  minorTraits(@Parent() specialization: Specialization): Trait[] {
    return minorTraitsOf(specialization.id);
  }

  @FieldResolver(() => MajorTraits)
  majorTraits(@Parent() specialization: Specialization): MajorTraits {
    return majorTraitsOf(specialization.id);
  }
}
