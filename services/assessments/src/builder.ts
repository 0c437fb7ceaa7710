import {
  ERRORS_OPTIONS,
  type MutuAuthScopes,
  SCOPE_AUTH_OPTIONS,
  type SubgraphContext,
} from '@mutu/service';
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { prisma } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import type { Loaders } from './loaders.js';

/** Per-request loaders and the actor (see @mutu/service). */
export type Context = SubgraphContext<Loaders>;

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: MutuAuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, DirectivesPlugin, ErrorsPlugin, PrismaPlugin, FederationPlugin],
  defaultFieldNullability: false,
  scopeAuth: SCOPE_AUTH_OPTIONS,
  errors: ERRORS_OPTIONS,
  prisma: {
    client: () => prisma(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
});

builder.queryType({});
builder.mutationType({});
