import {
  defineScalars,
  type SubgraphContext,
  type SubgraphSchemaTypes,
  subgraphBuilderOptions,
} from '@mutu/service';
import SchemaBuilder from '@pothos/core';
import { prisma } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import type { Loaders } from './loaders.js';

/** Per-request loaders and the caller's verified identity (see @mutu/service). */
export type Context = SubgraphContext<Loaders>;

/** This subgraph's schema builder: the shared options over its own Prisma client. */
export const builder = new SchemaBuilder<SubgraphSchemaTypes<Loaders, PrismaTypes>>(
  subgraphBuilderOptions({ client: () => prisma(), dmmf: getDatamodel() }),
);

builder.queryType({});
builder.mutationType({});

defineScalars(builder);
