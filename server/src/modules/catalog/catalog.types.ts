import {
  BOONS,
  CAPABILITIES,
  DAMAGE_TYPES,
  GAME_MODES,
  ROLE_CONTEXTS,
  ROLE_KINDS,
  type Boon as BoonId,
  type Capability as CapabilityId,
  type DamageType as DamageTypeId,
  type GameMode as GameModeId,
  type RoleContext as RoleContextId,
  type RoleKind as RoleKindId,
} from '@gw2/game';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** A string-literal union as the `{ VALUE: 'VALUE' }` object registerEnumType wants. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

// The GraphQL enums mirror the domain's constants, so the values are the domain's own ids.
export const Boon = enumOf<BoonId>(BOONS);
registerEnumType(Boon, { name: 'Boon', description: 'The 12 boons of Guild Wars 2' });

export const Capability = enumOf<CapabilityId>(CAPABILITIES);
registerEnumType(Capability, {
  name: 'Capability',
  description: 'Anything a member brings to a subgroup: a boon or a support function',
});

export const GameMode = enumOf<GameModeId>(GAME_MODES);
registerEnumType(GameMode, { name: 'GameMode' });

export const RoleContext = enumOf<RoleContextId>(ROLE_CONTEXTS);
registerEnumType(RoleContext, {
  name: 'RoleContext',
  description: 'Which role table applies: PvE presets or WvW guides',
});

export const RoleKind = enumOf<RoleKindId>(ROLE_KINDS);
registerEnumType(RoleKind, { name: 'RoleKind' });

export const DamageType = enumOf<DamageTypeId>(DAMAGE_TYPES);
registerEnumType(DamageType, { name: 'DamageType' });

export enum TraitSlot {
  MAJOR = 'MAJOR',
  MINOR = 'MINOR',
}
registerEnumType(TraitSlot, { name: 'TraitSlot' });

@ObjectType({ description: 'A boon a trait applies' })
export class BoonGrant {
  @Field(() => Boon)
  boon!: BoonId;

  @Field(() => Float, { description: 'Seconds' })
  duration!: number;

  @Field(() => Int)
  stacks!: number;
}

@ObjectType()
export class Trait {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Int, { description: '0 for the base trait, then 1 adept, 2 master, 3 grandmaster' })
  tier!: number;

  @Field(() => Int, { description: 'Position in its tier' })
  order!: number;

  @Field(() => TraitSlot)
  slot!: TraitSlot;

  @Field(() => Int)
  specializationId!: number;

  @Field(() => String, { nullable: true })
  icon!: string | null;

  @Field(() => [BoonGrant], { description: 'Boons the trait applies; empty when none' })
  grants!: BoonGrant[];

  @Field(() => Int, { nullable: true, description: 'Number of targets where the API states it' })
  targets!: number | null;
}

@ObjectType({ description: 'Major traits in the order build chat codes index into them' })
export class MajorTraits {
  @Field(() => [Trait])
  adept!: Trait[];

  @Field(() => [Trait])
  master!: Trait[];

  @Field(() => [Trait])
  grandmaster!: Trait[];
}

/** Specialization fields; minor and major traits are resolved on demand (CatalogResolver). */
@ObjectType()
export class Specialization {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Profession id, as the API spells it ("Guardian")' })
  profession!: string;

  @Field(() => Boolean)
  elite!: boolean;

  @Field(() => String, { nullable: true })
  icon!: string | null;
}

/** Profession fields; its specializations are resolved on demand (CatalogResolver). */
@ObjectType()
export class Profession {
  @Field(() => ID, { description: 'As the API spells it ("Guardian")' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'The profession byte of build chat codes (1-9)' })
  code!: number;

  @Field(() => String)
  icon!: string;
}

@ObjectType({ description: 'What an elite specialization can play in a context' })
export class RoleOption {
  @Field(() => String, { description: 'Stable within an elite and context, e.g. `quickness-dps`' })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => RoleKind)
  kind!: RoleKindId;

  @Field(() => [DamageType], { description: 'Damage variants the sources name; empty when unsaid' })
  damage!: DamageTypeId[];

  @Field(() => [Capability])
  provides!: CapabilityId[];

  @Field(() => RoleContext)
  context!: RoleContextId;

  @Field(() => Int, { description: 'The elite specialization playing the role' })
  specializationId!: number;

  @Field(() => String)
  elite!: string;

  @Field(() => String)
  profession!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType({ description: 'A stat combination (prefix) from the item stats' })
export class ItemStat {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;
}
