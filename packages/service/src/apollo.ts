import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { type Logger, maskUnexpectedErrors } from '@mutu/server';
import type { GraphQLSchema } from 'graphql';

/** A subgraph's Apollo server with the options every Mutu subgraph uses. */
export function subgraphApollo<TContext extends BaseContext & { requestId?: string }>(
  schema: GraphQLSchema,
  logger?: Logger,
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema,
    csrfPrevention: true,
    introspection: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
    plugins: [
      // No Apollo Studio here: skip the per-request trace the gateway would forward.
      ApolloServerPluginInlineTraceDisabled(),
      // A database message or a bug's text never reaches a caller; the log keeps it.
      maskUnexpectedErrors<TContext>({ logger, requestIdOf: (context) => context.requestId }),
    ],
  });
}
