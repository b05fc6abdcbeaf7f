/**
 * The ceilings serve the project's own committed schema (so every benchmark document validates
 * the same way) with plain resolvers attached to the fields they answer, and cache each
 * document's parse and validation by its text, as a minimal graphql-js server would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { REPO } from '../support/harness.js';

export function projectSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(REPO, 'schema.graphql'), 'utf8'));
}

/** Attaches `resolvers[type][field]` to the schema's fields (subscribe for Subscription). */
export function attachResolvers(
  schema: GraphQLSchema,
  resolvers: Record<
    string,
    Record<
      string,
      | GraphQLFieldResolver<unknown, unknown>
      | {
          subscribe: GraphQLFieldResolver<unknown, unknown>;
          resolve?: GraphQLFieldResolver<unknown, unknown>;
        }
    >
  >,
): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    if (!type) throw new Error(`no type ${typeName}`);
    const defined = type.getFields();
    for (const [fieldName, resolver] of Object.entries(fields)) {
      const field = defined[fieldName];
      if (!field) throw new Error(`no field ${typeName}.${fieldName}`);
      if (typeof resolver === 'function') field.resolve = resolver;
      else {
        field.subscribe = resolver.subscribe;
        if (resolver.resolve) field.resolve = resolver.resolve;
      }
    }
  }
}

export type CachedDocument =
  | { readonly document: DocumentNode; readonly errors?: undefined }
  | { readonly errors: readonly Error[] };

/** Parse and validate once per distinct document text. */
export function documentCache(schema: GraphQLSchema): (query: string) => CachedDocument {
  const cache = new Map<string, CachedDocument>();
  return (query) => {
    let entry = cache.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        entry = { errors: [error as Error] };
      }
      if (cache.size < 1000) cache.set(query, entry);
    }
    return entry;
  };
}
