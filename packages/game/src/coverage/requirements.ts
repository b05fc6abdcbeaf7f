/**
 * What each game mode needs from its squad, loaded from the versioned
 * `data/mode-requirements.json` and checked once at load.
 */
import requirementsData from '../data/mode-requirements.json' with { type: 'json' };
import { GAME_MODES, isCapability, type Capability, type GameMode } from '../model.js';
import type { DataSource } from '../roles/index.js';
import { findRoleOption } from '../roles/roles.js';

export const REQUIREMENT_SCOPES = ['SUBGROUP', 'SQUAD'] as const;
/** SUBGROUP: every subgroup of 5 needs it (boons reach 5 targets); SQUAD: once for everyone. */
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number];

export interface ModeRequirement {
  readonly capability: Capability;
  readonly scope: RequirementScope;
  /** How many members must provide the capability (per subgroup or per squad). */
  readonly minSources: number;
  /** Relative importance for scores and the optimizer (3 essential, 1 nice to have). */
  readonly weight: number;
  readonly label: string;
}

/** One slot of a party template: the role a guide puts there, or an open slot. */
export interface PartyTemplateSlot {
  /** Elite specialization name; null for a slot the guide leaves open. */
  readonly elite: string | null;
  /** The elite's WvW role key in roles.json; null with an open slot. */
  readonly roleKey: string | null;
  /** What the guide puts the slot there for. */
  readonly for: string;
}

/** A guide's party of five, with its sources (WvW zerg). */
export interface PartyTemplate {
  readonly basis: string;
  readonly sources: readonly string[];
  readonly slots: readonly PartyTemplateSlot[];
}

export interface ModeRequirements {
  readonly mode: GameMode;
  /** How the mode is named in sentences ("raid", "WvW zerg"). */
  readonly label: string;
  /** Why the requirements are what they are, with what the sources say. */
  readonly basis: string;
  readonly sources: readonly string[];
  readonly requirements: readonly ModeRequirement[];
  /** The party a sourced guide fields per subgroup; null when no guide states one. */
  readonly partyTemplate: PartyTemplate | null;
}

export interface RequirementsDataInfo {
  readonly version: string;
  readonly updated: string;
  readonly sources: readonly DataSource[];
}

type RawRequirement = {
  capability: string;
  scope: string;
  minSources: number;
  weight: number;
  label: string;
};
type RawMode = {
  label: string;
  basis: string;
  sources: readonly string[];
  requirements: readonly RawRequirement[];
  partyTemplate?: {
    basis: string;
    sources: readonly string[];
    slots: readonly { elite: string | null; roleKey: string | null; for: string }[];
  };
};

function parseRequirement(raw: RawRequirement, where: string): ModeRequirement {
  const { capability, scope } = raw;
  if (!isCapability(capability)) throw new Error(`${where}: unknown capability ${capability}`);
  if (!(REQUIREMENT_SCOPES as readonly string[]).includes(scope)) {
    throw new Error(`${where}: unknown scope ${scope}`);
  }
  if (!Number.isInteger(raw.minSources) || raw.minSources < 1) {
    throw new Error(`${where}: minSources must be a positive integer`);
  }
  if (!(raw.weight > 0)) throw new Error(`${where}: weight must be positive`);
  return Object.freeze({
    capability,
    scope: scope as RequirementScope, // checked just above
    minSources: raw.minSources,
    weight: raw.weight,
    label: raw.label,
  });
}

const sources: readonly DataSource[] = Object.freeze(
  requirementsData.sources.map((s: DataSource) => Object.freeze({ ...s })),
);
const sourceIds = new Set(sources.map((s) => s.id));
const rawModes: Partial<Record<string, RawMode>> = requirementsData.modes;

function checkSources(list: readonly string[], where: string): void {
  if (list.length === 0) throw new Error(`${where}: no source`);
  for (const source of list) {
    if (!sourceIds.has(source)) throw new Error(`${where}: unknown source ${source}`);
  }
}

function parsePartyTemplate(raw: RawMode['partyTemplate'], where: string): PartyTemplate | null {
  if (!raw) return null;
  checkSources(raw.sources, where);
  if (raw.slots.length !== 5) throw new Error(`${where}: a party has 5 slots`);
  const slots = raw.slots.map((slot) => {
    if ((slot.elite === null) !== (slot.roleKey === null)) {
      throw new Error(`${where}: a slot names both an elite and its role, or neither`);
    }
    // Throws when roles.json has no such WvW role: the template only names sourced roles.
    if (slot.elite !== null && slot.roleKey !== null) {
      findRoleOption(slot.elite, 'WVW', slot.roleKey);
    }
    return Object.freeze({ elite: slot.elite, roleKey: slot.roleKey, for: slot.for });
  });
  return Object.freeze({
    basis: raw.basis,
    sources: Object.freeze([...raw.sources]),
    slots: Object.freeze(slots),
  });
}

function parseMode(mode: GameMode): ModeRequirements {
  const raw = rawModes[mode];
  if (!raw) throw new Error(`mode-requirements.json: no entry for ${mode}`);
  const requirements = raw.requirements.map((r) =>
    parseRequirement(r, `mode-requirements.json ${mode} ${r.capability}`),
  );
  const keys = new Set(requirements.map((r) => `${r.scope}:${r.capability}`));
  if (keys.size !== requirements.length) {
    throw new Error(`mode-requirements.json ${mode}: a capability is required twice in one scope`);
  }
  checkSources(raw.sources, `mode-requirements.json ${mode}`);
  return Object.freeze({
    mode,
    label: raw.label,
    basis: raw.basis,
    sources: Object.freeze([...raw.sources]),
    requirements: Object.freeze(requirements),
    partyTemplate: parsePartyTemplate(
      raw.partyTemplate,
      `mode-requirements.json ${mode} partyTemplate`,
    ),
  });
}

const byMode: ReadonlyMap<GameMode, ModeRequirements> = new Map(
  GAME_MODES.map((mode) => [mode, parseMode(mode)]),
);

export const requirementsDataInfo: RequirementsDataInfo = Object.freeze({
  version: requirementsData.version,
  updated: requirementsData.updated,
  sources,
});

/** The mode's requirements with its label and the reasoning behind them. */
export function modeRequirementsFor(mode: GameMode): ModeRequirements {
  const entry = byMode.get(mode);
  // Every GameMode was parsed at load, so a miss means a caller bypassed the type.
  if (!entry) throw new Error(`Unknown game mode ${String(mode)}`);
  return entry;
}

/** What the mode needs, per subgroup or per squad. */
export function requirementsFor(mode: GameMode): readonly ModeRequirement[] {
  return modeRequirementsFor(mode).requirements;
}
