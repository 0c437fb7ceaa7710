import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ISSUER } from '@mutu/gateway/src/auth.js';
import {
  exportSigningKey,
  generateSigningKey,
  JWKS_PATH,
  jwksOf,
  signingKeyFile,
} from '@mutu/server';
import { type BenchProcess, startProcess } from './processes.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The bench gateway's demo identity provider (its own, not that of `pnpm start`). */
export const DEMO_IDP_KEY_FILE = join(tmpdir(), `mutu-bench-idp-${process.pid}.json`);

const SUBGRAPHS = { organisations: 4501, assessments: 4502, engagement: 4503 } as const;

/**
 * Node's flags for a process: BENCH_PROFILE=mutu,engagement writes a CPU profile of each named
 * process to bench/profiles when it stops (summarise one with `pnpm --filter @mutu/bench
 * profile <file>`).
 */
const nodeFlags = (name: string) =>
  (process.env.BENCH_PROFILE ?? '').split(',').includes(name)
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(REPO, 'bench', 'profiles')}`,
        `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
      ]
    : [];
const origin = (port: number) => `http://127.0.0.1:${port}`;

/** The gateways compared, each in a process of its own so that its CPU is its own. */
export const GATEWAYS = {
  mutu: { label: "Mutu's gateway", port: 4500 },
  apollo: { label: 'vanilla @apollo/gateway', port: 4510 },
  hive: { label: 'Hive Gateway', port: 4520 },
  hiveRust: { label: 'Hive Gateway + Rust planner', port: 4530 },
} as const;
export type GatewayName = keyof typeof GATEWAYS;

export interface Subgraphs {
  readonly processes: readonly BenchProcess[];
  readonly gatewayKey: string;
  /** Where the bench's identity provider publishes its key (Mutu's gateway runs in production). */
  readonly idpJwksUrl: string;
  stop(): Promise<void>;
}

const IDP_PORT = 4540;

/** The demo identity provider's public key, served as a real provider's JWKS would be. */
async function identityProvider(): Promise<Server> {
  const jwks = JSON.stringify(jwksOf(await signingKeyFile(DEMO_IDP_KEY_FILE)));
  const server = createServer((req, res) => {
    if (req.url !== JWKS_PATH) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(IDP_PORT, '127.0.0.1', resolve));
  return server;
}

/**
 * The three subgraphs from their built bundles, on the databases `pnpm start` would use
 * (`<NAME>_DATABASE_URL`, `DATABASE_URL`, else each one's embedded PGlite), trusting the key
 * every gateway of the benchmark signs with. Ports 4500-4530, so they do not meet a running
 * `pnpm start` (stop it first when it runs on the embedded databases: PGlite has one owner).
 */
export async function startSubgraphs(
  options: { env?: Record<string, string> } = {},
): Promise<Subgraphs> {
  const gatewayKey = await exportSigningKey(await generateSigningKey());
  const idp = await identityProvider();
  // Production settings, as the peers run: every address and key given, no development checks.
  const shared = {
    NODE_ENV: 'production',
    ASSESSMENTS_SIGNING_KEY: await exportSigningKey(await generateSigningKey()),
    ENGAGEMENT_SIGNING_KEY: await exportSigningKey(await generateSigningKey()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    GATEWAY_JWKS_URL: `${origin(GATEWAYS.mutu.port)}/.well-known/jwks.json`,
    ORGANISATIONS_URL: `${origin(SUBGRAPHS.organisations)}/graphql`,
    ENGAGEMENT_URL: `${origin(SUBGRAPHS.engagement)}/graphql`,
    ASSESSMENTS_JWKS_URL: `${origin(SUBGRAPHS.assessments)}/.well-known/jwks.json`,
    ENGAGEMENT_JWKS_URL: `${origin(SUBGRAPHS.engagement)}/.well-known/jwks.json`,
  };
  const processes: BenchProcess[] = [];
  for (const [name, port] of Object.entries(SUBGRAPHS)) {
    processes.push(
      await startProcess({
        name,
        command: process.execPath,
        args: [...nodeFlags(name), 'dist/server.js'],
        cwd: join(REPO, 'services', name),
        env: { ...shared, ...options.env, PORT: String(port) },
        url: origin(port),
      }),
    );
  }
  return {
    processes,
    gatewayKey,
    idpJwksUrl: `${origin(IDP_PORT)}${JWKS_PATH}`,
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      idp.close();
    },
  };
}

const graphqlProbe = async (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  })
    .then((r) => r.ok)
    .catch(() => false);

/**
 * One gateway in front of the subgraphs. `caches: false` turns off what each one shares or
 * keeps between requests where it has a switch for it.
 */
export async function startGateway(
  name: GatewayName,
  subgraphs: Subgraphs,
  options: { caches: boolean; env?: Record<string, string> },
): Promise<BenchProcess & { graphql: string }> {
  const { port } = GATEWAYS[name];
  const routes = Object.fromEntries(
    Object.entries(SUBGRAPHS).map(([s, p]) => [s, `${origin(p)}/graphql`]),
  );
  const supergraph = join(REPO, 'gateway', 'supergraph.graphql');
  const common = { name: GATEWAYS[name].label, url: origin(port) };
  if (name === 'mutu') {
    const started = await startProcess({
      ...common,
      command: process.execPath,
      args: [...nodeFlags(name), 'dist/server.js'],
      cwd: join(REPO, 'gateway'),
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        METRICS_PORT: String(port + 9),
        GATEWAY_SIGNING_KEY: subgraphs.gatewayKey,
        JWKS_URL: subgraphs.idpJwksUrl,
        JWT_ISSUER: DEMO_ISSUER,
        SUPERGRAPH_WATCH: 'false',
        // The benchmark is one address sending thousands of requests a second.
        RATE_LIMIT_PER_ADDRESS: '0',
        RATE_LIMIT_PER_TOKEN: '0',
        LOG_LEVEL: 'info',
        RESPONSE_CACHE: options.caches ? 'true' : 'false',
        SUBGRAPH_SHARE_IN_FLIGHT: options.caches ? 'true' : 'false',
        ...Object.fromEntries(
          Object.entries(routes).map(([s, u]) => [`SUBGRAPH_${s.toUpperCase()}_URL`, u]),
        ),
        ...options.env,
      },
    });
    return { ...started, graphql: `${origin(port)}/graphql` };
  }
  const script = name === 'apollo' ? 'apollo.ts' : 'hive.ts';
  const graphql = name === 'apollo' ? `${origin(port)}/` : `${origin(port)}/graphql`;
  const started = await startProcess({
    ...common,
    command: process.execPath,
    args: [
      ...nodeFlags(name),
      '--import',
      'tsx',
      join(REPO, 'bench', 'src', 'run', 'peers', script),
    ],
    cwd: join(REPO, 'bench'),
    env: {
      PORT: String(port),
      BENCH_SUPERGRAPH: supergraph,
      BENCH_GATEWAY_KEY: subgraphs.gatewayKey,
      BENCH_CACHES: options.caches ? 'on' : 'off',
      BENCH_PLANNER: name === 'hiveRust' ? 'rust' : 'js',
      NODE_ENV: 'production',
      ...Object.fromEntries(
        Object.entries(routes).map(([s, u]) => [`BENCH_${s.toUpperCase()}_URL`, u]),
      ),
    },
    url: graphql,
    isReady: () => graphqlProbe(graphql),
  });
  return { ...started, graphql };
}
