import { startTestService, type TestService } from '@mutu/service/testing';
import { prisma } from './db.js';
import { service } from './service.js';

export type TestSubgraph = TestService;

/**
 * This subgraph on port 0 over its own migrated, seeded database, checking organisation ids
 * against the organisations subgraph at `services.organisations`. Close it in `afterAll`.
 */
export const startTestSubgraph = (
  options: Parameters<typeof startTestService>[1] = {},
): Promise<TestSubgraph> => startTestService(service, options);

/** Row counts of every table: a refused write must leave them exactly as they were. */
export async function tableCounts() {
  const db = prisma();
  return {
    agreements: await db.agreement.count(),
    parties: await db.agreementParty.count(),
    events: await db.event.count(),
    eventOrganisations: await db.eventOrganisation.count(),
    awards: await db.award.count(),
    audit: await db.auditEntry.count(),
  };
}
