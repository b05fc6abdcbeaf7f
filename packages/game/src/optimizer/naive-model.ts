/**
 * NAIVE formulation (benchmark and test baseline): y[o,g] per option and subgroup, no
 * aggregation, no symmetry breaking. Same objective as the others.
 */
import { SUBGROUP_SIZE } from '../model.js';
import { LpWriter, type Term } from './lp.js';
import {
  addSelectionRules,
  addSubgroupBalance,
  addSubgroupCoverage,
  shapeValues,
  type MipModel,
} from './mip-model.js';
import type { PreparedProblem } from './problem.js';
import type { Placement } from './score.js';

export function buildNaiveModel(problem: PreparedProblem): MipModel {
  const lp = new LpWriter();
  const range = Array.from({ length: problem.subgroupCount }, (_, g) => g);
  const y = (option: number, g: number) => `y${option}_${g}`;
  const z = (group: number, g: number) => `z${group}_${g}`;
  const locks = new Map<string, number>();
  for (const lock of problem.locks) {
    const key = `${lock.option}_${lock.subgroup}`;
    locks.set(key, (locks.get(key) ?? 0) + 1);
  }

  for (const option of problem.options) {
    for (const g of range) {
      const locked = locks.get(`${option.index}_${g}`) ?? 0;
      if (option.owner !== null && locked === 0) lp.binary(y(option.index, g));
      else lp.integer(y(option.index, g), locked, option.owner === null ? SUBGROUP_SIZE : 1);
    }
  }
  addSelectionRules(problem, lp, (option) => range.map((g) => y(option, g)));
  for (const g of range) {
    const size = problem.options.map((o): Term => [1, y(o.index, g)]);
    lp.addRow(`room${g}`, size, '<=', SUBGROUP_SIZE);
    const providers = (capability: string) =>
      problem.options
        .filter((o) => o.provides.has(capability as never))
        .map((o): Term => [1, y(o.index, g)]);
    const covered = addSubgroupCoverage(problem, lp, g, providers);
    addSubgroupBalance(problem, lp, g, size, 0, covered);
  }
  problem.together.forEach((players, k) => {
    for (const g of range) lp.binary(z(k, g));
    lp.addRow(
      `zone${k}`,
      range.map((g): Term => [1, z(k, g)]),
      '<=',
      1,
    );
    for (const player of players) {
      for (const g of range) {
        const options = problem.optionsByPlayer[player] ?? [];
        lp.addRow(
          `tz${player}_${g}`,
          [...options.map((o): Term => [1, y(o, g)]), [-1, z(k, g)]],
          '<=',
          0,
        );
      }
    }
  });

  return {
    formulation: 'NAIVE',
    lp,
    decode(value) {
      const placements: Placement[] = [];
      const lockedLeft = new Map(locks);
      for (const option of problem.options) {
        for (const g of range) {
          const count = Math.round(value(y(option.index, g)));
          for (let copy = 0; copy < count; copy += 1) {
            const key = `${option.index}_${g}`;
            const locked = (lockedLeft.get(key) ?? 0) > 0;
            if (locked) lockedLeft.set(key, (lockedLeft.get(key) ?? 0) - 1);
            placements.push({ option: option.index, subgroup: g, locked });
          }
        }
      }
      return placements;
    },
    encode(placements) {
      const values = new Map<string, number>();
      for (const option of problem.options)
        for (const g of range) values.set(y(option.index, g), 0);
      for (const p of placements) {
        values.set(y(p.option, p.subgroup), (values.get(y(p.option, p.subgroup)) ?? 0) + 1);
      }
      problem.together.forEach((players, k) => {
        for (const g of range) {
          const here = placements.some(
            (p) => p.subgroup === g && players.includes(problem.options[p.option]?.owner ?? -1),
          );
          values.set(z(k, g), here ? 1 : 0);
        }
      });
      shapeValues(problem, placements, values, range);
      return values;
    },
  };
}
