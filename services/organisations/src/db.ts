import { createAdapter } from '@mutu/db';
import { PrismaClient } from './generated/prisma/client.js';

let client: PrismaClient | undefined;

/** Opens this service's one Prisma client; the server and test set-up call it once. */
export function connectPrisma(url: string, options: { max?: number } = {}): PrismaClient {
  client = new PrismaClient({ adapter: createAdapter(url, options) });
  return client;
}

/** The service's Prisma client; resolvers reach the database only through it. */
export function prisma(): PrismaClient {
  if (!client) throw new Error('The database is not connected: call connectPrisma first');
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
