/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The 12 boons of Guild Wars 2 */
export type Boon =
  | 'AEGIS'
  | 'ALACRITY'
  | 'FURY'
  | 'MIGHT'
  | 'PROTECTION'
  | 'QUICKNESS'
  | 'REGENERATION'
  | 'RESISTANCE'
  | 'RESOLUTION'
  | 'STABILITY'
  | 'SWIFTNESS'
  | 'VIGOR';

export type BuildFilter = {
  gameMode?: GameMode | null | undefined;
  owner?: BuildOwnerFilter | null | undefined;
  profession?: string | number | null | undefined;
  /** A declared role key */
  role?: string | null | undefined;
  /** Part of the name, ignoring case */
  search?: string | null | undefined;
  /** Builds with this specialization in a line */
  specialization?: number | null | undefined;
};

/** ME: all my builds (sign-in needed). ANY: public builds plus my own */
export type BuildOwnerFilter =
  | 'ANY'
  | 'ME';

export type BuildSkillsInput = {
  land?: SkillBarInput | null | undefined;
  water?: SkillBarInput | null | undefined;
};

export type BuildSpecializationInput = {
  /** Specialization id; 0 for an empty line */
  id: number;
  /** Adept, master, grandmaster: 0 none, 1-3 top to bottom */
  traitChoices: Array<number>;
};

/** PRIVATE: owner only. UNLISTED: anyone with the id. PUBLIC: listed for everyone */
export type BuildVisibility =
  | 'PRIVATE'
  | 'PUBLIC'
  | 'UNLISTED';

/** Anything a member brings to a subgroup: a boon or a support function */
export type Capability =
  | 'AEGIS'
  | 'ALACRITY'
  | 'BOON_STRIP'
  | 'CONDITION_CLEANSE'
  | 'DAMAGE'
  | 'FURY'
  | 'HEALING'
  | 'MIGHT'
  | 'PROTECTION'
  | 'QUICKNESS'
  | 'REGENERATION'
  | 'RESISTANCE'
  | 'RESOLUTION'
  | 'STABILITY'
  | 'SWIFTNESS'
  | 'VIGOR';

/** Either `chatCode` or `profession` (with the other template fields) */
export type CreateBuildInput = {
  /** A build chat code ([&DQ...]); the template fields are derived from it */
  chatCode?: string | null | undefined;
  gameModes?: Array<GameMode> | null | undefined;
  name: string;
  /** Markdown, at most 10 kB */
  notes?: string | null | undefined;
  /** Profession id or name; with specializations, skills and weapons instead of a chat code */
  profession?: string | number | null | undefined;
  /** Role keys of the elite's role options */
  roles?: Array<string> | null | undefined;
  skills?: BuildSkillsInput | null | undefined;
  /** Up to three lines; an elite only in the third */
  specializations?: Array<BuildSpecializationInput> | null | undefined;
  /** Item stat name, e.g. "Berserker" */
  statPrefix?: string | null | undefined;
  visibility?: BuildVisibility | null | undefined;
  weapons?: Array<number> | null | undefined;
};

/** Which PostgreSQL the server runs on */
export type DatabaseKind =
  | 'EMBEDDED'
  | 'POSTGRES';

export type GameMode =
  | 'FRACTALS'
  | 'HAVOC'
  | 'RAID'
  | 'ROAMING'
  | 'STRIKES'
  | 'ZERG';

/** Which role table applies: PvE presets or WvW guides */
export type RoleContext =
  | 'PVE'
  | 'WVW';

export type RoleKind =
  | 'BOON_DPS'
  | 'DPS'
  | 'HEAL'
  | 'SUPPORT';

export type SkillBarInput = {
  elite: number;
  heal: number;
  utilities: Array<number>;
};

export type BuildCard_BuildFragment = { id: string, name: string, chatCode: string, gameModes: Array<GameMode>, visibility: BuildVisibility, providedBoons: Array<Boon>, owner: { id: string, username: string }, profession: { id: string, name: string, icon: string }, specializations: Array<{ specialization: { id: number, name: string, icon: string | null, elite: boolean } }> } & { ' $fragmentName'?: 'BuildCard_BuildFragment' };

export type ReadinessIndicatorSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReadinessIndicatorSubscription = { readinessChanged: { ready: boolean, checkedAt: string, checks: Array<{ name: string, ok: boolean, detail: string | null }> } };

export type RoleOptionList_RoleFragment = { key: string, label: string, kind: RoleKind, context: RoleContext, provides: Array<Capability>, notes: string | null } & { ' $fragmentName'?: 'RoleOptionList_RoleFragment' };

export type ServerInfoCard_ServerInfoFragment = { version: string, environment: string, database: DatabaseKind, redis: boolean, uptimeSeconds: number } & { ' $fragmentName'?: 'ServerInfoCard_ServerInfoFragment' };

