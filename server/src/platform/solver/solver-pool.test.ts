import { OptimizerInputError, type OptimizerProgressEvent } from '@gw2/game/optimizer';
import { afterAll, describe, expect, it } from 'vitest';
import { createSolverPool } from './solver-pool.js';

describe('solver pool', () => {
  const pool = createSolverPool({ threads: 1, idleTimeoutMs: 5_000 });
  afterAll(() => pool.close());

  it('solves on a thread and delivers every progress event before the result', async () => {
    const events: OptimizerProgressEvent[] = [];
    const { plan, coverage } = await pool.solve(
      { gameMode: 'RAID', size: 10 },
      { timeLimitMs: 5_000, onProgress: (event) => events.push(event) },
    );
    expect(plan.assignments).toHaveLength(10);
    expect(coverage.subgroups).toHaveLength(2);
    expect(events.map((event) => event.phase)).toContain('INCUMBENT_FOUND');
    expect(events.at(-1)?.phase).toMatch(/PROVEN_OPTIMAL|TIME_LIMIT/);
    expect(pool.stats().threads).toBe(1);
  });

  it('rebuilds an optimizer refusal as the same error class', async () => {
    const failure = pool.solve(
      { gameMode: 'RAID', size: 10, locked: [{ roleKey: 'no-such-role', subgroup: 1 }] },
      { timeLimitMs: 1_000 },
    );
    await expect(failure).rejects.toBeInstanceOf(OptimizerInputError);
  });

  it('stops a solve when aborted', async () => {
    const controller = new AbortController();
    const solving = pool.solve(
      { gameMode: 'ZERG', size: 50 },
      { timeLimitMs: 10_000, signal: controller.signal },
    );
    controller.abort();
    await expect(solving).rejects.toThrow();
    // The pool still works afterwards.
    const { plan } = await pool.solve({ gameMode: 'FRACTALS', size: 5 }, { timeLimitMs: 1_000 });
    expect(plan.assignments).toHaveLength(5);
  });
});
