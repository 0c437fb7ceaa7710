import { readFile } from 'node:fs/promises';
import { createLogger, type Logger, type RunningServer, serveGraphQL } from '@mutu/server';
import { createGateway } from './app.js';
import { SUPERGRAPH_FILE } from './compose.js';
import { type Env, gatewaySettings } from './env.js';
import { EXPLORER_DIR, explorerRoutes } from './explorer.js';
import { createMetrics } from './metrics.js';

/**
 * The gateway listening as configured: the committed supergraph (or SUPERGRAPH_PATH), limits,
 * CORS, /healthz and /readyz with each subgraph's state. server.ts and the tests start it
 * the same way.
 */
export async function startGateway(
  env: Env,
  options: { logger?: Logger } = {},
): Promise<RunningServer> {
  const file = env.SUPERGRAPH_PATH ?? SUPERGRAPH_FILE;
  const metrics = createMetrics();
  const gateway = createGateway({
    metrics,
    supergraphSdl: await readFile(file, 'utf8'),
    supergraphFile: env.SUPERGRAPH_WATCH ? file : undefined,
    subgraphUrls: env.subgraphUrls,
    ...gatewaySettings(env),
  });
  await gateway.apollo.start();
  const server = await serveGraphQL({
    apollo: gateway.apollo,
    context: gateway.context,
    port: env.PORT,
    host: env.HOST,
    readiness: gateway.readiness,
    // The gateway stays ready while any subgraph answers: it serves their fields and an error
    // for the others.
    readyWhen: 'any',
    maxBodyBytes: env.MAX_BODY_BYTES,
    corsOrigins: env.CORS_ORIGINS,
    logger: options.logger ?? createLogger('gateway', env.LOG_LEVEL),
    onGraphQLResponse: metrics.onGraphQLResponse,
    routes: {
      // The explorer needs introspection; with it off, so is the explorer.
      ...(env.INTROSPECTION ? await explorerRoutes(env.EXPLORER_DIR ?? EXPLORER_DIR) : {}),
      '/metrics': async (_req, res) => {
        res.setHeader('content-type', metrics.registry.contentType);
        res.end(await metrics.registry.metrics());
      },
    },
  });
  return {
    ...server,
    async close() {
      await server.close();
      await gateway.apollo.stop();
      await gateway.close();
    },
  };
}
