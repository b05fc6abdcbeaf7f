/**
 * Recommended stat prefixes per role kind, from the versioned `data/stat-prefixes.json`.
 * Every prefix must name a stat combination of itemstats.json; the file is checked at load.
 */
import statPrefixData from '../data/stat-prefixes.json' with { type: 'json' };
import itemStats from '../data/itemstats.json' with { type: 'json' };
import type { DamageType, DataSource, RoleContext, RoleKind, RoleOption } from '../roles/index.js';

export interface StatPrefixRecommendation {
  /** `<context>-<kind>[-<damage>]`, e.g. `pve-dps-power`, `wvw-heal`. */
  readonly key: string;
  /** itemstats names, e.g. "Berserker's". */
  readonly prefixes: readonly string[];
  readonly sources: readonly string[];
}

export interface StatPrefixDataInfo {
  readonly version: string;
  readonly updated: string;
  readonly sources: readonly DataSource[];
}

const KIND_SLUGS: Readonly<Record<RoleKind, string>> = {
  DPS: 'dps',
  BOON_DPS: 'boon-dps',
  HEAL: 'heal',
  SUPPORT: 'support',
};
const DAMAGE_SLUGS: Readonly<Record<DamageType, string>> = {
  POWER: 'power',
  CONDITION: 'condition',
};
const ALL_DAMAGE: readonly DamageType[] = ['POWER', 'CONDITION'];

const knownPrefixes = new Set(itemStats.map((s) => s.name));
const sources: readonly DataSource[] = Object.freeze(
  statPrefixData.sources.map((s: DataSource) => Object.freeze({ ...s })),
);
const sourceIds = new Set(sources.map((s) => s.id));
const rawByRole: Record<string, { prefixes: readonly string[]; sources: readonly string[] }> =
  statPrefixData.byRole;

const byKey: ReadonlyMap<string, StatPrefixRecommendation> = new Map(
  Object.entries(rawByRole).map(([key, raw]) => {
    for (const prefix of raw.prefixes) {
      if (!knownPrefixes.has(prefix))
        throw new Error(`stat-prefixes.json ${key}: unknown prefix ${prefix}`);
    }
    for (const source of raw.sources) {
      if (!sourceIds.has(source))
        throw new Error(`stat-prefixes.json ${key}: unknown source ${source}`);
    }
    if (raw.sources.length === 0) throw new Error(`stat-prefixes.json ${key}: no source`);
    const recommendation: StatPrefixRecommendation = Object.freeze({
      key,
      prefixes: Object.freeze([...raw.prefixes]),
      sources: Object.freeze([...raw.sources]),
    });
    return [key, recommendation];
  }),
);

export const statPrefixDataInfo: StatPrefixDataInfo = Object.freeze({
  version: statPrefixData.version,
  updated: statPrefixData.updated,
  sources,
});

export function listStatPrefixRecommendations(): readonly StatPrefixRecommendation[] {
  return [...byKey.values()];
}

/**
 * Prefixes for a role option. Where the data splits a kind by damage type and the roles
 * data does not say which the role uses, both lists are returned so the caller can show
 * "power: ..., condition: ...". Empty when the data has nothing for the role kind.
 */
export function statPrefixesFor(
  option: Pick<RoleOption, 'kind' | 'damage'>,
  context: RoleContext,
): readonly StatPrefixRecommendation[] {
  const base = `${context === 'PVE' ? 'pve' : 'wvw'}-${KIND_SLUGS[option.kind]}`;
  const byDamage = (option.damage ?? ALL_DAMAGE)
    .map((damage) => byKey.get(`${base}-${DAMAGE_SLUGS[damage]}`))
    .filter((r): r is StatPrefixRecommendation => r !== undefined);
  if (byDamage.length > 0) return byDamage;
  const general = byKey.get(base);
  return general ? [general] : [];
}
