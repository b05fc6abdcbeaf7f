/**
 * The learning pipeline's preference weights as the optimizer uses them: each option's priority
 * is the weight of its (specialization, role) pair in the meta snapshot in force (pinned, else
 * the newest not rolled back). Priorities rank only in the optimizer's last tier, below coverage,
 * fill and balance, so popularity chooses between plans that are otherwise equally good.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { weightLookup, type GameMode } from '@gw2/game';
import { MetaService } from '../meta/meta.service.js';

export interface LearnedPreferences {
  /** The snapshot the weights come from; null when none is in force. */
  readonly snapshotVersion: number | null;
  /** 0..MAX_PREFERENCE_WEIGHT for a pair, 0 for pairs the snapshot does not rank. */
  readonly weightOf: (specialization: string, roleKey: string) => number;
}

export const NO_LEARNED_PREFERENCES: LearnedPreferences = {
  snapshotVersion: null,
  weightOf: () => 0,
};

/** The weights in force for `gameMode`, read once per plan. */
export async function learnedPreferences(
  em: EntityManager,
  gameMode: GameMode,
): Promise<LearnedPreferences> {
  const { version, weights } = await new MetaService(em).weightsInForce(gameMode);
  if (version === null) return NO_LEARNED_PREFERENCES;
  return { snapshotVersion: version, weightOf: weightLookup(weights) };
}
