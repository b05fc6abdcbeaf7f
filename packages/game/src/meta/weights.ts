/**
 * Optimizer preference weights from the meta (docs/LEARNING.md has the reasoning):
 *
 *   uses(p)       = saved builds of pair p in the mode + members of real teams playing p
 *   popularity(p) = uses(p) / max over eligible pairs of uses
 *   approval(p)   = (positive(p) + 1) / (positive(p) + negative(p) + 2)
 *                   positive: applied or thumbed-up plans containing p; negative: discarded or
 *                   thumbed-down ones (a Laplace-smoothed rate: 0.5 without any signal)
 *   weight(p)     = min(CAP, round(CAP × popularity(p) × 2 × approval(p))),  CAP = 5
 *
 * Eligible: a known role, and at least `minSample` distinct players behind the pair (the
 * privacy threshold: a weight never reflects one player's choices); others weigh 0.
 *
 * The weight becomes the option's priority, which the optimizer ranks in its preference tier,
 * strictly below coverage and balance: popularity only chooses between plans that cover and
 * balance equally well. The cap keeps the learned part of that tier bounded (at most 5 of the
 * 0..9 priority scale) however lopsided the data, and lets approval lift a pair only up to it.
 */
import type { EliteRoleShare, PreferenceWeight } from './types.js';

/** The largest weight the pipeline gives (the optimizer accepts priorities 0..9). */
export const MAX_PREFERENCE_WEIGHT = 5;

export function preferenceWeights(
  pairs: readonly EliteRoleShare[],
  minSample: number,
): PreferenceWeight[] {
  const eligible = pairs.filter(
    (pair): pair is EliteRoleShare & { roleKey: string } =>
      pair.roleKey !== null && pair.owners >= minSample && pair.builds + pair.teamSlots > 0,
  );
  const maxUses = Math.max(0, ...eligible.map((pair) => pair.builds + pair.teamSlots));
  return eligible
    .map((pair) => {
      const popularity = (pair.builds + pair.teamSlots) / maxUses;
      const approval = (pair.positive + 1) / (pair.positive + pair.negative + 2);
      const weight = Math.min(
        MAX_PREFERENCE_WEIGHT,
        Math.round(MAX_PREFERENCE_WEIGHT * popularity * 2 * approval),
      );
      return {
        specialization: pair.specialization,
        roleKey: pair.roleKey,
        weight,
        popularity,
        approval,
      };
    })
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        b.popularity - a.popularity ||
        a.specialization.localeCompare(b.specialization) ||
        a.roleKey.localeCompare(b.roleKey),
    );
}

/** A lookup from (specialization, role) to the weight: 0 for pairs the snapshot does not rank. */
export function weightLookup(
  weights: readonly PreferenceWeight[],
): (specialization: string, roleKey: string) => number {
  const byPair = new Map(weights.map((w) => [`${w.specialization}/${w.roleKey}`, w.weight]));
  return (specialization, roleKey) => byPair.get(`${specialization}/${roleKey}`) ?? 0;
}
