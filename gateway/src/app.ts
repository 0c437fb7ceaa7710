import type { IncomingMessage, ServerResponse } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  IDENTITY_HEADER,
  type Identity,
  JWKS_PATH,
  type Jwks,
  jwksOf,
  type Logger,
  maskUnexpectedErrors,
  type Probe,
  PUBLIC,
  REQUEST_ID_HEADER,
  type Refusal,
  refuseNulCharacters,
  type SigningKey,
  sendJson,
} from '@mutu/server';
import { GraphQLError } from 'graphql';
import { admission, chargeRefusedOperations } from './admission.js';
import type { AuthSettings } from './auth.js';
import { type SubgraphCredentials, subgraphCredentials } from './call-tokens.js';
import { armour, type QueryLimits } from './limits.js';
import type { Metrics } from './metrics.js';
import type { RateLimitSettings } from './rate-limits.js';
import { reportRoutes } from './reports.js';
import { type ResponseCacheSettings, responseCache } from './response-cache.js';
import { type SubgraphCallOptions, subgraphFetcher, subgraphProbes } from './subgraphs.js';
import { supergraphFile } from './supergraph-file.js';
import {
  persistedQueryCache,
  type TrustedDocuments,
  trustedDocumentsPlugin,
} from './trusted-documents.js';
import { uploadRoutes } from './uploads.js';

export interface GatewayContext {
  /** Who is asking, verified from the bearer token (public without one). */
  identity: Identity;
  /** This request's id, passed to every subgraph call so their logs line up with ours. */
  requestId?: string;
  /** Spends the caller's budget for an operation refused before it ran. */
  refusedOperation(): Promise<void>;
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly audience: string,
    private readonly credentials: SubgraphCredentials,
    private readonly logger?: Logger,
  ) {
    super(config);
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    // Each subgraph gets a token for itself alone: one it received is refused by every other.
    const token = await this.credentials(context.identity ?? PUBLIC, this.audience);
    request.http?.headers.set(IDENTITY_HEADER, token);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /**
   * A subgraph's 4xx that says why in a typed GraphQL error is the caller's mistake, found where
   * only the subgraph could find it (a Date that does not parse: to the gateway it is an opaque
   * scalar). The caller gets that error as the subgraph wrote it, naming the variable, instead
   * of "400: Bad Request", which Apollo's data source makes of it and we would mask as internal.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource<GatewayContext>['errorFromResponse']>[0],
  ) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body as
      | { errors?: { message?: unknown; extensions?: { code?: unknown } }[] }
      | undefined;
    const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
    const code = first?.extensions?.code;
    if (
      response.status >= 400 &&
      response.status < 500 &&
      typeof first?.message === 'string' &&
      typeof code === 'string' &&
      CALLER_MISTAKES.has(code)
    ) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    }
    // The subgraph's address and the rest of its answer are the deployment's, not the
    // caller's: they go to the log, and the caller gets the subgraph's name and a code.
    this.logger?.warn(
      { subgraph: this.audience, url: response.url, status: response.status, body },
      'subgraph call failed',
    );
    if (response.status === 401 || response.status === 403) {
      return new GraphQLError(
        `The ${this.audience} subgraph refused the gateway's call (HTTP ${response.status}); the details are in the gateway's log`,
        { extensions: { code: 'SUBGRAPH_REFUSED', subgraph: this.audience } },
      );
    }
    const { response: _withheld, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { extensions });
  }
}

/** Codes of a subgraph's errors that are the caller's to read. */
const CALLER_MISTAKES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

export interface GatewayOptions {
  /** The composed supergraph SDL: the gateway never composes or introspects at run time. */
  readonly supergraphSdl: string;
  /** Where it came from, when the gateway should follow changes to that file. */
  readonly supergraphFile?: string;
  /** Routing URLs that replace the supergraph's, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  readonly limits: QueryLimits;
  readonly rateLimits: RateLimitSettings;
  readonly subgraphCalls: SubgraphCallOptions;
  /** Answers kept for callers without a token; none when omitted. */
  readonly responseCache?: ResponseCacheSettings;
  /** Schema introspection; turn it off in production. */
  readonly introspection: boolean;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  readonly auth: AuthSettings;
  /** Signs the call tokens sent to subgraphs; its public half is served as a JWKS. */
  readonly signingKey: SigningKey;
  /** Mutu's own subgraphs, which learn the caller's subject; the others are partners'. */
  readonly internalSubgraphs: ReadonlySet<string>;
  /** Largest upload on the upload routes. */
  readonly maxUploadBytes: number;
  /** First-party clients' operations: each such client may send only its own. */
  readonly trustedDocuments?: readonly TrustedDocuments[];
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
  /** Rate limits and the bearer token, before a /graphql body is read. */
  admit(req: IncomingMessage): Promise<Refusal | undefined>;
  /** A /graphql body was read: a larger one than declared spends more of the budget. */
  bodyRead(req: IncomingMessage, bytes: number): Promise<void>;
  /** The request context: the verified identity and the request id. */
  context(req: IncomingMessage): Promise<GatewayContext>;
  /** The public keys subgraphs and partners verify call tokens with, and the upload routes. */
  readonly routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
  /** Closes the pooled subgraph connections and the rate-limit store (after apollo.stop()). */
  close(): Promise<void>;
}

export function createGateway(options: GatewayOptions): Gateway {
  const urls = routingUrls(options.supergraphSdl, options.subgraphUrls);
  const credentials = subgraphCredentials(options.signingKey, options.internalSubgraphs);
  const jwks: Jwks = jwksOf(options.signingKey);
  const gatekeeper = admission(options.auth, options.rateLimits);
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
        name,
        credentials,
        options.logger,
      ),
  });
  const protection = armour<GatewayContext>(options.limits);
  const cache = responseCache(options.responseCache ?? { enabled: false, maxBytes: 0 });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    csrfPrevention: true,
    // Stack traces are for logs, not for callers.
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: persistedQueryCache(options.trustedDocuments ?? []) },
    plugins: [
      trustedDocumentsPlugin<GatewayContext>(options.trustedDocuments ?? []),
      // At the edge, so the error names the caller's own variable.
      refuseNulCharacters<GatewayContext>(),
      ...protection.plugins,
      ...cache.plugins,
      maskUnexpectedErrors<GatewayContext>({
        logger: options.logger,
        requestIdOf: (context) => context.requestId,
      }),
      ...(options.metrics ? [options.metrics.plugin] : []),
      chargeRefusedOperations<GatewayContext>(),
    ],
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
  });
  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = req.headers[REQUEST_ID_HEADER];
    return {
      identity: gatekeeper.identityOf(req),
      ...(typeof requestId === 'string' ? { requestId } : {}),
      refusedOperation: () => gatekeeper.refusedOperation(req),
    };
  };
  return {
    apollo,
    readiness: subgraphProbes(urls, credentials),
    admit: gatekeeper.admitQuery,
    bodyRead: gatekeeper.bodyRead,
    context,
    routes: {
      [JWKS_PATH]: async (_req, res) => {
        res.setHeader('cache-control', 'public, max-age=300');
        sendJson(res, 200, jwks);
      },
      ...uploadRoutes({
        urls,
        admission: gatekeeper,
        credentials,
        dispatcher: calls.dispatcher,
        maxBytes: options.maxUploadBytes,
        onWrite: cache.invalidate,
      }),
      ...reportRoutes({ apollo, admission: gatekeeper, context }),
    },
    async close() {
      await calls.close();
      await gatekeeper.close();
      await cache.close();
    },
  };
}
