import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Puts each `graphql(`...`)` document where it is used. The codegen client preset's `graphql()`
 * looks documents up in one map holding every document of the app, so every page's documents
 * ended up in the initial bundle (84 kB of 380). Here each call is replaced at build time by
 * its generated document (from src/gql/graphql.ts), so a page's documents load with the page
 * and the map is left unused. Types are untouched: this runs on the built JavaScript only.
 */
/** Codegen's name for a document: each `_`-separated part capitalised (TeamPage_team → TeamPage_Team). */
function generatedName(name = ''): string {
  return name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('_');
}

export function inlineGraphqlDocuments(generatedFile: string): Plugin {
  let documents = new Map<string, string>();
  const call = /\bgraphql\(\s*`((?:[^`$]|\$(?!\{))*)`\s*\)/g;
  const named = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+(\w+)/;
  return {
    name: 'inline-graphql-documents',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      documents = new Map();
      const source = readFileSync(generatedFile, 'utf8');
      const declaration = /^export const (\w+?)(Document|FragmentDoc) = (\{.*\}) as unknown as /gm;
      for (const match of source.matchAll(declaration)) {
        documents.set(`${match[2] === 'Document' ? 'op' : 'fragment'}:${match[1]}`, match[3]!);
      }
    },
    transform(code, id) {
      if (id.includes('/src/gql/') || !code.includes('graphql(')) return null;
      let replaced = false;
      const output = code.replace(call, (whole, text: string) => {
        const [, kind, name] = named.exec(text) ?? [];
        const document = documents.get(
          `${kind === 'fragment' ? 'fragment' : 'op'}:${generatedName(name)}`,
        );
        if (!document) return whole;
        replaced = true;
        return `(${document})`;
      });
      return replaced ? { code: output, map: null } : null;
    },
  };
}
