import { subgraphParts } from '@mutu/service';
import { prisma } from './db.js';
import { createLoaders } from './loaders.js';
import { published } from './results/published.js';
import { schema } from './schema.js';

export { schema };

/** The Apollo server, /readyz probe and per-request context that server.ts and tests share. */
export const { createApollo, readiness, createContext } = subgraphParts({
  schema,
  database: prisma,
  createLoaders,
  published,
});
