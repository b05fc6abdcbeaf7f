/** Advice for one build in a game mode: roles, served requirements, trait and stat suggestions. */
export {
  BuildAdviceInputError,
  MAX_BUILD_SPECIALIZATIONS,
  adviseBuild,
  type BuildAdvice,
  type BuildAdviceInput,
  type BuildAdviceInputErrorReason,
  type BuildSpecializationInput,
  type RoleStatPrefixes,
  type ServedRequirement,
  type TierName,
  type TraitSuggestion,
} from './advice.js';
export {
  listStatPrefixRecommendations,
  statPrefixDataInfo,
  statPrefixesFor,
  type StatPrefixDataInfo,
  type StatPrefixRecommendation,
} from './stat-prefixes.js';
