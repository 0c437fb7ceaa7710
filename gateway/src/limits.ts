import { ApolloArmor } from '@escape.tech/graphql-armor';

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
 * many tokens, too costly. Each rejection is a GraphQL validation error that names the limit.
 * The contract's deepest operation (an organisation with its region, results, lokus and
 * awards) needs depth 6; the defaults leave room above that.
 */
export function armour(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
}
