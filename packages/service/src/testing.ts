import type { BaseContext } from '@apollo/server';
import { createTestDatabase } from '@mutu/db/testing';
import { type Logger, type RunningServer, serveGraphQL } from '@mutu/server';
import type { ServiceDefinition } from './definition.js';
import { useOrganisationsAt } from './organisation-directory.js';

export interface TestService extends RunningServer {
  /** The isolated database's URL (a fresh PostgreSQL database, or in-memory PGlite). */
  readonly databaseUrl: string;
}

/**
 * A subgraph on port 0 over its own migrated and seeded database, for its tests and the
 * gateway's; subgraphs that check organisation ids ask the organisations subgraph at
 * `organisationsUrl`. Close it in `afterAll`.
 */
export async function startTestService<TContext extends BaseContext>(
  service: ServiceDefinition<TContext>,
  options: { organisationsUrl?: string; logger?: Logger } = {},
): Promise<TestService> {
  if (options.organisationsUrl) useOrganisationsAt(options.organisationsUrl);
  const db = await createTestDatabase(service.migrationsDir);
  service.connect(db.url, { max: db.embedded ? 1 : 4 });
  await service.seed?.();
  const apollo = service.createApollo();
  await apollo.start();
  const server = await serveGraphQL({
    apollo,
    context: service.createContext,
    port: 0,
    readiness: service.readiness,
    maxBodyBytes: service.maxBodyBytes,
    logger: options.logger,
  });
  return {
    ...server,
    databaseUrl: db.url,
    async close() {
      await server.close();
      await apollo.stop();
      await service.disconnect();
      await db.drop();
    },
  };
}
