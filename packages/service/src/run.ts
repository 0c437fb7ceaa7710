import type { BaseContext } from '@apollo/server';
import { applyMigrations, openDatabase } from '@mutu/db';
import { closeOnSignals, createLogger } from '@mutu/server';
import type { ServiceDefinition } from './definition.js';
import type { ServiceEnv } from './env.js';
import { serveService } from './serve.js';
import { useServiceAt } from './service-calls.js';
import type { MutuSubgraph } from './topology.js';
import { trustFromEnv } from './trust.js';

/**
 * Starts a subgraph process: opens its database (embedded PGlite unless DATABASE_URL is set),
 * migrates and seeds it when configured (by default only the embedded one, which is this
 * process's own), listens, and shuts down cleanly on SIGINT/SIGTERM.
 */
export async function runService<TContext extends BaseContext>(
  service: ServiceDefinition<TContext>,
  env: ServiceEnv,
): Promise<void> {
  const trust = await trustFromEnv(env);
  for (const [callee, url] of Object.entries(env.serviceUrls)) {
    useServiceAt(callee as MutuSubgraph, url, trust.credential);
  }
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  if ((env.MIGRATE_ON_START ?? String(db.embedded)) === 'true') {
    const applied = await applyMigrations(db.url, service.migrationsDir);
    if (applied.length) console.log(`${service.name}: applied migrations ${applied.join(', ')}`);
  }
  service.connect(db.url, { max: db.embedded ? 1 : env.DATABASE_POOL_MAX });
  if (service.seed && (env.SEED_ON_START ?? String(db.embedded)) === 'true') {
    console.log(`${service.name}: ${await service.seed()}`);
  }
  const logger = createLogger(service.name, env.LOG_LEVEL);
  const server = await serveService(service, trust, { port: env.PORT, host: env.HOST, logger });
  const background = service.background?.(logger);
  console.log(
    `${service.name} subgraph on ${server.url}${db.embedded ? ` (embedded PostgreSQL in ${env.DATA_DIR})` : ''}`,
  );
  closeOnSignals(service.name, async () => {
    await server.close();
    await background?.stop();
    await service.disconnect();
    await db.close();
  });
}
