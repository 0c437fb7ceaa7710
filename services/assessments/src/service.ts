import type { ServiceDefinition } from '@mutu/service';
import { createApollo, createContext, readiness } from './app.js';
import type { Context } from './builder.js';
import { connectPrisma, disconnectPrisma, prisma } from './db.js';
import { MIGRATIONS_DIR } from './env.js';
import { importResultsRoute } from './import/route.js';
import { seedDemoData } from './seed/demo-data.js';

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
  // CSV files arrive on a route of their own, streamed by the gateway, never as a GraphQL string.
  routes: { '/imports/results': importResultsRoute },
};
