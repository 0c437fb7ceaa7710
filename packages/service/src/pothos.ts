import type { ApolloServer } from '@apollo/server';
import {
  coversOrganisation,
  type Identity,
  type Logger,
  type Probe,
  speaksFor,
} from '@mutu/server';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { subgraphApollo } from './apollo.js';
import type { RequestInfo } from './definition.js';
import { announcePublishedChanges, type PublishedCache } from './published-cache.js';

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** plugin-errors options every subgraph's builder uses. */
export const ERRORS_OPTIONS = {
  // Only the domain errors a field lists become typed results; anything unexpected (a database
  // outage, the register unreachable) stays a plain GraphQL error rather than a result that
  // looks like the user's fault.
  defaultTypes: [],
  defaultResultOptions: {
    name: ({ fieldName }: { fieldName: string }) => `${capitalised(fieldName)}Success`,
  },
  defaultUnionOptions: {
    name: ({ fieldName }: { fieldName: string }) => `${capitalised(fieldName)}Result`,
  },
};

/** plugin-relay options every subgraph's builder uses. */
export const RELAY_OPTIONS = {
  clientMutationId: 'omit',
  cursorType: 'String',
  // Entities are fetched by their federation keys; no global `node` lookups.
  nodeQueryOptions: false,
  nodesQueryOptions: false,
  // Every subgraph with a connection defines PageInfo; federation needs them shareable.
  pageInfoTypeOptions: { shareable: true },
} as const;

/** The request context of every subgraph: its batch loaders and who is asking. */
export interface SubgraphContext<L> {
  /** Per-request batch loaders (a DataLoader caches for one request only). */
  loaders: L;
  /** Who is asking, as the gateway verified and signed it; `sub` goes into audit entries. */
  identity: Identity;
  /** This request's id, as in the logs; unexpected errors quote it to the caller. */
  requestId?: string;
}

/**
 * The roles' scopes (plugin-scope-auth): `analyst` reads everything published and that drafts
 * exist; `assessorOf(id)` writes for organisations in the assessor's province or regency;
 * `unitOf(id)` acts for the unit's own organisation and the bodies under it;
 * `admin` does everything. Public callers hold none of them.
 */
export interface MutuAuthScopes {
  analyst: boolean;
  admin: boolean;
  assessorOf: string;
  unitOf: string;
}

/**
 * What an identity may do: the one rule behind every field's authScopes and every route
 * (uploads) that is not GraphQL. A service's own call (a register or event look-up) holds no scope: it
 * reads what the public reads, nothing more.
 */
export function scopesOf(identity: Identity) {
  return {
    analyst: ['analyst', 'assessor', 'admin'].includes(identity.role),
    admin: identity.role === 'admin',
    assessorOf: (organisationId: string) => coversOrganisation(identity, organisationId),
    unitOf: (organisationId: string) => speaksFor(identity, organisationId),
  };
}

/** The authScopes of the writes only an administrator (the supervising body) makes. */
export const ADMIN_ONLY = { admin: true } as const;

/** plugin-scope-auth options every subgraph's builder uses. */
export const SCOPE_AUTH_OPTIONS = {
  authScopes: (context: SubgraphContext<unknown>) => scopesOf(context.identity),
  unauthorizedError: (
    _parent: unknown,
    context: SubgraphContext<unknown>,
    info: { fieldName: string },
  ) =>
    new GraphQLError(
      `${info.fieldName} is not allowed for ${context.identity.role === 'public' ? 'callers without a token' : `role ${context.identity.role}`}`,
      { extensions: { code: 'FORBIDDEN' } },
    ),
};

/**
 * What a subgraph's app.ts exports for start-up and tests: its Apollo server (not yet
 * listening), the readiness probe (the database answers) and a fresh context per request.
 */
export function subgraphParts<L>(options: {
  schema: GraphQLSchema;
  database: () => { $queryRaw(query: TemplateStringsArray): Promise<unknown> };
  /** Per request; loaders that count or filter by visibility are made for the caller. */
  createLoaders: (identity: Identity) => L;
  /** What the subgraph keeps of published data: every mutation it serves clears it. */
  published?: () => PublishedCache;
}) {
  const { published } = options;
  return {
    createApollo: (logger?: Logger): ApolloServer<SubgraphContext<L>> =>
      subgraphApollo<SubgraphContext<L>>(
        options.schema,
        logger,
        published ? [announcePublishedChanges(published)] : [],
      ),
    readiness: {
      database: async () => void (await options.database().$queryRaw`select 1`),
    } satisfies Record<string, Probe>,
    // The call token was verified by the shared start-up before the context is made.
    createContext: ({ identity, requestId }: RequestInfo): SubgraphContext<L> => ({
      loaders: options.createLoaders(identity),
      identity,
      requestId,
    }),
  };
}

/** The SchemaBuilder type parameters every subgraph uses, given its loaders and Prisma types. */
export interface SubgraphSchemaTypes<L, P extends object> {
  Context: SubgraphContext<L>;
  AuthScopes: MutuAuthScopes;
  PrismaTypes: P;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}

type SubgraphPlugin =
  | typeof ScopeAuthPlugin
  | typeof DirectivesPlugin
  | typeof ErrorsPlugin
  | typeof RelayPlugin
  | typeof PrismaPlugin
  | typeof FederationPlugin;

/**
 * The SchemaBuilder options every subgraph uses: the same plugins (scope-auth first, as it
 * wraps the others), non-null by default, and the shared auth, error and relay options. Each
 * subgraph brings only its own Prisma client and data model.
 */
export function subgraphBuilderOptions<Client, Datamodel>(prisma: {
  client: () => Client;
  dmmf: Datamodel;
}) {
  return {
    plugins: [
      ScopeAuthPlugin,
      DirectivesPlugin,
      ErrorsPlugin,
      RelayPlugin,
      PrismaPlugin,
      FederationPlugin,
    ] as SubgraphPlugin[],
    defaultFieldNullability: false as const,
    scopeAuth: SCOPE_AUTH_OPTIONS,
    errors: ERRORS_OPTIONS,
    relay: RELAY_OPTIONS,
    prisma: {
      client: prisma.client,
      dmmf: prisma.dmmf,
      exposeDescriptions: false,
      filterConnectionTotalCount: true,
    },
  };
}
