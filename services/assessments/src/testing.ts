import { createTestDatabase } from '@mutu/db/testing';
import { type RunningServer, serveGraphQL } from '@mutu/server';
import { createApollo, createContext, readiness } from './app.js';
import { connectPrisma, disconnectPrisma } from './db.js';
import { seedDemoData } from './demo-data.js';
import { MIGRATIONS_DIR } from './env.js';

export interface TestSubgraph extends RunningServer {
  readonly databaseUrl: string;
}

/** This subgraph on port 0 over its own migrated database holding the demo data. */
export async function startTestSubgraph(): Promise<TestSubgraph> {
  const db = await createTestDatabase(MIGRATIONS_DIR);
  const client = connectPrisma(db.url, { max: db.embedded ? 1 : 4 });
  await seedDemoData(client);
  const apollo = createApollo();
  await apollo.start();
  const server = await serveGraphQL({ apollo, context: createContext, port: 0, readiness });
  return {
    ...server,
    databaseUrl: db.url,
    async close() {
      await server.close();
      await apollo.stop();
      await disconnectPrisma();
      await db.drop();
    },
  };
}
