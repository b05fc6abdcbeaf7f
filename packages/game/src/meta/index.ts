/** The learning pipeline's pure core: streaming aggregation of the meta and the weights. */
export { MetaAggregator } from './aggregate.js';
export { MAX_PREFERENCE_WEIGHT, preferenceWeights, weightLookup } from './weights.js';
export { publicMeta, type PublicMeta } from './public.js';
export * from './types.js';
