/** Squad coverage against game-mode requirements, and synergy of a few specializations. */
export {
  computeCoverage,
  type CapabilityCoverage,
  type CoverageGap,
  type CoverageInput,
  type CoverageMember,
  type SquadCapabilityTotal,
  type SquadCoverage,
  type SubgroupCoverage,
} from './coverage.js';
export { CoverageInputError, type CoverageInputErrorReason } from './errors.js';
export {
  capabilitiesFor,
  roleOptionsForBuild,
  sortCapabilities,
  traitBoons,
  type BuildCapabilitiesInput,
} from './capabilities.js';
export { gapMessage, providerNoun } from './messages.js';
export {
  REQUIREMENT_SCOPES,
  modeRequirementsFor,
  requirementsDataInfo,
  requirementsFor,
  type ModeRequirement,
  type ModeRequirements,
  type PartyTemplate,
  type PartyTemplateSlot,
  type RequirementScope,
  type RequirementsDataInfo,
} from './requirements.js';
export {
  SYNERGY_MAX_ENTRIES,
  SYNERGY_MIN_ENTRIES,
  SynergyInputError,
  analyzeSynergy,
  type RequirementStatus,
  type SynergyEntry,
  type SynergyEntryResult,
  type SynergyInput,
  type SynergyInputErrorReason,
  type SynergyPickBasis,
  type SynergyResult,
} from './synergy.js';
