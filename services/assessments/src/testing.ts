import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import { startTestService, type TestService } from '@mutu/service/testing';
import { directoryStore, type ObjectStore } from '@mutu/storage';
import { prisma } from './db.js';
import { type EvidenceSettings, evidenceSettings, useEvidenceStore } from './evidence/settings.js';
import { service } from './service.js';

export type TestSubgraph = TestService;

export interface TestEvidence {
  /** Where evidence goes; a fresh temporary directory when omitted. */
  readonly store?: ObjectStore;
  readonly settings?: Partial<EvidenceSettings>;
}

/**
 * This subgraph on port 0 over its own migrated, seeded database, checking organisation ids
 * against the organisations subgraph at `services.organisations`, with evidence in `evidence.store`.
 * Close it in `afterAll`.
 */
export async function startTestSubgraph(
  options: Parameters<typeof startTestService>[1] & { evidence?: TestEvidence } = {},
): Promise<TestSubgraph> {
  const { evidence, ...rest } = options;
  const dir = evidence?.store ? undefined : await mkdtemp(join(tmpdir(), 'mutu-evidence-'));
  useEvidenceStore(evidence?.store ?? directoryStore(dir as string), {
    ...evidenceSettings({}),
    ...evidence?.settings,
  });
  return startTestService(service, {
    ...rest,
    // Another instance in a process of its own keeps evidence in the same folder.
    ...(dir ? { processEnv: { EVIDENCE_STORAGE: 'filesystem', EVIDENCE_STORAGE_DIR: dir } } : {}),
  });
}

/**
 * This subgraph beside the organisations subgraph whose register it checks ids against, as
 * most suites need them: close() closes both.
 */
export async function startWithRegister(
  options: { evidence?: TestEvidence } = {},
): Promise<TestSubgraph> {
  const organisations = await startOrganisations();
  const subgraph = await startTestSubgraph({
    ...options,
    services: { organisations: organisations.url },
  });
  return {
    ...subgraph,
    async close() {
      await subgraph.close();
      await organisations.close();
    },
  };
}

/** Row counts of every table: a refused write must leave them exactly as they were. */
export async function tableCounts() {
  const db = prisma();
  return {
    cycles: await db.assessmentCycle.count(),
    assessments: await db.assessment.count(),
    lokus: await db.lokus.count(),
    scores: await db.componentScore.count(),
    indicators: await db.indicatorScore.count(),
    evidence: await db.evidence.count(),
    verifications: await db.verification.count(),
    findings: await db.finding.count(),
    followUps: await db.followUp.count(),
    discussions: await db.findingDiscussion.count(),
    selfEvaluations: await db.selfEvaluation.count(),
    selfScores: await db.selfScore.count(),
    surveys: await db.surveyPeriod.count(),
    responses: await db.surveyResponse.count(),
    audit: await db.auditEntry.count(),
  };
}

/** Every object in an evidence store: a refused upload must leave none behind. */
export async function storedObjects(store: ObjectStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list()) keys.push(object.key);
  return keys.sort();
}

/** An assessment's version, as a client reads it before a workflow step. */
export async function assessmentVersion(id: string): Promise<number> {
  const found = await prisma().assessment.findUniqueOrThrow({
    where: { id },
    select: { version: true },
  });
  return found.version;
}
