import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Probe } from '@mutu/server';
import type { Context } from './builder.js';
import { prisma } from './db.js';
import { createLoaders } from './loaders.js';
import { schema } from './schema/index.js';

export { schema };

/** The subgraph's Apollo server, not yet listening (tests and server.ts share it). */
export function createApollo(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}

/** What /readyz checks: the database answers. */
export const readiness: Record<string, Probe> = {
  database: async () => void (await prisma().$queryRaw`select 1`),
};

/** A fresh context per request. */
export async function createContext(): Promise<Context> {
  return { loaders: createLoaders() };
}