export type TraitLine_LineFragment = { traitChoices: Array<number>, specialization: { id: number, name: string, icon: string | null, elite: boolean }, majorTraits: Array<{ id: number, name: string, icon: string | null, tier: number, description: string }> } & { ' $fragmentName'?: 'TraitLine_LineFragment' };

export type BuildPageQueryVariables = Exact<{
  id: string | number;
}>;


export type BuildPageQuery = { build: { id: string, name: string, chatCode: string, gameModes: Array<GameMode>, roles: Array<string>, statPrefix: string | null, notes: string, visibility: BuildVisibility, updatedAt: string, viewerCanEdit: boolean, providedBoons: Array<Boon>, owner: { id: string, username: string }, profession: { id: string, name: string, icon: string }, specializations: Array<(
      { specialization: { id: number, name: string, icon: string | null, elite: boolean } }
      & { ' $fragmentRefs'?: { 'TraitLine_LineFragment': TraitLine_LineFragment } }
    )>, suggestedRoles: Array<{ ' $fragmentRefs'?: { 'RoleOptionList_RoleFragment': RoleOptionList_RoleFragment } }> } };

export type DeleteBuildMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteBuildMutation = { deleteBuild: string };

export type BuildsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: BuildFilter | null | undefined;
}>;


export type BuildsPageQuery = { builds: { totalCount: number, edges: Array<{ cursor: string, node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'BuildCard_BuildFragment': BuildCard_BuildFragment } }
      ) }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ImportBuildMutationVariables = Exact<{
  input: CreateBuildInput;
}>;


export type ImportBuildMutation = { createBuild: (
    { id: string, name: string }
    & { ' $fragmentRefs'?: { 'BuildCard_BuildFragment': BuildCard_BuildFragment } }
  ) };

export type HomePageQueryVariables = Exact<{ [key: string]: never; }>;


export type HomePageQuery = { serverInfo: { ' $fragmentRefs'?: { 'ServerInfoCard_ServerInfoFragment': ServerInfoCard_ServerInfoFragment } } };

export const BuildCard_BuildFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuildCard_build"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Build"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chatCode"}},{"kind":"Field","name":{"kind":"Name","value":"gameModes"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"providedBoons"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"specializations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}}]}}]}}]} as unknown as DocumentNode<BuildCard_BuildFragment, unknown>;
export const RoleOptionList_RoleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoleOptionList_role"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleOption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"provides"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]} as unknown as DocumentNode<RoleOptionList_RoleFragment, unknown>;
export const ServerInfoCard_ServerInfoFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerInfoCard_serverInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"redis"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}}]}}]} as unknown as DocumentNode<ServerInfoCard_ServerInfoFragment, unknown>;
export const TraitLine_LineFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TraitLine_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BuildSpecialization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitChoices"}},{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}},{"kind":"Field","name":{"kind":"Name","value":"majorTraits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<TraitLine_LineFragment, unknown>;
export const ReadinessIndicatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReadinessIndicator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readinessChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<ReadinessIndicatorSubscription, ReadinessIndicatorSubscriptionVariables>;
export const BuildPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuildPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"build"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chatCode"}},{"kind":"Field","name":{"kind":"Name","value":"gameModes"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"statPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"providedBoons"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"specializations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TraitLine_line"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoleOptionList_role"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TraitLine_line"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BuildSpecialization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traitChoices"}},{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}},{"kind":"Field","name":{"kind":"Name","value":"majorTraits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoleOptionList_role"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleOption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"provides"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]} as unknown as DocumentNode<BuildPageQuery, BuildPageQueryVariables>;
export const DeleteBuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteBuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteBuildMutation, DeleteBuildMutationVariables>;
export const BuildsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuildsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BuildFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"builds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuildCard_build"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuildCard_build"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Build"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chatCode"}},{"kind":"Field","name":{"kind":"Name","value":"gameModes"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"providedBoons"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"specializations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}}]}}]}}]} as unknown as DocumentNode<BuildsPageQuery, BuildsPageQueryVariables>;
export const ImportBuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportBuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBuildInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuildCard_build"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuildCard_build"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Build"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chatCode"}},{"kind":"Field","name":{"kind":"Name","value":"gameModes"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"providedBoons"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"specializations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"specialization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"icon"}},{"kind":"Field","name":{"kind":"Name","value":"elite"}}]}}]}}]}}]} as unknown as DocumentNode<ImportBuildMutation, ImportBuildMutationVariables>;
export const HomePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerInfoCard_serverInfo"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerInfoCard_serverInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"redis"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}}]}}]} as unknown as DocumentNode<HomePageQuery, HomePageQueryVariables>;