/**
 * Realistic pools and seeded random instances shared by the tests and the benchmark.
 * Not part of the public entry point.
 */
import type { Capability } from '../model.js';
import type {
  CandidateOption,
  OptimizerRequirement,
  RosterPlayer,
  SquadOptimizationInput,
} from './types.js';

/** Small deterministic PRNG (mulberry32): same seed, same instance, on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function option(
  buildId: string,
  specialization: string,
  roleKey: string,
  provides: Capability[],
): CandidateOption {
  return { buildId, label: `${roleKey} ${specialization}`, specialization, roleKey, provides };
}

export const ZERG_META_POOL: readonly CandidateOption[] = [
  option('fb-stab', 'Firebrand', 'stab', ['STABILITY', 'AEGIS', 'CONDITION_CLEANSE', 'RESOLUTION']),
  option('scrapper-heal', 'Scrapper', 'heal', ['HEALING', 'CONDITION_CLEANSE', 'SWIFTNESS']),
  option('herald-boon', 'Herald', 'boon', [
    'STABILITY',
    'PROTECTION',
    'FURY',
    'MIGHT',
    'SWIFTNESS',
  ]),
  option('scourge-strip', 'Scourge', 'strip', ['BOON_STRIP', 'CONDITION_CLEANSE', 'DAMAGE']),
  option('spellbreaker-strip', 'Spellbreaker', 'strip', ['BOON_STRIP', 'DAMAGE']),
  option('tempest-heal', 'Tempest', 'heal', ['HEALING', 'CONDITION_CLEANSE', 'MIGHT', 'AEGIS']),
  option('reaper-dps', 'Reaper', 'dps', ['DAMAGE']),
  option('virtuoso-dps', 'Virtuoso', 'dps', ['DAMAGE']),
  option('willbender-dps', 'Willbender', 'dps', ['DAMAGE', 'SWIFTNESS']),
  option('dragonhunter-dps', 'Dragonhunter', 'dps', ['DAMAGE']),
];

export const ZERG_REQUIREMENTS: readonly OptimizerRequirement[] = [
  {
    capability: 'STABILITY',
    scope: 'SUBGROUP',
    minSources: 1,
    weight: 10,
    label: 'stability source',
  },
  { capability: 'HEALING', scope: 'SUBGROUP', minSources: 1, weight: 8, label: 'healer' },
  {
    capability: 'CONDITION_CLEANSE',
    scope: 'SUBGROUP',
    minSources: 2,
    weight: 5,
    label: 'cleanser',
  },
  { capability: 'BOON_STRIP', scope: 'SQUAD', minSources: 8, weight: 4, label: 'boon stripper' },
  { capability: 'DAMAGE', scope: 'SQUAD', minSources: 20, weight: 2, label: 'damage dealer' },
];

export const RAID_META_POOL: readonly CandidateOption[] = [
  option('qfb', 'Firebrand', 'quick-dps', ['QUICKNESS', 'STABILITY', 'AEGIS', 'DAMAGE']),
  option('heal-qfb', 'Firebrand', 'quick-heal', ['QUICKNESS', 'HEALING', 'AEGIS', 'STABILITY']),
  option('alac-mech', 'Mechanist', 'alac-dps', ['ALACRITY', 'MIGHT', 'DAMAGE']),
  option('heal-mech', 'Mechanist', 'alac-heal', ['ALACRITY', 'HEALING', 'MIGHT']),
  option('alac-ren', 'Renegade', 'alac-dps', ['ALACRITY', 'MIGHT', 'FURY', 'DAMAGE']),
  option('qherald', 'Herald', 'quick-dps', ['QUICKNESS', 'MIGHT', 'FURY', 'DAMAGE']),
  option('heal-druid', 'Druid', 'heal', ['HEALING', 'MIGHT', 'FURY']),
  option('heal-tempest', 'Tempest', 'alac-heal', ['ALACRITY', 'HEALING', 'MIGHT']),
  option('qscrapper', 'Scrapper', 'quick-dps', ['QUICKNESS', 'DAMAGE', 'SWIFTNESS']),
  option('virtuoso', 'Virtuoso', 'dps', ['DAMAGE']),
  option('weaver', 'Weaver', 'dps', ['DAMAGE']),
  option('soulbeast', 'Soulbeast', 'dps', ['DAMAGE', 'MIGHT']),
];

export const RAID_REQUIREMENTS: readonly OptimizerRequirement[] = [
  {
    capability: 'QUICKNESS',
    scope: 'SUBGROUP',
    minSources: 1,
    weight: 10,
    label: 'quickness source',
  },
  {
    capability: 'ALACRITY',
    scope: 'SUBGROUP',
    minSources: 1,
    weight: 10,
    label: 'alacrity source',
  },
  { capability: 'HEALING', scope: 'SUBGROUP', minSources: 1, weight: 8, label: 'healer' },
  { capability: 'MIGHT', scope: 'SUBGROUP', minSources: 1, weight: 3, label: 'might source' },
  { capability: 'DAMAGE', scope: 'SQUAD', minSources: 6, weight: 2, label: 'damage dealer' },
];

export interface RosterShape {
  readonly players: number;
  readonly minOptions: number;
  readonly maxOptions: number;
  /** Options each player draws from (without repetition). */
  readonly pool: readonly CandidateOption[];
  /** Chance that a drawn option is a DPS role rather than a support role. */
  readonly dpsShare: number;
}

