import type { ServiceDefinition } from '@mutu/service';
import { createApollo, createContext, readiness } from './app.js';
import type { Context } from './builder.js';
import { connectPrisma, disconnectPrisma, prisma } from './db.js';
import { MIGRATIONS_DIR } from './env.js';
import { seedReferenceData } from './seed/reference-data.js';

/** This subgraph as the shared start-up (server.ts, tests, the gateway's tests) sees it. */
export const service: ServiceDefinition<Context> = {
  name: 'organisations',
  migrationsDir: MIGRATIONS_DIR,
  connect: connectPrisma,
  disconnect: disconnectPrisma,
  async seed() {
    const report = await seedReferenceData(prisma());
    return `reference data: ${report.created} created, ${report.updated} updated`;
  },
  createApollo,
  createContext,
  readiness,
};
