import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { AuditEntry, Organisation } from '../generated/prisma/client.js';

/** The register's batch loaders: one or two queries whatever the number of organisations. */
export interface OrganisationLoaders {
  /** Organisations by id, whole rows (entity references): one query for any number. */
  byId: DataLoader<string, Organisation | null>;
  /** Ancestors of each organisation, top first: two queries for any number of organisations. */
  ancestors: DataLoader<string, Organisation[]>;
  /** Audit entries of each organisation, newest first: one query for any number. */
  auditTrail: DataLoader<string, AuditEntry[]>;
}

/** Deeper than any real hierarchy; stops a corrupt cycle from looping forever. */
const MAX_DEPTH = 32;

export function organisationLoaders(): OrganisationLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const rows = await prisma().organisation.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    ancestors: new DataLoader(async (ids) => {
      const chain = await prisma().$queryRaw<{ start: string; ancestor: string; depth: number }[]>`
        with recursive chain(start, ancestor, depth) as (
          select id, "parentId", 1 from "Organisation" where id = any(${[...ids]}::text[])
          union all
          select chain.start, o."parentId", chain.depth + 1
            from chain join "Organisation" o on o.id = chain.ancestor
           where chain.depth < ${MAX_DEPTH}
        )
        select start, ancestor, depth from chain where ancestor is not null`;
      const rows = await prisma().organisation.findMany({
        where: { id: { in: [...new Set(chain.map((c) => c.ancestor))] } },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) =>
        chain
          .filter((c) => c.start === id)
          .sort((a, b) => b.depth - a.depth)
          .flatMap((c) => byId.get(c.ancestor) ?? []),
      );
    }),
    auditTrail: new DataLoader(async (ids) => {
      const entries = await prisma().auditEntry.findMany({
        where: { entityType: 'Organisation', entityId: { in: [...ids] } },
        orderBy: [{ at: 'desc' }, { id: 'asc' }],
      });
      return ids.map((id) => entries.filter((e) => e.entityId === id));
    }),
  };
}
