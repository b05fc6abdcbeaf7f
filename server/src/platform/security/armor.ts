import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Limits on the shape of a document, checked before anything runs. Generous enough for every
 * document the client and the playground send (armor.test.ts checks each one), far below what
 * a depth or alias bomb needs. Depth and cost count fields, not fragment spreads: a fragment
 * is how the client splits one query between components (the team page's fragments nest four
 * deep), not extra data, so counting each spread as a level turned a 6-field-deep query into
 * a rejected 14. A rejected document answers BAD_USER_INPUT (reason
 * GRAPHQL_VALIDATION_FAILED, or GRAPHQL_PARSE_FAILED for too many tokens).
 */
export const ARMOR_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 5000,
} as const;

export function createArmor(options: { exposeLimits: boolean }): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    // Counted by graphql-js's own parser instead (see parseOptions): armor's token plugin
    // re-parses in a hook, so every syntax error became a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true },
    // "Did you mean ...?" hints map a schema whose introspection is off in production.
    blockFieldSuggestion: { enabled: !options.exposeLimits },
  });
  const protection = armor.protect();
  return {
    // graphql-armor's typings point at Apollo's CommonJS build, ours at its ESM build: the
    // same plugin shape declared twice.
    plugins: protection.plugins as unknown as ApolloServerPlugin[],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
  };
}
