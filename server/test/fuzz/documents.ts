import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  isRequiredArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { printLiteral, valueFor } from './hostile-values.js';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** One GraphQL request as JSON (what goes in a POST body). */
export interface FuzzRequest {
  readonly label: string;
  readonly kind: OperationKind | 'document';
  /** The root field, for the write check (`createBuild`). */
  readonly field?: string;
  readonly body: { query: string; variables?: Record<string, unknown>; operationName?: string };
}

// Objects are followed this deep when choosing what to select; armor refuses depth > 12.
const SELECTION_DEPTH = 3;

/** Leaf fields without required arguments, and a few objects below them. */
function selectionFor(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some(isRequiredArgument)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < SELECTION_DEPTH)
      parts.push(`${field.name} ${selectionFor(named, depth + 1)}`);
    else if (isAbstractType(named)) parts.push(`${field.name} { __typename }`);
    if (parts.length > 12) break;
  }
  return `{ ${parts.join(' ')} }`;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isObjectType(named)) return ` ${selectionFor(named, 1)}`;
  if (isAbstractType(named)) return ' { __typename }';
  return '';
}

/** Every root field of the schema with its operation kind. */
export function rootFields(schema: GraphQLSchema) {
  const roots: Array<{ kind: OperationKind; field: GraphQLField<unknown, unknown> }> = [];
  const add = (kind: OperationKind, type: GraphQLObjectType | null | undefined) => {
    for (const field of Object.values(type?.getFields() ?? {})) roots.push({ kind, field });
  };
  add('query', schema.getQueryType());
  add('mutation', schema.getMutationType());
  add('subscription', schema.getSubscriptionType());
  return roots;
}

/**
 * A request for one root field with generated arguments, passed as variables (typed as the
 * schema says) or printed inline as literals. Arguments are sometimes dropped, required or not.
 */
export function operationRequest(
  kind: OperationKind,
  field: GraphQLField<unknown, unknown>,
): fc.Arbitrary<FuzzRequest> {
  const args = Object.fromEntries(
    field.args.map((arg) => [
      arg.name,
      fc.oneof(
        { weight: 12, arbitrary: valueFor(arg.type).map((value) => ({ value })) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    ]),
  );
  return fc.tuple(fc.record(args), fc.boolean()).map(([values, inline]) => {
    const present = field.args.filter((arg) => values[arg.name] !== undefined);
    const selection = selectionOf(field);
    const valueOf = (name: string) => (values[name] as { value: unknown }).value;
    if (inline) {
      const list = present.map(
        (arg) => `${arg.name}: ${printLiteral(valueOf(arg.name), arg.type)}`,
      );
      const call = list.length > 0 ? `(${list.join(', ')})` : '';
      return {
        label: `${field.name} (literals)`,
        kind,
        field: field.name,
        body: { query: `${kind} Fuzz { ${field.name}${call}${selection} }` },
      };
    }
    const definitions = present.map((arg) => `$${arg.name}: ${String(arg.type)}`);
    const call = present.map((arg) => `${arg.name}: $${arg.name}`);
    return {
      label: `${field.name} (variables)`,
      kind,
      field: field.name,
      body: {
        query:
          `${kind} Fuzz${definitions.length > 0 ? `(${definitions.join(', ')})` : ''} ` +
          `{ ${field.name}${call.length > 0 ? `(${call.join(', ')})` : ''}${selection} }`,
        variables: Object.fromEntries(present.map((arg) => [arg.name, valueOf(arg.name)])),
        operationName: 'Fuzz',
      },
    };
  });
}

/** A field path that goes down through objects (for depth bombs), from the query root. */
function deepPath(schema: GraphQLSchema, length: number): string {
  let type: GraphQLObjectType | null | undefined = schema.getQueryType();
  const names: string[] = [];
  while (type && names.length < length) {
    const next: GraphQLField<unknown, unknown> | undefined = Object.values(type.getFields()).find(
      (candidate) =>
        !candidate.args.some(isRequiredArgument) && isObjectType(getNamedType(candidate.type)),
    );
    if (!next) break;
    names.push(next.name);
    type = getNamedType(next.type) as GraphQLObjectType;
  }
  return names.reduceRight((inner, name) => `${name} { __typename ${inner} }`, '');
}

/** Documents that attack the shape rather than the values. */
export function structuralRequest(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  const doc = (label: string, query: string, extra: Partial<FuzzRequest['body']> = {}) => ({
    label,
    kind: 'document' as const,
    body: { query, ...extra },
  });
  const count = (max: number) => fc.integer({ min: 1, max });
  return fc.oneof(
    count(400).map((n) =>
      doc(
        'aliases',
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`,
      ),
    ),
    count(60).map((n) => doc('depth', `{ ${deepPath(schema, n)} }`)),
    count(200).map((n) =>
      doc(
        'nesting',
        `{ ${'__schema { types { fields { type { ofType { '.repeat(Math.ceil(n / 6))} name ${'} } } } } '.repeat(Math.ceil(n / 6))} }`,
      ),
    ),
    fc.constantFrom(
      doc('fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
      doc('self fragment', '{ ...A } fragment A on Query { serverInfo { version } ...A }'),
      doc('unknown fragment', '{ ...Nope }'),
      doc('fragment on scalar', '{ ...A } fragment A on String { x }'),
      doc('two anonymous', '{ serverInfo { version } } { boons { name } }'),
      doc('operation not found', 'query A { boons { name } }', { operationName: 'B' }),
      doc('no operation name', 'query A { boons { name } } query B { boons { name } }'),
      doc('empty', ''),
      doc('only a comment', '# nothing'),
      doc('unterminated string', '{ build(id: "abc) { id } }'),
      doc('bad escape', '{ build(id: "\\u00") { id } }'),
      doc('unknown field', '{ nope }'),
      doc('unknown argument', '{ boons(nope: 1) { name } }'),
      doc('duplicate argument', '{ build(id: "a", id: "b") { id } }'),
      doc('missing selection', '{ me }'),
      doc('selection on scalar', '{ serverInfo { version { x } } }'),
      doc('undefined variable', 'query { build(id: $x) { id } }'),
      doc('unused variable', 'query ($x: ID) { boons { name } }', { variables: { x: 1 } }),
      doc('variable of wrong type', 'query ($x: Int) { build(id: $x) { id } }'),
      doc('variable of unknown type', 'query ($x: Nope) { boons { name } }'),
      doc('introspection', '{ __schema { types { name fields { name } } } }'),
      doc('typename only', '{ __typename }'),
      doc('subscription over HTTP', 'subscription { readinessChanged { ready } }'),
      doc(
        'two subscription fields',
        'subscription { readinessChanged { ready } teamUpdated(teamId: "x") { id } }',
      ),
      doc('mutation typename', 'mutation { __typename }'),
    ),
    count(60).map((n) =>
      doc('directives', `{ serverInfo ${'@include(if: true) '.repeat(n)}{ version } }`),
    ),
    count(4000).map((n) =>
      doc('tokens', `{ ${'serverInfo { version } '.repeat(Math.ceil(n / 4))} }`),
    ),
    count(300).map((n) =>
      doc('nested list literal', `{ build(id: ${'['.repeat(n)}1${']'.repeat(n)}) { id } }`),
    ),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => doc('garbage', text)),
    fc.tuple(fc.string({ maxLength: 30 }), fc.jsonValue({ maxDepth: 2 })).map(([name, variables]) =>
      doc('odd variables', 'query ($id: ID!) { build(id: $id) { id } }', {
        operationName: name,
        variables: variables as Record<string, unknown>,
      }),
    ),
  );
}
