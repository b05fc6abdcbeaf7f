/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n": typeof types.ReadinessIndicatorDocument,
    "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n": typeof types.ServerInfoCard_ServerInfoFragmentDoc,
    "\n  query HomePage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n": typeof types.HomePageDocument,
};
const documents: Documents = {
    "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n": types.ReadinessIndicatorDocument,
    "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n": types.ServerInfoCard_ServerInfoFragmentDoc,
    "\n  query HomePage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n": types.HomePageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n"): (typeof documents)["\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n"): (typeof documents)["\n  query HomePage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;