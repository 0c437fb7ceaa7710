import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';

/** A subgraph's Apollo server with the options every Mutu subgraph uses. */
export function subgraphApollo<TContext extends BaseContext>(
  schema: GraphQLSchema,
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema,
    csrfPrevention: true,
    introspection: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: skip the per-request trace the gateway would forward.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}
