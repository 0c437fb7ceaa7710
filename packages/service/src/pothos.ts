import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  coversOrganisation,
  IDENTITY_HEADER,
  type Identity,
  identityOf,
  internalSecret,
  type Probe,
} from '@mutu/server';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { subgraphApollo } from './apollo.js';

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
}

/**
 * The roles' scopes (plugin-scope-auth): `analyst` reads everything published and that drafts
 * exist; `assessorOf(id)` writes for organisations in the assessor's province or regency;
 * `admin` does everything. Public callers hold none of them.
 */
export interface MutuAuthScopes {
  analyst: boolean;
  admin: boolean;
  assessorOf: string;
}

/** plugin-scope-auth options every subgraph's builder uses. */
export const SCOPE_AUTH_OPTIONS = {
  authScopes: (context: SubgraphContext<unknown>) => ({
    analyst: ['analyst', 'assessor', 'admin', 'service'].includes(context.identity.role),
    admin: context.identity.role === 'admin',
    assessorOf: (organisationId: string) => coversOrganisation(context.identity, organisationId),
  }),
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
  createLoaders: () => L;
}) {
  return {
    createApollo: (): ApolloServer<SubgraphContext<L>> =>
      subgraphApollo<SubgraphContext<L>>(options.schema),
    readiness: {
      database: async () => void (await options.database().$queryRaw`select 1`),
    } satisfies Record<string, Probe>,
    createContext: async (req?: IncomingMessage): Promise<SubgraphContext<L>> => {
      // Subgraphs answer the gateway (and each other) only: every call carries a signed identity.
      const identity = await identityOf(req?.headers[IDENTITY_HEADER], internalSecret());
      return { loaders: options.createLoaders(), identity };
    },
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
