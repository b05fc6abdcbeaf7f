/**
 * Optimizer benchmark: solve time, optimality and plan quality of the production MIP against
 * the greedy baseline and two plainer MIP formulations, on seeded random instances.
 *
 *   SWC_NODE_PROJECT=packages/game/bench/tsconfig.json \
 *     node --import @swc-node/register/esm-register packages/game/bench/optimizer.bench.ts [instances]
 *
 * Times are wall-clock per call, measured after a warm-up (the first call also loads the
 * HiGHS WebAssembly module and JIT-compiles the model builders; that cost is printed separately).
 */
import os from 'node:os';
import {
  ZERG_META_POOL,
  ZERG_REQUIREMENTS,
  randomRoster,
  raidRosterInstance,
  zergMetaInstance,
  zergRosterInstance,
} from '../src/optimizer/fixtures.js';
import { greedySquad, optimizeSquad } from '../src/optimizer/index.js';
import type { MipFormulation, PlanScore, SquadOptimizationInput } from '../src/optimizer/index.js';
import { solveMip } from '../src/optimizer/optimizer.js';
import { prepareProblem } from '../src/optimizer/problem.js';
import { compareScores, scorePlan } from '../src/optimizer/score.js';

interface Scenario {
  readonly name: string;
  readonly make: (seed: number) => SquadOptimizationInput;
  /** Run the plainer MIP formulations too (skipped where they would only hit the time limit). */
  readonly baselines: boolean;
}

interface Run {
  readonly ms: number;
  /** The full lexicographic score (coverage and fill, then balance and priorities). */
  readonly score: PlanScore;
  readonly objective: number;
  readonly coverage: number;
  readonly optimal: boolean;
  readonly gap: number | null;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'raid 10 from 12 players',
    make: (seed) => raidRosterInstance(seed, 12),
    baselines: true,
  },
  {
    name: 'zerg 50 from 80 players (1-3 options)',
    make: (seed) => zergRosterInstance(seed, 80),
    baselines: true,
  },
  { name: 'zerg 50 from the meta pool', make: (seed) => zergMetaInstance(seed), baselines: true },
  {
    name: 'zerg 50 from 30 players (balance decides)',
    make: (seed) => zergRosterInstance(seed, 30),
    baselines: true,
  },
  {
    name: 'stress: zerg 50 from 100 players × 10 options',
    make: (seed) => ({
      gameMode: 'ZERG',
      size: 50,
      requirements: ZERG_REQUIREMENTS,
      pool: {
        kind: 'ROSTER',
        players: randomRoster(
          { players: 100, minOptions: 10, maxOptions: 10, pool: ZERG_META_POOL, dpsShare: 0.5 },
          seed,
        ),
      },
    }),
    baselines: false,
  },
];

const instances = Number(process.argv[2] ?? 20);

