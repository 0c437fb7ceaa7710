import { groupBy, linked, perQuery } from '@mutu/service';
import type DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Event } from '../generated/prisma/client.js';

/** Events of many organisations or cycles in one batch per request. */
export interface EventLoaders {
  eventsOf(query: object): DataLoader<string, Event[]>;
  eventsOfCycle(query: object): DataLoader<string, Event[]>;
}

export function eventLoaders(): EventLoaders {
  return {
    eventsOf: perQuery(async (query, orgIds) => {
      // One organisation (the contract's query): its events are all the rows, in one statement.
      if (orgIds.length === 1) {
        const rows = await prisma().event.findMany({
          ...query,
          where: { organisations: { some: { organisationId: orgIds[0] } } },
          orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
        });
        return [rows];
      }
      const links = await prisma().eventOrganisation.findMany({
        where: { organisationId: { in: [...orgIds] } },
        select: { eventId: true, organisationId: true },
        distinct: ['eventId', 'organisationId'],
      });
      if (links.length === 0) return orgIds.map(() => []);
      const rows = await prisma().event.findMany({
        ...query,
        where: { id: { in: [...new Set(links.map((l) => l.eventId))] } },
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
      const organisationsOf = linked(links.map((l) => ({ from: l.eventId, to: l.organisationId })));
      return groupBy(orgIds, rows, (e) => organisationsOf(e.id));
    }),
    eventsOfCycle: perQuery(async (query, cycleIds) => {
      const rows = await prisma().event.findMany({
        ...query,
        where: { cycleId: { in: [...cycleIds] } },
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
      return groupBy(cycleIds, rows, (e) => (e.cycleId ? [e.cycleId] : []));
    }),
  };
}
