import { groupBy, perQuery } from '@mutu/service';
import type DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Award } from '../generated/prisma/client.js';

/** Awards of many organisations or cycles in one batch per request. */
export interface AwardLoaders {
  awardsOf(query: object): DataLoader<string, Award[]>;
  awardsOfCycle(query: object): DataLoader<string, Award[]>;
}

export function awardLoaders(): AwardLoaders {
  return {
    awardsOf: perQuery(async (query, orgIds) => {
      const rows = await prisma().award.findMany({
        ...query,
        where: { recipientId: { in: [...orgIds] } },
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      });
      return groupBy(orgIds, rows, (a) => [a.recipientId]);
    }),
    awardsOfCycle: perQuery(async (query, cycleIds) => {
      const rows = await prisma().award.findMany({
        ...query,
        where: { cycleId: { in: [...cycleIds] } },
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      });
      return groupBy(cycleIds, rows, (a) => (a.cycleId ? [a.cycleId] : []));
    }),
  };
}
