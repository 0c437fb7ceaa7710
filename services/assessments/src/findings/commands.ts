import { instrumentOf } from '@mutu/scoring';
import { type Identity, within } from '@mutu/server';
import {
  cleanText,
  INTERACTIVE_TRANSACTION,
  isoDay,
  requireOrganisations,
  todayInIndonesia,
  updateAtVersion,
} from '@mutu/service';
import { prisma } from '../db.js';
import { IllegalTransitionError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Finding } from '../generated/prisma/client.js';
import type { FindingKind, FindingStatus } from '../generated/prisma/enums.js';
import { TEXT } from '../inputs.js';
import { methodologyOf } from '../scores.js';
import { assertActsFor } from '../visibility.js';
import { audit, type Tx } from '../writes.js';

export interface FindingInput {
  assessmentId: string;
  lokusId?: string | null;
  indicator?: string | null;
  kind: FindingKind;
  organisationId: string;
  text: string;
  dueOn: Date;
}

/**
 * An assessing office records what it found in a submitted, verified or published assessment:
 * for the subject or a body under it to act on by a due date, on or after the day it is found.
 */
export async function recordFinding(input: FindingInput, actor: string) {
  const text = cleanText(input.text, 'input.text', { min: 3, ...TEXT });
  const today = todayInIndonesia();
  if (input.dueOn < today) {
    throw new InvalidInputError(
      `input.dueOn (${isoDay(input.dueOn)}) is before the finding is recorded (${isoDay(today)})`,
      'input.dueOn',
    );
  }
  await requireOrganisations([[input.organisationId, 'input.organisationId']]);
  return prisma().$transaction(async (tx) => {
    const assessment = await tx.assessment.findUnique({ where: { id: input.assessmentId } });
    if (!assessment)
      throw new NotFoundError('input.assessmentId', input.assessmentId, 'assessment');
    if (assessment.status === 'DRAFT') {
      throw new IllegalTransitionError(
        `${assessment.id} is a DRAFT: findings are recorded on what its assessor submitted`,
        'input.assessmentId',
        assessment.status,
      );
    }
    if (!within(input.organisationId, assessment.subjectId)) {
      throw new InvalidInputError(
        `${input.organisationId} is neither ${assessment.subjectId}, which was assessed, nor a body under it`,
        'input.organisationId',
      );
    }
    if (input.lokusId != null) {
      const lokus = await tx.lokus.findFirst({
        where: { id: input.lokusId, assessmentId: assessment.id },
      });
      if (!lokus) throw new NotFoundError('input.lokusId', input.lokusId, 'lokus');
    }
    if (input.indicator != null) assertIndicator(assessment.methodologyId, input.indicator);
    const recurs = input.indicator != null ? await earlierFinding(tx, assessment, input) : null;
    const finding = await tx.finding.create({
      data: {
        assessmentId: assessment.id,
        lokusId: input.lokusId ?? null,
        indicator: input.indicator ?? null,
        kind: input.kind,
        organisationId: input.organisationId,
        cycleId: assessment.cycleId,
        subjectId: assessment.subjectId,
        provinceCode: assessment.provinceCode,
        text,
        dueOn: input.dueOn,
        raisedBy: actor,
        recursId: recurs?.id ?? null,
      },
    });
    await audit(tx, { type: 'Finding', id: finding.id }, 'raise', actor, null, finding);
    return finding;
  }, INTERACTIVE_TRANSACTION);
}

/**
 * The latest finding of an earlier year of the same framework on the same organisation's same
 * indicator: a finding that came back.
 */
async function earlierFinding(
  tx: Tx,
  assessment: { cycleId: string },
  input: { organisationId: string; indicator?: string | null },
) {
  const cycle = await tx.assessmentCycle.findUniqueOrThrow({ where: { id: assessment.cycleId } });
  return tx.finding.findFirst({
    where: {
      organisationId: input.organisationId,
      indicator: input.indicator ?? undefined,
      cycle: { framework: cycle.framework, year: { lt: cycle.year } },
    },
    orderBy: [{ cycle: { year: 'desc' } }, { raisedAt: 'desc' }],
    select: { id: true },
  });
}

/** An indicator of the assessment's instrument or, without one, a component of its method. */
function assertIndicator(methodologyId: string, key: string) {
  const methodology = methodologyOf(methodologyId);
  const instrument = instrumentOf(methodology);
  const keys = instrument
    ? instrument.indicators.map((i) => i.key)
    : (methodology.components ?? []).map((c) => c.key);
  if (!keys.includes(key)) {
    throw new InvalidInputError(
      `${methodology.id} has no ${instrument ? 'indicator' : (methodology.componentKind ?? 'component')} "${key}"`,
      'input.indicator',
    );
  }
}

