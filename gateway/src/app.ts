import type { IncomingMessage } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { type Probe, REQUEST_ID_HEADER } from '@mutu/server';
import { armour, type QueryLimits } from './limits.js';
import type { Metrics } from './metrics.js';
import { type SubgraphCallOptions, subgraphFetcher, subgraphProbes } from './subgraphs.js';
import { supergraphFile } from './supergraph-file.js';

export interface GatewayContext {
  /** The caller's claimed identity, forwarded to subgraphs for their audit entries. */
  actor?: string;
  /** This request's id, passed to every subgraph call so their logs line up with ours. */
  requestId?: string;
}

/**
 * Until the gateway verifies bearer tokens (issue 6), it forwards the caller's x-mutu-actor
 * header as is: audit entries record a claim, not a verified identity.
 */
export async function gatewayContext(req: IncomingMessage): Promise<GatewayContext> {
  const actor = req.headers['x-mutu-actor'];
  const requestId = req.headers[REQUEST_ID_HEADER];
  return {
    ...(typeof actor === 'string' ? { actor } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    if (context.actor) request.http?.headers.set('x-mutu-actor', context.actor);
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
  /** Closes the pooled subgraph connections (after apollo.stop()). */
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const urls = routingUrls(options.supergraphSdl, options.subgraphUrls);
  const calls = subgraphFetcher(options.subgraphCalls, options.metrics?.onSubgraphCall);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphFile
      ? supergraphFile(options.supergraphFile)
      : options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphSource({
        // A subgraph that a reloaded supergraph adds is overridden too.
        url: options.subgraphUrls?.[name] ?? url,
        fetcher: calls.fetcherFor(name) as never,
      }),
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
  return { apollo, readiness: subgraphProbes(urls), close: calls.close };
}
