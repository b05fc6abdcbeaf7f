/**
 * Exact squad optimiser: assigns players (or meta roles) to subgroups of five so the squad's
 * requirements are covered, solving a mixed-integer program with HiGHS (WebAssembly).
 */
export { optimizeSquad, greedySquad, DEFAULT_TIME_LIMIT_MS } from './optimizer.js';
export { OptimizerInputError } from './errors.js';
export type { OptimizerInputErrorCode } from './errors.js';
export {
  MAX_PLAYERS,
  MAX_OPTIONS_PER_PLAYER,
  MAX_META_OPTIONS,
  MAX_PRIORITY,
  MAX_WEIGHT,
} from './problem.js';
export type * from './types.js';
export type * from './explanation-types.js';
export { OBJECTIVE_ORDER } from './explanation-types.js';
export {
  metaPoolFor,
  modeRequirements,
  planCoverage,
  planForMode,
  suggestionPoolFor,
} from './game-data.js';
export type { ModePlanRequest } from './game-data.js';
