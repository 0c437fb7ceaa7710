import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Probe } from '@mutu/server';
import { actorOf, subgraphApollo } from '@mutu/service';
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

/** A fresh context per request; the actor is recorded in audit entries. */
export async function createContext(req?: IncomingMessage): Promise<Context> {
  return { loaders: createLoaders(), actor: actorOf(req) };
}
