import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger, type Logger, type RunningServer, serveGraphQL } from '@mutu/server';
import { createGateway } from './app.js';
import { SUPERGRAPH_FILE } from './compose.js';
import { type Env, gatewaySettings } from './env.js';
import { createMetrics, type Metrics } from './metrics.js';
import { DASHBOARD_DIR, EXPLORER_DIR, staticRoutes } from './static-files.js';
import { loadTrustedDocuments } from './trusted-documents.js';

export interface RunningGateway extends RunningServer {
  /** Where Prometheus scrapes /metrics: a port of its own, not the public one. */
  readonly metricsUrl: string;
}

/** /metrics on the internal address only: request counts and latencies are not for callers. */
async function serveMetrics(metrics: Metrics, port: number, host: string) {
  const server = createServer(async (req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The dashboard loads only its own files and talks only to this gateway; ECharts draws on a
// canvas and React sets styles through the DOM, so no inline script is needed.
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The gateway listening as configured: the committed supergraph (or SUPERGRAPH_PATH), limits,
 * CORS, /healthz and /readyz with each subgraph's state, the JWKS of its call tokens, and
 * /metrics on its own port. server.ts and the tests start it the same way.
 */
export async function startGateway(
  env: Env,
  options: { logger?: Logger } = {},
): Promise<RunningGateway> {
  const file = env.SUPERGRAPH_PATH ?? SUPERGRAPH_FILE;
  const logger = options.logger ?? createLogger('gateway', env.LOG_LEVEL);
  const metrics = createMetrics();
  const dashboardDir = env.DASHBOARD_DIR ?? DASHBOARD_DIR;
  const dashboard = await loadTrustedDocuments(path.join(dashboardDir, 'trusted-documents.json'));
  const gateway = createGateway({
    metrics,
    logger,
    supergraphSdl: await readFile(file, 'utf8'),
    supergraphFile: env.SUPERGRAPH_WATCH ? file : undefined,
    subgraphUrls: env.subgraphUrls,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    trustedDocuments: dashboard ? [dashboard] : [],
    ...(await gatewaySettings(env)),
  });
  await gateway.apollo.start();
  const server = await serveGraphQL({
    apollo: gateway.apollo,
    admit: gateway.admit,
    bodyRead: gateway.bodyRead,
    context: gateway.context,
    port: env.PORT,
    host: env.HOST,
    readiness: gateway.readiness,
    // The gateway stays ready while any subgraph answers: it serves their fields and an error
    // for the others.
    readyWhen: 'any',
    maxBodyBytes: env.MAX_BODY_BYTES,
    corsOrigins: env.CORS_ORIGINS,
    logger,
    onGraphQLResponse: metrics.onGraphQLResponse,
    routes: {
      // The explorer needs introspection; with it off, so is the explorer.
      ...(env.INTROSPECTION
        ? await staticRoutes('/explorer', env.EXPLORER_DIR ?? EXPLORER_DIR)
        : {}),
      ...(dashboard
        ? await staticRoutes('/dashboard', path.join(dashboardDir, 'site'), {
            contentSecurityPolicy: DASHBOARD_CSP,
          })
        : {}),
      ...gateway.routes,
    },
  });
  const metricsServer = await serveMetrics(metrics, env.METRICS_PORT, env.METRICS_HOST);
  return {
    ...server,
    metricsUrl: metricsServer.url,
    async close() {
      await server.close();
      await metricsServer.close();
      await gateway.apollo.stop();
      await gateway.close();
    },
  };
}
