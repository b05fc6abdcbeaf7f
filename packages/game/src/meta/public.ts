/**
 * What everyone may see of a mode's meta: only aggregates at least `minSample` distinct players
 * contributed to, so no single player's builds, teams or plans can be singled out. Below the
 * threshold for the whole mode, nothing but the threshold itself is shown.
 */
import type { Counted, ModeMeta } from './types.js';

export interface PublicMeta extends ModeMeta {
  /** False when fewer than `minSample` players contributed to the mode at all. */
  readonly enoughData: boolean;
  readonly minSample: number;
  /** Share of the uses in elite/role pairs hidden for having too few players. */
  readonly otherShare: number;
  /** Aggregates hidden for having too few players. */
  readonly hidden: number;
}

export function publicMeta(mode: ModeMeta, minSample: number): PublicMeta {
  let hidden = 0;
  const keep = <T extends Counted>(rows: readonly T[]): T[] =>
    rows.filter((row) => {
      const shown = row.owners >= minSample;
      if (!shown) hidden += 1;
      return shown;
    });
  if (mode.owners < minSample) {
    return {
      gameMode: mode.gameMode,
      builds: 0,
      teams: 0,
      members: 0,
      owners: 0,
      eliteRoles: [],
      subgroups: [],
      missing: [],
      acceptance: [],
      weights: [],
      enoughData: false,
      minSample,
      otherShare: 0,
      hidden: 0,
    };
  }
  const eliteRoles = keep(mode.eliteRoles);
  const subgroups = keep(mode.subgroups).map((subgroup) => ({
    ...subgroup,
    roles: keep(subgroup.roles),
    requirements: keep(subgroup.requirements),
  }));
  const shown = eliteRoles.reduce((sum, row) => sum + row.share, 0);
  return {
    ...mode,
    eliteRoles,
    subgroups,
    missing: keep(mode.missing),
    acceptance: keep(mode.acceptance),
    enoughData: true,
    minSample,
    otherShare: eliteRoles.length === mode.eliteRoles.length ? 0 : Math.max(0, 1 - shown),
    hidden,
  };
}
