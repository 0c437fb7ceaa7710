import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Probe } from '@mutu/server';
import { subgraphApollo } from '@mutu/service';
import type { Context } from './builder.js';
import { prisma } from './db.js';
import { createLoaders } from './loaders.js';
import { schema } from './schema/index.js';

export { schema };

/** The subgraph's Apollo server, not yet listening (tests and server.ts share it). */
export function createApollo(): ApolloServer<Context> {
  return subgraphApollo<Context>(schema);
}

/** What /readyz checks: the database answers. */
export const readiness: Record<string, Probe> = {
  database: async () => void (await prisma().$queryRaw`select 1`),
};

/**
 * A fresh context per request. The actor comes from the `x-mutu-actor` header until the
 * gateway passes a verified identity (issue 6); until then audit entries record what callers
 * claim.
 */
export async function createContext(req?: IncomingMessage): Promise<Context> {
  const claimed = req?.headers['x-mutu-actor'];
  const actor =
    typeof claimed === 'string' && claimed.trim() ? claimed.trim().slice(0, 200) : 'anonymous';
  return { loaders: createLoaders(), actor };
}
