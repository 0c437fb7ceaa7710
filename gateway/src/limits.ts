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
 * Rejects abusive operations before any subgraph is called: too deep, too many aliases, too
 * many tokens (graphql-armor), too costly once list sizes are counted (cost.ts). Each
 * rejection is an error that names the limit. The contract's deepest operation (an
 * organisation with its region, results, lokus and awards) needs depth 6; the defaults leave
 * room above that.
 */
export function armour<TContext extends BaseContext>(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimit<TContext>(limits.maxCost)],
    validationRules: armor.validationRules,
  };
}
