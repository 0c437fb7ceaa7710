import { createAdapter } from '@mutu/db';
import { PrismaClient } from './generated/prisma/client.js';

function createClient(url: string, max: number | undefined) {
  const client = new PrismaClient({
    adapter: createAdapter(url, { max }),
    // Query events feed the SQL counter the N+1 tests and the benchmark read.
    log: [{ emit: 'event', level: 'query' }],
  });
  client.$on('query', () => {
    sqlQueries += 1;
  });
  return client;
}

let client: ReturnType<typeof createClient> | undefined;
let sqlQueries = 0;

/** Opens this service's one Prisma client; the server and test set-up call it once. */
export function connectPrisma(url: string, options: { max?: number } = {}): PrismaClient {
  client = createClient(url, options.max);
  return client;
}

/** The service's Prisma client; resolvers reach the database only through it. */
export function prisma(): PrismaClient {
  if (!client) throw new Error('The database is not connected: call connectPrisma first');
  return client;
}

/** SQL statements sent since the process started (compare two readings). */
export function sqlQueryCount(): number {
  return sqlQueries;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
