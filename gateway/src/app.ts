import type { IncomingMessage } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';

export interface GatewayContext {
  /** The caller's claimed identity, forwarded to subgraphs for their audit entries. */
  actor?: string;
}

/**
 * Until the gateway verifies bearer tokens (issue 6), it forwards the caller's x-mutu-actor
 * header as is: audit entries record a claim, not a verified identity.
 */
export async function gatewayContext(req: IncomingMessage): Promise<GatewayContext> {
  const actor = req.headers['x-mutu-actor'];
  return typeof actor === 'string' ? { actor } : {};
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    if (context.actor) request.http?.headers.set('x-mutu-actor', context.actor);
  }
}

export interface GatewayOptions {
  /** The composed supergraph SDL: the gateway never composes or introspects at run time. */
  readonly supergraphSdl: string;
  /** Routing URLs that replace the supergraph's, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
}

export function createGateway(options: GatewayOptions): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  return new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    csrfPrevention: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
  });
}
