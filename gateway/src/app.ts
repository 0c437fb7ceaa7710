import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';

export interface GatewayOptions {
  /** The composed supergraph SDL: the gateway never composes or introspects at run time. */
  readonly supergraphSdl: string;
  /** Routing URLs that replace the supergraph's, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
}

export function createGateway(options: GatewayOptions): ApolloServer {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  return new ApolloServer({ gateway, introspection: true, csrfPrevention: true });
}
