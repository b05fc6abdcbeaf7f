/**
 * What each game mode needs from its squad, loaded from the versioned
 * `data/mode-requirements.json` and checked once at load.
 */
import requirementsData from '../data/mode-requirements.json' with { type: 'json' };
import { GAME_MODES, isCapability, type Capability, type GameMode } from '../model.js';
import type { DataSource } from '../roles/index.js';

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

export interface ModeRequirements {
  readonly mode: GameMode;
  /** How the mode is named in sentences ("raid", "WvW zerg"). */
  readonly label: string;
  /** Why the requirements are what they are, with what the sources say. */
  readonly basis: string;
  readonly sources: readonly string[];
  readonly requirements: readonly ModeRequirement[];
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
  for (const source of raw.sources) {
    if (!sourceIds.has(source))
      throw new Error(`mode-requirements.json ${mode}: unknown source ${source}`);
  }
  return Object.freeze({
    mode,
    label: raw.label,
    basis: raw.basis,
    sources: Object.freeze([...raw.sources]),
    requirements: Object.freeze(requirements),
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
