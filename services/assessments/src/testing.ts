import { startTestService, type TestService } from '@mutu/service/testing';
import { prisma } from './db.js';
import { service } from './service.js';

export type TestSubgraph = TestService;

/**
 * This subgraph on port 0 over its own migrated, seeded database, checking organisation ids
 * against the organisations subgraph at `organisationsUrl`. Close it in `afterAll`.
 */
export const startTestSubgraph = (
  options: Parameters<typeof startTestService>[1] = {},
): Promise<TestSubgraph> => startTestService(service, options);

/** Row counts of every table: a refused write must leave them exactly as they were. */
export async function tableCounts() {
  const db = prisma();
  return {
    cycles: await db.assessmentCycle.count(),
    assessments: await db.assessment.count(),
    lokus: await db.lokus.count(),
    scores: await db.componentScore.count(),
    audit: await db.auditEntry.count(),
  };
}
