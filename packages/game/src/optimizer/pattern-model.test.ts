import { describe, expect, it } from 'vitest';
import type { Capability } from '../model.js';
import { enumeratePatterns } from './pattern-model.js';
import { prepareProblem } from './problem.js';
import type { OptimizerRequirement } from './types.js';

const requirement = (capability: Capability, minSources: number): OptimizerRequirement => ({
  capability,
  scope: 'SUBGROUP',
  minSources,
  weight: 1,
  label: capability,
});

function problemWith(provides: Capability[][], requirements: OptimizerRequirement[]) {
  return prepareProblem({
    gameMode: 'RAID',
    size: 10,
    requirements,
    pool: {
      kind: 'META',
      options: provides.map((caps, i) => ({
        buildId: `o${i}`,
        label: `o${i}`,
        specialization: `s${i}`,
        roleKey: 'r',
        provides: caps,
      })),
    },
  });
}

describe('enumeratePatterns', () => {
  it('lists exactly the minimal bundle multisets that earn coverage', () => {
    // Bundles: [QUICKNESS], [QUICKNESS, ALACRITY], [ALACRITY]; alacrity needs two sources.
    const problem = problemWith(
      [['QUICKNESS'], ['QUICKNESS', 'ALACRITY'], ['ALACRITY'], ['DAMAGE']],
      [requirement('QUICKNESS', 1), requirement('ALACRITY', 2)],
    );
    const bundleOf = (caps: string) => problem.bundles.findIndex((b) => b.join(',') === caps);
    const [q, qa, a] = [
      bundleOf('QUICKNESS'),
      bundleOf('ALACRITY,QUICKNESS'),
      bundleOf('ALACRITY'),
    ];
    const show = (counts: readonly number[]) =>
      [`q${counts[q] ?? 0}`, `qa${counts[qa] ?? 0}`, `a${counts[a] ?? 0}`].join(' ');
    const patterns = enumeratePatterns(problem) ?? [];
    expect(patterns.map((p) => show(p.counts)).sort()).toEqual(
      [
        'q1 qa0 a0',
        'q0 qa1 a0',
        'q0 qa0 a1',
        'q1 qa0 a1',
        'q0 qa2 a0',
        'q0 qa1 a1',
        'q0 qa0 a2',
        'q1 qa0 a2',
        // A second qa is redundant for quickness but needed for the second alacrity source.
      ].sort(),
    );
    // Bundle-less options (pure damage here) never enter a pattern.
    expect(problem.bundles.some((b) => b.length === 0)).toBe(true);
  });

  it('gives up beyond the limit so the optimizer can fall back to the bundle model', () => {
    const problem = problemWith(
      [['QUICKNESS'], ['ALACRITY'], ['HEALING'], ['MIGHT']],
      [
        requirement('QUICKNESS', 2),
        requirement('ALACRITY', 2),
        requirement('HEALING', 1),
        requirement('MIGHT', 1),
      ],
    );
    expect(enumeratePatterns(problem)?.length).toBeGreaterThan(5);
    expect(enumeratePatterns(problem, 5)).toBeNull();
  });
});
