import type { IncomingMessage } from 'node:http';
import type { BaseContext } from '@apollo/server';
import {
  IDENTITY_HEADER,
  JWKS_PATH,
  type Logger,
  REQUEST_ID_HEADER,
  type RunningServer,
  sendJson,
  sendRefusal,
  serveGraphQL,
} from '@mutu/server';
import type { RequestInfo, ServiceDefinition } from './definition.js';
import type { ServiceTrust } from './trust.js';

/**
 * A subgraph listening: /graphql and its routes behind the call-token check, its public keys
 * on /.well-known/jwks.json when it has a key of its own, /healthz and /readyz. Production
 * start-up and tests start it the same way.
 */
export async function serveService<TContext extends BaseContext>(
  service: ServiceDefinition<TContext>,
  trust: ServiceTrust,
  options: { port: number; host?: string; logger?: Logger },
): Promise<RunningServer> {
  const requestOf = async (req: IncomingMessage): Promise<RequestInfo> => ({
    identity: await trust.verify(req.headers[IDENTITY_HEADER]),
    requestId: String(req.headers[REQUEST_ID_HEADER]),
  });
  const served: NonNullable<Parameters<typeof serveGraphQL>[0]['routes']> = {
    ...(trust.jwks
      ? {
          [JWKS_PATH]: async (_req, res) => {
            res.setHeader('cache-control', 'public, max-age=300');
            sendJson(res, 200, trust.jwks);
          },
        }
      : {}),
    ...Object.fromEntries(
      Object.entries(service.routes ?? {}).map(([path, route]) => [
        path,
        async (req, res) => {
          let request: RequestInfo;
          try {
            request = await requestOf(req);
          } catch (error) {
            // The body is never read for a caller we do not know.
            return sendRefusal(req, res, {
              status: 401,
              code: 'UNAUTHENTICATED',
              message: (error as Error).message,
            });
          }
          await route(req, res, request);
        },
      ]),
    ),
  };
  const apollo = service.createApollo(options.logger);
  await apollo.start();
  const server = await serveGraphQL({
    apollo,
    context: async (req) => service.createContext(await requestOf(req)),
    port: options.port,
    host: options.host,
    readiness: service.readiness,
    logger: options.logger,
    routes: served,
  });
  return {
    ...server,
    async close() {
      await server.close();
      await apollo.stop();
    },
  };
}
