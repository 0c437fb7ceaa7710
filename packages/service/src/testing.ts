import type { BaseContext } from '@apollo/server';
import { createTestDatabase } from '@mutu/db/testing';
import { jwksOf, type Logger, type RunningServer } from '@mutu/server';
import { registerTestAudience, testKeys } from '@mutu/server/testing';
import type { ServiceDefinition } from './definition.js';
import { useOrganisationsAt } from './organisation-directory.js';
import { serveService } from './serve.js';
import { calledBy, callersOf } from './topology.js';
import { serviceTrust } from './trust.js';

export interface TestService extends RunningServer {
  /** The isolated database's URL (a fresh PostgreSQL database, or in-memory PGlite). */
  readonly databaseUrl: string;
}

/**
 * A subgraph on port 0 over its own migrated and seeded database, for its tests and the
 * gateway's. It trusts the test process's gateway key and its callers' test keys (see
 * `testKeys`); subgraphs that check organisation ids ask the organisations subgraph at
 * `organisationsUrl`, with their own test key. Close it in `afterAll`.
 */
export async function startTestService<TContext extends BaseContext>(
  service: ServiceDefinition<TContext>,
  options: { organisationsUrl?: string; logger?: Logger } = {},
): Promise<TestService> {
  const callerKeys = Object.fromEntries(
    await Promise.all(
      callersOf(service.name).map(async (c) => [c, jwksOf(await testKeys.service(c))] as const),
    ),
  );
  const trust = serviceTrust(service.name, {
    gatewayKeys: jwksOf(await testKeys.gateway()),
    callerKeys,
    ownKey: calledBy(service.name).length ? await testKeys.service(service.name) : undefined,
  });
  if (options.organisationsUrl && trust.credential) {
    useOrganisationsAt(options.organisationsUrl, trust.credential);
  }
  const db = await createTestDatabase(service.migrationsDir);
  service.connect(db.url, { max: db.embedded ? 1 : 4 });
  await service.seed?.();
  const server = await serveService(service, trust, { port: 0, logger: options.logger });
  registerTestAudience(server.url, service.name);
  return {
    ...server,
    databaseUrl: db.url,
    async close() {
      await server.close();
      await service.disconnect();
      await db.drop();
    },
  };
}
