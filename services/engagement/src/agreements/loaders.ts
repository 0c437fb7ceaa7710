import { groupBy, linked, perQuery } from '@mutu/service';
import type DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Agreement } from '../generated/prisma/client.js';

/** Agreements of many organisations in one batch per request. */
export interface AgreementLoaders {
  agreementsOf(query: object): DataLoader<string, Agreement[]>;
}

export function agreementLoaders(): AgreementLoaders {
  return {
    agreementsOf: perQuery(async (query, orgIds) => {
      // One organisation (the contract's query): its agreements are all the rows, in one statement.
      if (orgIds.length === 1) {
        const rows = await prisma().agreement.findMany({
          ...query,
          where: { parties: { some: { organisationId: orgIds[0] } } },
          orderBy: [{ signedOn: 'desc' }, { id: 'asc' }],
        });
        return [rows];
      }
      const links = await prisma().agreementParty.findMany({
        where: { organisationId: { in: [...orgIds] } },
        select: { agreementId: true, organisationId: true },
      });
      if (links.length === 0) return orgIds.map(() => []);
      const rows = await prisma().agreement.findMany({
        ...query,
        where: { id: { in: [...new Set(links.map((l) => l.agreementId))] } },
        orderBy: [{ signedOn: 'desc' }, { id: 'asc' }],
      });
      const partiesOf = linked(links.map((l) => ({ from: l.agreementId, to: l.organisationId })));
      return groupBy(orgIds, rows, (a) => partiesOf(a.id));
    }),
  };
}