/** The unit's steps, in their order: a plan, work under way, done (for the office to verify). */
const UNIT_STEPS: Record<string, number> = { OPEN: 0, REOPENED: 0, PLANNED: 1, IN_PROGRESS: 2 };
const STEP_RANK: Record<'PLANNED' | 'IN_PROGRESS' | 'DONE', number> = {
  PLANNED: 1,
  IN_PROGRESS: 2,
  DONE: 3,
};

/**
 * The organisation that must act records its tindak lanjut: planned, in progress (again as
 * work goes on), done. Steps never go back; once done, the assessing office decides.
 */
export async function recordFollowUp(
  findingId: string,
  expectedVersion: number,
  input: { status: 'PLANNED' | 'IN_PROGRESS' | 'DONE'; note: string },
  identity: Identity,
) {
  const note = cleanText(input.note, 'input.note', { min: 3, ...TEXT });
  return prisma().$transaction(async (tx) => {
    const finding = await loadFinding(tx, findingId);
    assertActsFor(identity, finding.organisationId, 'findingId');
    const from = UNIT_STEPS[finding.status];
    if (from === undefined) {
      throw new IllegalTransitionError(
        finding.status === 'DONE'
          ? 'The follow-up is DONE and waits for the assessing office to verify or reopen it'
          : 'The follow-up is VERIFIED: the finding is closed',
        'findingId',
        finding.status,
      );
    }
    if (STEP_RANK[input.status] < from) {
      throw new IllegalTransitionError(
        `A follow-up goes forward (PLANNED, IN_PROGRESS, DONE); this one is ${finding.status}`,
        'input.status',
        finding.status,
      );
    }
    if (input.status === 'DONE' && (await tx.evidence.count({ where: { findingId } })) === 0) {
      throw new InvalidInputError(
        'A follow-up is reported DONE with its evidence: upload it first (POST /evidence?findingId=...)',
        'input.status',
      );
    }
    return step(tx, finding, expectedVersion, input.status, note, identity.sub, {});
  }, INTERACTIVE_TRANSACTION);
}

/** The assessing office verifies a follow-up that is done, or reopens it with what is missing. */
export async function decideFollowUp(
  findingId: string,
  expectedVersion: number,
  input: { decision: 'VERIFY' | 'REOPEN'; note: string },
  actor: string,
) {
  const note = cleanText(input.note, 'input.note', { min: 3, ...TEXT });
  return prisma().$transaction(async (tx) => {
    const finding = await loadFinding(tx, findingId);
    const allowed: FindingStatus[] = input.decision === 'VERIFY' ? ['DONE'] : ['DONE', 'VERIFIED'];
    if (!allowed.includes(finding.status)) {
      throw new IllegalTransitionError(
        `Only a follow-up that is ${allowed.join(' or ')} can be ${input.decision === 'VERIFY' ? 'verified' : 'reopened'}; this one is ${finding.status}`,
        'findingId',
        finding.status,
      );
    }
    return input.decision === 'VERIFY'
      ? step(tx, finding, expectedVersion, 'VERIFIED', note, actor, { verifiedAt: new Date() })
      : step(tx, finding, expectedVersion, 'REOPENED', note, actor, { verifiedAt: null });
  }, INTERACTIVE_TRANSACTION);
}

async function loadFinding(tx: Tx, id: string): Promise<Finding> {
  const finding = await tx.finding.findUnique({ where: { id } });
  if (!finding) throw new NotFoundError('findingId', id, 'finding');
  return finding;
}

async function step(
  tx: Tx,
  finding: Finding,
  expectedVersion: number,
  status: FindingStatus,
  note: string,
  actor: string,
  data: { verifiedAt?: Date | null },
) {
  await updateAtVersion(tx.finding, finding, expectedVersion, { status, ...data });
  const followUp = await tx.followUp.create({
    data: { findingId: finding.id, status, note, by: actor },
  });
  const after = await tx.finding.findUniqueOrThrow({ where: { id: finding.id } });
  await audit(
    tx,
    { type: 'Finding', id: finding.id },
    `follow-up-${status.toLowerCase().replace('_', '-')}`,
    actor,
    finding,
    after,
    note,
  );
  return { finding: after, followUp };
}

/** The finding a guarded field or a write's scope is about: null when there is none. */
export function findingScope(id: string) {
  return prisma().finding.findUnique({
    where: { id },
    select: { subjectId: true, organisationId: true },
  });
}
