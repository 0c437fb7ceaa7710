import type { IncomingMessage } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  IDENTITY_HEADER,
  type Identity,
  type Probe,
  PUBLIC,
  REQUEST_ID_HEADER,
  signIdentity,
} from '@mutu/server';
import { type AuthSettings, bearerVerifier } from './auth.js';
import { armour, type QueryLimits } from './limits.js';
import type { Metrics } from './metrics.js';
import { type SubgraphCallOptions, subgraphFetcher, subgraphProbes } from './subgraphs.js';
import { supergraphFile } from './supergraph-file.js';

export interface GatewayContext {
  /** Who is asking, verified from the bearer token (public without one). */
  identity: Identity;
  /** This request's id, passed to every subgraph call so their logs line up with ours. */
  requestId?: string;
  /** The identity signed for subgraphs, once per request. */
  signed?: Promise<string>;
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly secret: Uint8Array,
  ) {
    super(config);
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    // Subgraphs trust the identity only with the gateway's signature on it.
    context.signed ??= signIdentity(context.identity ?? PUBLIC, this.secret);
    request.http?.headers.set(IDENTITY_HEADER, await context.signed);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

export interface GatewayOptions {
  /** The composed supergraph SDL: the gateway never composes or introspects at run time. */
  readonly supergraphSdl: string;
  /** Where it came from, when the gateway should follow changes to that file. */
  readonly supergraphFile?: string;
  /** Routing URLs that replace the supergraph's, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  readonly limits: QueryLimits;
  readonly subgraphCalls: SubgraphCallOptions;
  /** Schema introspection; turn it off in production. */
  readonly introspection: boolean;
  readonly metrics?: Metrics;
  readonly auth: AuthSettings;
  /** Signs the identity sent to subgraphs (MUTU_INTERNAL_SECRET). */
  readonly internalSecret: Uint8Array;
}

/** Each subgraph's routing URL: the supergraph's own, or its override. */
export function routingUrls(
  supergraphSdl: string,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return Object.fromEntries(
    Supergraph.build(supergraphSdl)
      .subgraphsMetadata()
      .map(({ name, url }) => [name, overrides[name] ?? url]),
  );
}

export interface Gateway {
  readonly apollo: ApolloServer<GatewayContext>;
  /** /readyz: each subgraph's state. */
  readonly readiness: Record<string, Probe>;
  /** The request context: the verified identity and the request id. */
  context(req: IncomingMessage): Promise<GatewayContext>;
  /** Closes the pooled subgraph connections (after apollo.stop()). */
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const urls = routingUrls(options.supergraphSdl, options.subgraphUrls);
  const secret = options.internalSecret;
  const verify = bearerVerifier(options.auth);
  const calls = subgraphFetcher(options.subgraphCalls, options.metrics?.onSubgraphCall);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphFile
      ? supergraphFile(options.supergraphFile)
      : options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphSource(
        {
          // A subgraph that a reloaded supergraph adds is overridden too.
          url: options.subgraphUrls?.[name] ?? url,
          fetcher: calls.fetcherFor(name) as never,
        },
        secret,
      ),
  });
  const protection = armour(options.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    csrfPrevention: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    plugins: [...protection.plugins, ...(options.metrics ? [options.metrics.plugin] : [])],
    validationRules: protection.validationRules,
  });
  return {
    apollo,
    readiness: subgraphProbes(urls, secret),
    context: async (req) => {
      const requestId = req.headers[REQUEST_ID_HEADER];
      return {
        identity: await verify(req),
        ...(typeof requestId === 'string' ? { requestId } : {}),
      };
    },
    close: calls.close,
  };
}
