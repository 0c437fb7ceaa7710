import type { ServiceDefinition } from '@mutu/service';
import { createApollo, createContext, readiness } from './app.js';
import type { Context } from './builder.js';
import { connectPrisma, disconnectPrisma, prisma } from './db.js';
import { seedDemoData } from './demo-data.js';
import { MIGRATIONS_DIR } from './env.js';

/** This subgraph as the shared start-up (server.ts, tests, the gateway's tests) sees it. */
export const service: ServiceDefinition<Context> = {
  name: 'assessments',
  migrationsDir: MIGRATIONS_DIR,
  connect: connectPrisma,
  disconnect: disconnectPrisma,
  async seed() {
    const report = await seedDemoData(prisma());
    return `demo data: ${report.created} rows created`;
  },
  createApollo,
  createContext,
  readiness,
  // CSV imports arrive in one request (importResults); a 10,000-row file is about 0.5 MB.
  maxBodyBytes: 16 * 1024 * 1024,
};
