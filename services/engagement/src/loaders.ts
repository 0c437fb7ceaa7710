import DataLoader from 'dataloader';
import { prisma } from './db.js';
import type { Agreement, Award, Event } from './generated/prisma/client.js';

/**
 * Lists attached to many organisations or cycles, each one batch per request whatever the
 * number of parents. Pothos passes the nested selection as `query` (include of relations);
 * requests with the same selection share one loader, so a list of 100 organisations costs the
 * statements of one.
 */
export interface Loaders {
  agreementsOf(query: object): DataLoader<string, Agreement[]>;
  eventsOf(query: object): DataLoader<string, Event[]>;
  awardsOf(query: object): DataLoader<string, Award[]>;
  eventsOfCycle(query: object): DataLoader<string, Event[]>;
  awardsOfCycle(query: object): DataLoader<string, Award[]>;
}

function perQuery<V>(batch: (query: object, keys: readonly string[]) => Promise<V[]>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (query: object) => {
    const key = JSON.stringify(query);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((keys) => batch(query, keys));
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** Each key's linked ids (an agreement's parties, an event's organisations). */
function linked(links: { from: string; to: string }[]): (id: string) => string[] {
  const map = new Map<string, string[]>();
  for (const { from, to } of links) map.set(from, [...(map.get(from) ?? []), to]);
  return (id) => map.get(id) ?? [];
}

function groupBy<T>(keys: readonly string[], rows: T[], keysOf: (row: T) => string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) for (const k of keysOf(row)) groups.get(k)?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export function createLoaders(): Loaders {
  return {
    agreementsOf: perQuery(async (query, orgIds) => {
      const links = await prisma().agreementParty.findMany({
        where: { organisationId: { in: [...orgIds] } },
        select: { agreementId: true, organisationId: true },
      });
      const rows = await prisma().agreement.findMany({
        ...query,
        where: { id: { in: [...new Set(links.map((l) => l.agreementId))] } },
        orderBy: [{ signedOn: 'desc' }, { id: 'asc' }],
      });
      const partiesOf = linked(links.map((l) => ({ from: l.agreementId, to: l.organisationId })));
      return groupBy(orgIds, rows, (a) => partiesOf(a.id));
    }),
    eventsOf: perQuery(async (query, orgIds) => {
      const links = await prisma().eventOrganisation.findMany({
        where: { organisationId: { in: [...orgIds] } },
        select: { eventId: true, organisationId: true },
        distinct: ['eventId', 'organisationId'],
      });
      const rows = await prisma().event.findMany({
        ...query,
        where: { id: { in: [...new Set(links.map((l) => l.eventId))] } },
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
      const organisationsOf = linked(links.map((l) => ({ from: l.eventId, to: l.organisationId })));
      return groupBy(orgIds, rows, (e) => organisationsOf(e.id));
    }),
    awardsOf: perQuery(async (query, orgIds) => {
      const rows = await prisma().award.findMany({
        ...query,
        where: { recipientId: { in: [...orgIds] } },
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      });
      return groupBy(orgIds, rows, (a) => [a.recipientId]);
    }),
    eventsOfCycle: perQuery(async (query, cycleIds) => {
      const rows = await prisma().event.findMany({
        ...query,
        where: { cycleId: { in: [...cycleIds] } },
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
      return groupBy(cycleIds, rows, (e) => (e.cycleId ? [e.cycleId] : []));
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
