import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ARMOR_LIMITS, createArmor } from './armor.js';

// Every document the app and the playground actually send, checked the way the server checks
// them: graphql-js parse limits, then the standard rules plus graphql-armor's (fragments
// counted by the same visitors). A client query that outgrows a limit fails here, not in a
// player's browser.
const repo = (relative: string) => new URL(`../../../../${relative}`, import.meta.url);
const schema = buildSchema(readFileSync(repo('schema.graphql'), 'utf8'));

/** The typed documents codegen wrote into client/src/gql/graphql.ts (JSON ASTs, fragments included). */
function clientDocuments(): Array<[string, string]> {
  const generated = readFileSync(repo('client/src/gql/graphql.ts'), 'utf8');
  const found: Array<[string, string]> = [];
  for (const match of generated.matchAll(
    /^export const (\w+Document) = (\{"kind":"Document".*\}) as unknown as/gm,
  )) {
    const document = JSON.parse(match[2] ?? '') as DocumentNode;
    // Apollo Client sends the printed document.
    found.push([match[1] ?? '', print(document)]);
  }
  return found;
}

/** The playground's default query (client/docs/main.ts) and GraphiQL 5's introspection. */
function playgroundDocuments(): Array<[string, string]> {
  const main = readFileSync(repo('client/docs/main.ts'), 'utf8');
  const defaultQuery = /const DEFAULT_QUERY = `([^`]*)`/.exec(main)?.[1];
  if (!defaultQuery) throw new Error('DEFAULT_QUERY not found in client/docs/main.ts');
  return [
    ['playground default query', defaultQuery],
    // What GraphiQL 5 sends by default, and the fullest variant a client may ask for.
    ['GraphiQL introspection', getIntrospectionQuery()],
    [
      'full introspection',
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    ],
  ];
}

const documents = [...clientDocuments(), ...playgroundDocuments()];

function serverProblems(source: string): string[] {
  const armor = createArmor({ exposeLimits: true });
  let document: DocumentNode;
  try {
    document = parse(source, armor.parseOptions);
  } catch (error) {
    return [String(error)];
  }
  return validate(schema, document, [...specifiedRules, ...armor.validationRules]).map(
    (error) => error.message,
  );
}

describe('client documents against the API document limits', () => {
  it('finds every generated operation', () => {
    const operations = clientDocuments().filter(([, source]) =>
      parse(source).definitions.some((node) => node.kind === Kind.OPERATION_DEFINITION),
    );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map(([name]) => name)).toContain('TeamPageDocument');
  });

  it.each(documents)('%s passes parse and validation', (_name, source) => {
    expect(serverProblems(source)).toEqual([]);
  });

  it('still rejects a document nested deeper than the depth limit', () => {
    const levels = ARMOR_LIMITS.maxDepth;
    const deep = `${'fields { type { '.repeat(levels)}name${' } }'.repeat(levels)}`;
    const problems = serverProblems(`query Deep { __type(name: "Query") { ${deep} } }`);
    expect(problems.join('\n')).toMatch(/depth limit/i);
  });

  it('counts the fields inside fragments, so a bomb split into fragments is still rejected', () => {
    const fragments = Array.from(
      { length: ARMOR_LIMITS.maxDepth },
      (_, i) => `fragment F${i} on __Type { fields { type { ...F${i + 1} } } }`,
    ).join('\n');
    const source = `query Deep { __type(name: "Query") { ...F0 } }\n${fragments}\nfragment F${ARMOR_LIMITS.maxDepth} on __Type { name }`;
    expect(serverProblems(source).join('\n')).toMatch(/depth limit/i);
  });
});
