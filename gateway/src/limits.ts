import type { BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimit } from './cost.js';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** Hide "did you mean ..." suggestions, which reveal the schema when introspection is off. */
  readonly blockFieldSuggestions: boolean;
}

/**
 * Rejects abusive operations before any subgraph is called: too many tokens (graphql-js's own
 * parser stops at the limit), too deep, too many aliases (graphql-armor), too costly once list
 * sizes are counted (cost.ts). Each rejection is an error that names the limit. The token limit
 * is the parser's rather than graphql-armor's: armor's version throws from a plugin hook,
 * which Apollo answers with 500 even for a plain syntax error; the parser's is a syntax error
 * like any other (400, GRAPHQL_PARSE_FAILED). The contract's deepest operation (an
 * organisation with its region, results, lokus and awards) needs depth 6; the defaults leave
 * room above that.
 */
export function armour<TContext extends BaseContext>(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimit<TContext>(limits.maxCost)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