/** The machine is shared: figures mean little without the load they were measured under. */
function loadLine(): string {
  const [one, five, fifteen] = os.loadavg().map((value) => value.toFixed(2));
  return `Load average ${one} ${five} ${fifteen}`;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const coverageOf = (score: { coveredSources: number; requiredSources: number }) =>
  score.requiredSources === 0 ? 1 : score.coveredSources / score.requiredSources;

async function production(input: SquadOptimizationInput): Promise<Run> {
  const plan = await optimizeSquad(input);
  return {
    ms: plan.solveTimeMs,
    score: plan.score,
    objective: plan.objectiveValue,
    coverage: coverageOf(plan.score),
    optimal: plan.status === 'OPTIMAL',
    gap: plan.mipGap,
  };
}

function greedy(input: SquadOptimizationInput): Run {
  const started = performance.now();
  const plan = greedySquad(input);
  return {
    ms: performance.now() - started,
    score: plan.score,
    objective: plan.objectiveValue,
    coverage: coverageOf(plan.score),
    optimal: false,
    gap: null,
  };
}

/** A plainer formulation, cold (no warm start), through the same solver settings. */
async function baseline(input: SquadOptimizationInput, formulation: MipFormulation): Promise<Run> {
  const startedAt = performance.now();
  const problem = prepareProblem(input);
  const outcome = await solveMip(problem, {
    formulation,
    warmStart: null,
    timeLimitMs: 2000,
    startedAt,
    onProgress: undefined,
  });
  const ms = performance.now() - startedAt;
  const score = scorePlan(problem, outcome.placements ?? []);
  return {
    ms,
    score,
    objective: score.objective,
    coverage: coverageOf(score),
    optimal: outcome.status === 'OPTIMAL',
    gap: outcome.gap,
  };
}

const METHODS: Readonly<Record<string, (input: SquadOptimizationInput) => Promise<Run>>> = {
  'MIP (pattern, warm start)': production,
  greedy: (input) => Promise.resolve(greedy(input)),
  'MIP (pattern, cold)': (input) => baseline(input, 'PATTERN'),
  'MIP (bundle)': (input) => baseline(input, 'BUNDLE'),
  'MIP (naive)': (input) => baseline(input, 'NAIVE'),
};
const BASELINES = new Set(['MIP (pattern, cold)', 'MIP (bundle)', 'MIP (naive)']);

const format = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function methodsFor(scenario: Scenario) {
  return Object.entries(METHODS).filter(([name]) => scenario.baselines || !BASELINES.has(name));
}

function summarise(
  scenario: Scenario,
  name: string,
  list: readonly Run[],
  greedyRuns: readonly Run[],
): string {
  const times = list.map((r) => r.ms);
  const gaps = list.map((r) => r.gap).filter((g): g is number => g !== null);
  const objectiveRatios = list.map(
    (r, i) => r.objective / (greedyRuns[i]?.objective ?? r.objective),
  );
  // Better / worse by the full lexicographic objective, balance included.
  const order = list.map((r, i) => {
    const reference = greedyRuns[i]?.score;
    return reference === undefined ? 0 : Math.sign(compareScores(r.score, reference));
  });
  const better = order.filter((sign) => sign > 0).length;
  const worse = order.filter((sign) => sign < 0).length;
  const coverageRatio = mean(
    list.map((r, i) => r.coverage / (greedyRuns[i]?.coverage ?? r.coverage)),
  );
  const isGreedy = name === 'greedy';
  const cells = [
    scenario.name,
    name,
    format(percentile(times, 50)),
    format(percentile(times, 95)),
    format(Math.max(...times)),
    isGreedy ? '—' : `${list.filter((r) => r.optimal).length}/${list.length}`,
    gaps.length === 0 ? '—' : Math.max(...gaps).toExponential(1),
    `${(mean(list.map((r) => r.coverage)) * 100).toFixed(1)}%`,
    isGreedy ? '—' : coverageRatio.toFixed(4),
    isGreedy ? '—' : mean(objectiveRatios).toFixed(4),
    isGreedy ? '—' : `${better} / ${list.length - better - worse} / ${worse}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const coldStart = performance.now();
  await optimizeSquad(raidRosterInstance(999));
  const coldMs = performance.now() - coldStart;
  // Warm-up on seeds outside the measured range.
  for (const scenario of SCENARIOS) {
    for (let seed = 1000; seed < 1003; seed += 1) {
      for (const [, method] of methodsFor(scenario)) await method(scenario.make(seed));
    }
  }

  console.log('# Optimizer benchmark\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `${os.cpus().length} × ${cpu}, Node ${process.version}, ${instances} seeded instances per scenario.`,
  );
  console.log(`${loadLine()} before the measured rounds.`);
  console.log(
    `First call in a fresh process (loads HiGHS WebAssembly, cold JIT): ${format(coldMs)} ms.\n`,
  );
  console.log(
    '| scenario | method | median ms | p95 ms | max ms | proven optimal | max gap | coverage | coverage vs greedy | objective vs greedy | better / equal / worse |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const scenario of SCENARIOS) {
    const runs = new Map<string, Run[]>();
    for (let seed = 1; seed <= instances; seed += 1) {
      const input = scenario.make(seed);
      // Interleave the methods so machine noise hits them alike.
      for (const [name, method] of methodsFor(scenario)) {
        const list = runs.get(name) ?? [];
        list.push(await method(input));
        runs.set(name, list);
      }
    }
    const greedyRuns = runs.get('greedy') ?? [];
    for (const [name, list] of runs) console.log(summarise(scenario, name, list, greedyRuns));
  }
  console.log(`\n${loadLine()} after the measured rounds.`);
}

await main();
