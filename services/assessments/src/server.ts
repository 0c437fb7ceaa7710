import { applyMigrations, openDatabase } from '@mutu/db';
import { closeOnSignals, serveGraphQL } from '@mutu/server';
import { createApollo, createContext, readiness } from './app.js';
import { connectPrisma, disconnectPrisma } from './db.js';
import { seedDemoData } from './demo-data.js';
import { loadEnv, MIGRATIONS_DIR } from './env.js';

const env = loadEnv();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
// The embedded database is this process's own: bring it up to date without being asked.
if ((env.MIGRATE_ON_START ?? String(db.embedded)) === 'true') {
  const applied = await applyMigrations(db.url, MIGRATIONS_DIR);
  if (applied.length) console.log(`assessments: applied migrations ${applied.join(', ')}`);
}
const client = connectPrisma(db.url, { max: db.embedded ? 1 : env.DATABASE_POOL_MAX });
if ((env.SEED_ON_START ?? String(db.embedded)) === 'true') {
  const report = await seedDemoData(client);
  console.log(`assessments: demo data: ${report.created} rows created`);
}

const apollo = createApollo();
await apollo.start();
const server = await serveGraphQL({
  apollo,
  context: createContext,
  port: env.PORT,
  host: env.HOST,
  readiness,
});
console.log(
  `assessments subgraph on ${server.url}${db.embedded ? ` (embedded PostgreSQL in ${env.DATA_DIR})` : ''}`,
);

closeOnSignals('assessments', async () => {
  await server.close();
  await apollo.stop();
  await disconnectPrisma();
  await db.close();
});