/** A seeded random roster: each player gets a few distinct options from the pool. */
export function randomRoster(shape: RosterShape, seed: number): RosterPlayer[] {
  const random = seededRandom(seed);
  const dps = shape.pool.filter((o) => o.provides.length === 1 || o.roleKey.includes('dps'));
  const support = shape.pool.filter((o) => !dps.includes(o));
  return Array.from({ length: shape.players }, (_, p) => {
    const count =
      shape.minOptions + Math.floor(random() * (shape.maxOptions - shape.minOptions + 1));
    const chosen: CandidateOption[] = [];
    while (chosen.length < count) {
      const source = random() < shape.dpsShare ? dps : support;
      const pick = source[Math.floor(random() * source.length)];
      if (pick !== undefined && !chosen.includes(pick)) chosen.push(pick);
    }
    return {
      id: `p${p + 1}`,
      name: `Player ${p + 1}`,
      options: chosen.map((o) => ({ ...o, buildId: `${o.buildId}#${p + 1}` })),
    };
  });
}

export function raidRosterInstance(seed: number, players = 12): SquadOptimizationInput {
  return {
    gameMode: 'RAID',
    size: 10,
    requirements: RAID_REQUIREMENTS,
    pool: {
      kind: 'ROSTER',
      players: randomRoster(
        { players, minOptions: 1, maxOptions: 3, pool: RAID_META_POOL, dpsShare: 0.5 },
        seed,
      ),
    },
  };
}

export function zergRosterInstance(seed: number, players = 80): SquadOptimizationInput {
  return {
    gameMode: 'ZERG',
    size: 50,
    requirements: ZERG_REQUIREMENTS,
    pool: {
      kind: 'ROSTER',
      players: randomRoster(
        { players, minOptions: 1, maxOptions: 3, pool: ZERG_META_POOL, dpsShare: 0.55 },
        seed,
      ),
    },
  };
}

/** The meta pool with seeded per-option priorities, so instances differ from seed to seed. */
export function zergMetaInstance(seed: number): SquadOptimizationInput {
  const random = seededRandom(seed);
  return {
    gameMode: 'ZERG',
    size: 50,
    requirements: ZERG_REQUIREMENTS,
    pool: {
      kind: 'META',
      options: ZERG_META_POOL.map((o) => ({ ...o, priority: Math.floor(random() * 3) })),
    },
    preferences: { maxPerSpecialization: { Firebrand: 6 + Math.floor(random() * 5) } },
  };
}
