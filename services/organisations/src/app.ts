import { ApolloServer } from '@apollo/server';
import type { Context } from './builder.js';
import { schema } from './schema/index.js';

export { schema };

/** The subgraph's Apollo server, not yet listening (tests and server.ts share it). */
export function createApollo(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    // Subgraphs sit behind the gateway, which owns the explorer and the CSRF-facing edge.
    csrfPrevention: true,
    introspection: true,
  });
}
