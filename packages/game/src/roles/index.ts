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
export { GameInputError, RoleLookupError, type UnknownSpecializationReason } from './errors.js';
