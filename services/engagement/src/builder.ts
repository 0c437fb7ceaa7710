import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { prisma } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import type { Loaders } from './loaders.js';

export interface Context {
  /** Per-request batch loaders (a DataLoader caches for one request only). */
  loaders: Loaders;
  /** Who is asking, recorded in audit entries. */
  actor: string;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [DirectivesPlugin, ErrorsPlugin, RelayPlugin, PrismaPlugin, FederationPlugin],
  defaultFieldNullability: false,
  errors: {
    // Only the domain errors a field lists become typed results; anything unexpected stays a
    // plain GraphQL error rather than a result that looks like the user's fault.
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalised(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalised(fieldName)}Result` },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Entities are fetched by their federation keys; no global `node` lookups.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Every subgraph with a connection defines PageInfo; federation needs them shareable.
    pageInfoTypeOptions: { shareable: true },
  },
  prisma: {
    client: () => prisma(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
});

builder.queryType({});
builder.mutationType({});
