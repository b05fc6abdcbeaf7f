/**
 * What each elite specialization brings to a group, loaded from the versioned
 * `data/roles.json` (edited after balance patches, never hard-coded). The file is checked
 * once at load: a typo in it fails fast instead of silently dropping a capability.
 */
import rolesData from '../data/roles.json' with { type: 'json' };
import { isCapability, type Capability } from '../model.js';
import { RoleLookupError } from './errors.js';
import { getSpecialization } from '../catalog/index.js';
import { parseMarkers, type RawMarker, type RoleMarker } from './markers.js';

/** Which role table applies: PvE presets (fractals, raids, strikes) or WvW guides. */
export type RoleContext = 'PVE' | 'WVW';
export const ROLE_CONTEXTS: readonly RoleContext[] = ['PVE', 'WVW'];

export const ROLE_KINDS = ['DPS', 'BOON_DPS', 'HEAL', 'SUPPORT'] as const;
/** Broad shape of a role; selects the recommended stat prefixes. */
export type RoleKind = (typeof ROLE_KINDS)[number];

export const DAMAGE_TYPES = ['POWER', 'CONDITION'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

export interface DataSource {
  readonly id: string;
  readonly name: string;
  readonly url?: string;
}

export interface RoleOption {
  /** Stable within an elite and context, e.g. `quickness-dps`, `heal-alacrity`, `stability-core`. */
  readonly key: string;
  readonly label: string;
  readonly kind: RoleKind;
  /** Damage variants the sources name ("power/condi"); absent when they do not say. */
  readonly damage?: readonly DamageType[];
  readonly provides: readonly Capability[];
  /** Ids into {@link rolesDataInfo}.sources. */
  readonly sources: readonly string[];
  readonly notes?: string;
  /**
   * Ids of the elite's markers that show a build plays this role (see `inferRole`). A role of
   * kind DPS needs none; any other role is inferred only from its evidence.
   */
  readonly evidence: readonly string[];
  /**
   * Groups of marker ids: the role is inferred only when every group has a matched marker
   * (e.g. heal alacrity needs an alacrity marker and a healing marker). Empty: no extra rule.
   */
  readonly requires: readonly (readonly string[])[];
}

export interface EliteRoles {
  readonly name: string;
  readonly specializationId: number;
  readonly profession: string;
  /** What in a build marks one of the elite's roles, with sources. */
  readonly markers: readonly RoleMarker[];
  /** null: no public source was found, so the roles are unknown (not "none"). */
  readonly pve: readonly RoleOption[] | null;
  readonly wvw: readonly RoleOption[] | null;
}

export interface RolesDataInfo {
  readonly version: string;
  readonly updated: string;
  readonly sources: readonly DataSource[];
}

type RawOption = {
  key: string;
  label: string;
  kind: string;
  damage?: readonly string[];
  provides: readonly string[];
  sources: readonly string[];
  notes?: string;
  evidence?: readonly string[];
  requires?: readonly (readonly string[])[];
};
type RawElite = {
  specializationId: number;
  profession: string;
  markers?: Readonly<Record<string, RawMarker>>;
  pve: readonly RawOption[] | null;
  wvw: readonly RawOption[] | null;
};

function includes<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function parseOption(
  raw: RawOption,
  where: string,
  sourceIds: ReadonlySet<string>,
  markerIds: ReadonlySet<string>,
): RoleOption {
  const kind = raw.kind;
  if (!includes(ROLE_KINDS, kind)) throw new Error(`${where}: unknown role kind ${kind}`);
  const provides = raw.provides.map((c) => {
    if (!isCapability(c)) throw new Error(`${where}: unknown capability ${c}`);
    return c;
  });
  const damage = raw.damage?.map((d) => {
    if (!includes(DAMAGE_TYPES, d)) throw new Error(`${where}: unknown damage type ${d}`);
    return d;
  });
  for (const source of raw.sources) {
    if (!sourceIds.has(source)) throw new Error(`${where}: unknown source ${source}`);
  }
  if (raw.sources.length === 0) throw new Error(`${where}: no source`);
  const evidence = raw.evidence ?? [];
  for (const marker of evidence) {
    if (!markerIds.has(marker)) throw new Error(`${where}: unknown marker ${marker}`);
  }
  const requires = raw.requires ?? [];
  for (const marker of requires.flat()) {
    if (!evidence.includes(marker)) throw new Error(`${where}: requires ${marker}, not evidence`);
  }
  if (requires.some((group) => group.length === 0)) throw new Error(`${where}: empty group`);
  return Object.freeze({
    key: raw.key,
    label: raw.label,
    kind,
    ...(damage ? { damage: Object.freeze(damage) } : {}),
    provides: Object.freeze([...new Set(provides)]),
    sources: Object.freeze([...raw.sources]),
    ...(raw.notes ? { notes: raw.notes } : {}),
    evidence: Object.freeze([...evidence]),
    requires: Object.freeze(requires.map((group) => Object.freeze([...group]))),
  });
}

function parseOptions(
  raw: readonly RawOption[] | null,
  where: string,
  sourceIds: ReadonlySet<string>,
  markerIds: ReadonlySet<string>,
): readonly RoleOption[] | null {
  if (raw === null) return null;
  const options = raw.map((o) => parseOption(o, `${where} ${o.key}`, sourceIds, markerIds));
  if (new Set(options.map((o) => o.key)).size !== options.length) {
    throw new Error(`${where}: duplicate role keys`);
  }
  return Object.freeze(options);
}

function parseElite(name: string, raw: RawElite, sourceIds: ReadonlySet<string>): EliteRoles {
  const specialization = getSpecialization(raw.specializationId);
  if (!specialization?.elite || specialization.name !== name) {
    throw new Error(
      `roles.json: ${name} does not match elite specialization ${raw.specializationId}`,
    );
  }
  if (specialization.profession !== raw.profession) {
    throw new Error(
      `roles.json: ${name} is a ${specialization.profession}, not a ${raw.profession}`,
    );
  }
  const markers = parseMarkers(raw.markers, `roles.json ${name}`, raw.profession, sourceIds);
  const markerIds = new Set(markers.map((m) => m.id));
  return Object.freeze({
    name,
    specializationId: raw.specializationId,
    profession: raw.profession,
    markers,
    pve: parseOptions(raw.pve, `roles.json ${name} pve`, sourceIds, markerIds),
    wvw: parseOptions(raw.wvw, `roles.json ${name} wvw`, sourceIds, markerIds),
  });
}

const sources: readonly DataSource[] = Object.freeze(
  rolesData.sources.map((s: DataSource) => Object.freeze({ ...s })),
);
const sourceIds = new Set(sources.map((s) => s.id));
// The JSON's inferred type is a union per elite; the parser checks every field it reads.
const rawElites: Record<string, RawElite> = rolesData.elites;
const elites: readonly EliteRoles[] = Object.freeze(
  Object.entries(rawElites).map(([name, raw]) => parseElite(name, raw, sourceIds)),
);
const eliteBySpecializationId = new Map(elites.map((e) => [e.specializationId, e]));

export const rolesDataInfo: RolesDataInfo = Object.freeze({
  version: rolesData.version,
  updated: rolesData.updated,
  sources,
});

/** Every elite specialization with its role options, in data-file order. */
export function listEliteRoles(): readonly EliteRoles[] {
  return elites;
}

/**
 * The elite's roles, looked up by specialization id or name (ignoring case).
 * Throws {@link RoleLookupError} for a name that is not an elite specialization.
 */
export function eliteRolesFor(
  eliteSpecNameOrId: string | number,
  field = 'specialization',
): EliteRoles {
  const specialization = getSpecialization(eliteSpecNameOrId);
  if (!specialization) {
    throw new RoleLookupError(
      'UNKNOWN_SPECIALIZATION',
      field,
      `Unknown specialization: ${String(eliteSpecNameOrId)}`,
    );
  }
  const roles = eliteBySpecializationId.get(specialization.id);
  if (!roles) {
    throw new RoleLookupError(
      'NOT_ELITE',
      field,
      `${specialization.name} is not an elite specialization`,
    );
  }
  return roles;
}

/** The elite's role options in a context; null when the sources do not say (unknown). */
export function rolesFor(
  eliteSpecNameOrId: string | number,
  context: RoleContext,
): readonly RoleOption[] | null {
  const roles = eliteRolesFor(eliteSpecNameOrId);
  return context === 'PVE' ? roles.pve : roles.wvw;
}

export interface ListedRoleOption {
  readonly elite: string;
  readonly specializationId: number;
  readonly profession: string;
  readonly context: RoleContext;
  readonly option: RoleOption;
}

/** Every role option of every elite in both contexts, flattened (for pickers and the optimizer). */
export function listRoleOptions(): readonly ListedRoleOption[] {
  return elites.flatMap((e) =>
    ROLE_CONTEXTS.flatMap((context) =>
      ((context === 'PVE' ? e.pve : e.wvw) ?? []).map((option) => ({
        elite: e.name,
        specializationId: e.specializationId,
        profession: e.profession,
        context,
        option,
      })),
    ),
  );
}

/** One role option by key; throws {@link RoleLookupError} when the elite has no such role in the context. */
export function findRoleOption(
  eliteSpecNameOrId: string | number,
  context: RoleContext,
  roleKey: string,
  field = 'roleKey',
): RoleOption {
  const roles = eliteRolesFor(eliteSpecNameOrId);
  const option = (context === 'PVE' ? roles.pve : roles.wvw)?.find((o) => o.key === roleKey);
  if (!option) {
    throw new RoleLookupError(
      'UNKNOWN_ROLE',
      field,
      `${roles.name} has no role "${roleKey}" in ${context === 'PVE' ? 'PvE' : 'WvW'}`,
    );
  }
  return option;
}
