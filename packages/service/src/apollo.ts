import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import {
  type Identity,
  type Logger,
  maskUnexpectedErrors,
  refuseNulCharacters,
} from '@mutu/server';
import type { GraphQLSchema } from 'graphql';
import { checkedRepresentations } from './representations.js';

/**
 * How long the gateway may keep an answer to a caller without a token (the cache hint every
 * subgraph gives): what the public reads is published and changes when something is published
 * or corrected, which the gateway sees and which clears its cache; the bound covers what it
 * cannot see (a day turning over in WIB, data loaded straight into a database).
 */
export const PUBLIC_ANSWER_SECONDS = 60;

/**
 * The cache hints: a query by a caller without a token, answered without errors, may be kept
 * PUBLIC_ANSWER_SECONDS; anything a signed-in role reads, every mutation and every answer with
 * errors is never kept. Apollo sends them as the Cache-Control header, which the gateway's data
 * sources honour.
 *
 * No field of any subgraph hints otherwise, so the policy is decided once per request here.
 * Apollo's cacheControl plugin would decide the same answer field by field: its per-field hook
 * makes Apollo wrap every resolver of the schema, a cost paid on every field of every call.
 */
function cacheHints<
  TContext extends BaseContext & { identity?: Identity },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          const keep =
            operation?.operation === 'query' &&
            contextValue.identity?.role === 'public' &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors;
          response.http.headers.set(
            'cache-control',
            keep ? `max-age=${PUBLIC_ANSWER_SECONDS}, public` : 'no-store',
          );
        },
      };
    },
  };
}

/** A subgraph's Apollo server with the options every Mutu subgraph uses. */
export function subgraphApollo<
  TContext extends BaseContext & { requestId?: string; identity?: Identity },
>(
  schema: GraphQLSchema,
  logger?: Logger,
  /** A subgraph's own plugins, after the shared ones. */
  own: ApolloServerPlugin<TContext>[] = [],
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
      ApolloServerPluginCacheControlDisabled(),
      cacheHints<TContext>(),
      // A database message or a bug's text never reaches a caller; the log keeps it.
      maskUnexpectedErrors<TContext>({ logger, requestIdOf: (context) => context.requestId }),
      checkedRepresentations<TContext>(schema),
      refuseNulCharacters<TContext>(),
      ...own,
    ],
  });
}
