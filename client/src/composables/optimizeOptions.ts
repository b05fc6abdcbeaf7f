/**
 * The Optimize panel's options as the player sets them, and the `optimizeSquad` input they make.
 * Defaults send nothing, so a plain Optimize asks exactly what it always asked.
 */
import type { Capability } from '@gw2/game';
import type { LockedMemberInput, SquadPreferencesInput } from '../gql/graphql';

/** Players sharing a letter are kept together. */
export const TOGETHER_GROUPS = ['A', 'B', 'C', 'D'] as const;

/** Requirement priorities as a commander names them, with the weight each one stands for. */
export const PRIORITIES = [
  { key: 'ESSENTIAL', label: 'Essential', weight: 3 },
  { key: 'IMPORTANT', label: 'Important', weight: 2 },
  { key: 'NICE', label: 'Nice to have', weight: 1 },
  { key: 'IGNORE', label: 'Ignore', weight: 0 },
] as const;
export type PriorityKey = (typeof PRIORITIES)[number]['key'];

export interface OptimizeChoices {
  /** 0..1; 1 (default) balances before every priority. */
  balanceWeight: number;
  /** null: every subgroup the size calls for. */
  maxSubgroups: number | null;
  /** Per capability; absent: the mode's own priority. */
  priorities: Partial<Record<Capability, PriorityKey>>;
  /** Player name → subgroup it is locked in. */
  locks: Record<string, number>;
  /** Player name → group letter. */
  together: Record<string, string>;
}

export function defaultChoices(): OptimizeChoices {
  return { balanceWeight: 1, maxSubgroups: null, priorities: {}, locks: {}, together: {} };
}

export interface OptimizeOptionsInput {
  preferences?: SquadPreferencesInput;
  locked?: LockedMemberInput[];
}

/** The `preferences` and `locked` parts of the input; empty when every choice is the default. */
export function optimizeInputOf(choices: OptimizeChoices): OptimizeOptionsInput {
  const preferences: SquadPreferencesInput = {};
  const weights = Object.entries(choices.priorities).flatMap(([capability, key]) => {
    const priority = PRIORITIES.find((p) => p.key === key);
    return priority ? [{ capability: capability as Capability, weight: priority.weight }] : [];
  });
  if (weights.length > 0) preferences.weights = weights;
  if (choices.balanceWeight !== 1) preferences.balanceWeight = choices.balanceWeight;
  if (choices.maxSubgroups !== null) preferences.maxSubgroups = choices.maxSubgroups;
  const groups = TOGETHER_GROUPS.map((letter) =>
    Object.entries(choices.together)
      .filter(([, group]) => group === letter)
      .map(([name]) => name),
  ).filter((names) => names.length > 1);
  if (groups.length > 0) preferences.keepTogether = groups;
  const locked = Object.entries(choices.locks).map(([playerName, subgroup]) => ({
    playerName,
    subgroup,
  }));
  return {
    ...(Object.keys(preferences).length > 0 ? { preferences } : {}),
    ...(locked.length > 0 ? { locked } : {}),
  };
}
