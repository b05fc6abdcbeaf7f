/** Role options per elite specialization and context, from versioned data. */
export {
  DAMAGE_TYPES,
  ROLE_CONTEXTS,
  ROLE_KINDS,
  eliteRolesFor,
  findRoleOption,
  listEliteRoles,
  listRoleOptions,
  rolesDataInfo,
  rolesFor,
  type DamageType,
  type DataSource,
  type EliteRoles,
  type ListedRoleOption,
  type RoleContext,
  type RoleKind,
  type RoleOption,
  type RolesDataInfo,
} from './roles.js';
export {
  MIN_SUPPORT_SCORE,
  inferRole,
  markersFoundIn,
  type InferenceConfidence,
  type RoleCandidate,
  type RoleEvidence,
  type RoleInference,
} from './inference.js';
export { MARKER_KINDS, type MarkerKind, type RoleMarker } from './markers.js';
export {
  resolveRole,
  type ResolvedRole,
  type RoleResolutionInput,
  type RoleSource,
} from './resolve.js';
export { GameInputError, RoleLookupError, type UnknownSpecializationReason } from './errors.js';
