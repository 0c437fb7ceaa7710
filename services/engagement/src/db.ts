import { prismaHolder } from '@mutu/service';
import { PrismaClient } from './generated/prisma/client.js';

/** This service's one Prisma client, with query events for the SQL statement counter. */
const holder = prismaHolder(
  (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
);

export const connectPrisma = holder.connect;
export const prisma = holder.client;
export const sqlQueryCount = holder.sqlQueryCount;
export const disconnectPrisma = holder.disconnect;
