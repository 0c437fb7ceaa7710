import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { isBuiltin } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { BaseContext } from '@apollo/server';
import { createTestDatabase } from '@mutu/db/testing';
import { exportSigningKey, JWKS_PATH, jwksOf, type Logger, type RunningServer } from '@mutu/server';
import { registerTestAudience, startChildServer, testKeys } from '@mutu/server/testing';
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
   * Another instance of the same subgraph in a process of its own (its built bundle, as `pnpm
   * start` runs it, in production settings), over the same database and evidence store: for
   * tests of several instances behind a load balancer. `close()` kills the process (SIGKILL):
   * what it had under way, transactions included, is cut as a lost machine cuts it.
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
  options: {
    services?: Partial<Record<MutuSubgraph, string>>;
    logger?: Logger;
    /** What else a process of its own needs to share this instance's state (its evidence store). */
    processEnv?: Record<string, string>;
  } = {},
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
      const instance = await serviceProcess(service.name, service.migrationsDir, {
        DATABASE_URL: db.url,
        ...Object.fromEntries(
          calledBy(service.name).flatMap((callee) => {
            const url = options.services?.[callee];
            return url ? [[`${callee.toUpperCase()}_URL`, url]] : [];
          }),
        ),
        ...options.processEnv,
      });
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
 * A subgraph's built server in a child process, trusting the test keys (served to it from a
 * small JWKS server of its own) and signing with its test key.
 */
async function serviceProcess(
  name: MutuSubgraph,
  migrationsDir: string,
  env: Record<string, string>,
): Promise<RunningServer> {
  const keySets: Record<string, unknown> = { gateway: jwksOf(await testKeys.gateway()) };
  for (const caller of callersOf(name)) keySets[caller] = jwksOf(await testKeys.service(caller));
  const keys = createServer((req, res) => {
    const set = keySets[(req.url ?? '').replace(JWKS_PATH, '').replace(/^\//, '')];
    res.writeHead(set ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(set ?? {}));
  });
  const keysPort = await new Promise<number>((resolve) =>
    keys.listen(0, '127.0.0.1', () => resolve((keys.address() as AddressInfo).port)),
  );
  const keysUrl = `http://127.0.0.1:${keysPort}`;
  const child = await startChildServer({
    name: `${name} instance`,
    cwd: dirname(dirname(migrationsDir)),
    env: {
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: '2',
      MIGRATE_ON_START: 'false',
      SEED_ON_START: 'false',
      // As the instances in the test process: every read fresh.
      PUBLISHED_CACHE: 'false',
      LOG_LEVEL: 'warn',
      GATEWAY_JWKS_URL: `${keysUrl}/gateway${JWKS_PATH}`,
      ...Object.fromEntries(
        callersOf(name).map((c) => [`${c.toUpperCase()}_JWKS_URL`, `${keysUrl}/${c}${JWKS_PATH}`]),
      ),
      ...(calledBy(name).length
        ? {
            [`${name.toUpperCase()}_SIGNING_KEY`]: await exportSigningKey(
              await testKeys.service(name),
            ),
          }
        : {}),
      ...env,
    },
  }).catch((error) => {
    keys.close();
    throw error;
  });
  return {
    url: child.url,
    port: child.port,
    async close() {
      await child.close();
      keys.closeAllConnections();
      await new Promise((resolve) => keys.close(resolve));
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
