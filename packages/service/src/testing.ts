import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import type { BaseContext } from '@apollo/server';
import { createTestDatabase } from '@mutu/db/testing';
import { jwksOf, type Logger, type RunningServer } from '@mutu/server';
import { registerTestAudience, testKeys } from '@mutu/server/testing';
import { build } from 'esbuild';
import type { ServiceDefinition } from './definition.js';
import { serveService } from './serve.js';
import { useServiceAt } from './service-calls.js';
import { calledBy, callersOf, type MutuSubgraph } from './topology.js';
import { serviceTrust } from './trust.js';

export interface TestService extends RunningServer {
  /** The isolated database's URL (a fresh PostgreSQL database, or in-memory PGlite). */
  readonly databaseUrl: string;
  /**
   * Runs SQL on its database through the service's own client (PGlite serves one connection,
   * which the service holds): for tests that check what was or was not written.
   */
  sql<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /**
   * Another instance of the same subgraph on its own port, over the same database: for tests of
   * several instances behind a load balancer. (In one process the instances share the module's
   * database client; what is tested is the routing around a lost instance.)
   */
  another(): Promise<RunningServer>;
}

/**
 * A subgraph on port 0 over its own migrated and seeded database, for its tests and the
 * gateway's. It trusts the test process's gateway key and its callers' test keys (see
 * `testKeys`); it calls the services it calls (organisation ids, events) at `services`, with its
 * own test key. Close it in `afterAll`.
 */
export async function startTestService<TContext extends BaseContext>(
  service: ServiceDefinition<TContext>,
  options: { services?: Partial<Record<MutuSubgraph, string>>; logger?: Logger } = {},
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
  for (const callee of calledBy(service.name)) {
    const url = options.services?.[callee];
    if (url) useServiceAt(callee, url, trust.credential);
  }
  const db = await createTestDatabase(service.migrationsDir);
  const client = service.connect(db.url, { max: db.embedded ? 1 : 4 }) as {
    $queryRawUnsafe<T>(text: string): Promise<T>;
  };
  await service.seed?.();
  const server = await serveService(service, trust, { port: 0, logger: options.logger });
  registerTestAudience(server.url, service.name);
  return {
    ...server,
    databaseUrl: db.url,
    sql: <T>(text: string) => client.$queryRawUnsafe<T[]>(text),
    async another() {
      const instance = await serveService(service, trust, { port: 0, logger: options.logger });
      registerTestAudience(instance.url, service.name);
      return instance;
    },
    async close() {
      await server.close();
      await service.disconnect();
      await db.drop();
    },
  };
}

/**
 * npm packages that a server's bundle imports but cannot load. tsup bundles workspace packages
 * (their TypeScript source) into a service and leaves external only the npm packages the
 * service's package.json lists, which pnpm links into its node_modules; a package that only a
 * workspace dependency lists is pulled into the bundle instead, where CommonJS packages fail at
 * `pnpm start` ("Dynamic require of ... is not supported") although every test passed. Empty
 * when every npm import of `entry` (workspace packages followed) is the service's own.
 */
export async function bundleImportsUnlisted(
  packageDir: string,
  entry = 'src/server.ts',
): Promise<string[]> {
  const imported = new Set<string>();
  await build({
    entryPoints: [join(packageDir, entry)],
    absWorkingDir: packageDir,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-imports',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('@mutu/') || isBuiltin(args.path)) return undefined;
            const parts = args.path.split('/');
            imported.add(
              args.path.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''),
            );
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const own = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return [...imported].filter((name) => !(name in (own.dependencies ?? {}))).sort();
}
