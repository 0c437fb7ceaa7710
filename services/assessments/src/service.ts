import { announcingRoute, type ServiceDefinition } from '@mutu/service';
import { createApollo, createContext, readiness } from './app.js';
import type { Context } from './builder.js';
import { connectPrisma, disconnectPrisma, prisma } from './db.js';
import { loadEnv, MIGRATIONS_DIR } from './env.js';
import { sweepEvidence } from './evidence/commands.js';
import { evidenceRoute } from './evidence/route.js';
import { configureEvidenceFromEnv, evidenceStore } from './evidence/settings.js';
import { importResultsRoute } from './import/route.js';
import { configurePublished, published } from './results/published.js';
import { seedDemoData } from './seed/demo-data.js';
import { importSurveyRoute } from './surveys/route.js';

/** This subgraph as the shared start-up (server.ts, tests, the gateway's tests) sees it. */
export const service: ServiceDefinition<Context> = {
  name: 'assessments',
  migrationsDir: MIGRATIONS_DIR,
  connect(url, options) {
    const env = loadEnv();
    configureEvidenceFromEnv(process.env, env.DATA_DIR);
    configurePublished(env);
    return connectPrisma(url, options);
  },
  async disconnect() {
    await published().close();
    await disconnectPrisma();
  },
  async seed() {
    const report = await seedDemoData(prisma());
    return `demo data: ${report.created} rows created`;
  },
  createApollo,
  createContext,
  readiness,
  // CSV files arrive on a route of their own, streamed by the gateway, never as a GraphQL string.
  // An import may publish or correct results: what is kept of them is cleared after each.
  routes: {
    '/imports/results': announcingRoute(importResultsRoute, published),
    '/imports/skm': announcingRoute(importSurveyRoute, published),
    '/evidence': evidenceRoute,
  },
  background(logger) {
    const minutes = evidenceStore().settings.sweepMinutes;
    if (minutes === 0) return { stop: async () => {} };
    const timer = setInterval(async () => {
      try {
        const report = await sweepEvidence();
        logger.info({ sweep: report }, 'evidence sweep');
      } catch (error) {
        logger.error({ err: error }, 'evidence sweep failed');
      }
    }, minutes * 60_000);
    timer.unref();
    return { stop: async () => clearInterval(timer) };
  },
};
