import { instrumentOf, type Methodology } from '@mutu/scoring';
import {
  assertOrganisationIdInput,
  auditEntry,
  cleanText,
  INTERACTIVE_TRANSACTION,
  type RegisteredOrganisation,
  requireOrganisations,
  updateAtVersion,
  VersionConflictError,
  whenUniqueViolated,
} from '@mutu/service';
import { loadCycle } from '../cycles/commands.js';
import { prisma } from '../db.js';
import {
  AlreadyExistsError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
} from '../errors.js';
import { copyEvidence, evidenceHashesOf, releaseObjects } from '../evidence/commands.js';
import type { Assessment, Prisma } from '../generated/prisma/client.js';
import type { AssessmentStatus } from '../generated/prisma/enums.js';
import { assessmentId, assessmentKey } from '../ids.js';
import { optionalText, TEXT } from '../inputs.js';
import {
  assertPublishedTotal,
  assessmentTotal,
  checkedFinding,
  type IndicatorScoreInput,
  type LokusInput,
  methodologyOf,
  type ScoredIndicator,
  type ScoredLokus,
  scoreDraftLokus,
} from '../scores.js';
import { audit, type Tx } from '../writes.js';

function scoreAll(
  methodologyId: string,
  lokus: readonly LokusInput[],
  path: string,
  earlierOf: (unitId: string) => readonly ScoredIndicator[] = () => [],
): ScoredLokus[] {
  const methodology = methodologyOf(methodologyId);
  const seen = new Map<string, number>();
  return lokus.map((l, i) => {
    const at = `${path}[${i}]`;
    assertOrganisationIdInput(l.unitId, `${at}.unitId`);
    const earlier = seen.get(l.unitId);
    if (earlier !== undefined) {
      throw new InvalidInputError(
        `${l.unitId} is already lokus ${earlier} of this input`,
        `${at}.unitId`,
      );
    }
    seen.set(l.unitId, i);
    return scoreDraftLokus(methodology, l, at, earlierOf(l.unitId));
  });
}

export interface CreateAssessmentInput {
  cycleId: string;
  subjectId: string;
  assessorId?: string | null;
  lokus?: readonly LokusInput[] | null;
  source?: string | null;
  note?: string | null;
  /** The opinion's second part, where the cycle's method has one. */
  finding?: string | null;
}

async function loadAssessment(tx: Tx, id: string, field: string): Promise<Assessment> {
  const assessment = await tx.assessment.findUnique({ where: { id } });
  if (!assessment) throw new NotFoundError(field, id, 'assessment');
  return assessment;
}

/** The subject's newest revision in the cycle, whatever its status. */
async function newestRevision(tx: Tx, cycle: string, subjectId: string) {
  return tx.assessment.findFirst({
    where: { cycleId: cycle, subjectId },
    orderBy: { revision: 'desc' },
  });
}

/**
 * Stores scored lokus of an assessment: a unit it already has keeps its id and gains a version;
 * its component and indicator scores are replaced by the scored ones. With `expectedVersion`,
 * a lokus that changed since it was read is refused.
 */
async function writeLokus(
  tx: Tx,
  assessment: string,
  lokus: readonly ScoredLokus[],
  actor: string,
  expectedVersion?: number,
) {
  for (const l of lokus) {
    const totals = { exactTotal: l.exactTotal, total: l.total, assessedBy: actor };
    const existing = await tx.lokus.findUnique({
      where: { assessmentId_unitId: { assessmentId: assessment, unitId: l.unitId } },
    });
    let lokusId: string;
    if (existing) {
      if (expectedVersion === undefined) {
        await tx.lokus.update({
          where: { id: existing.id },
          data: { ...totals, version: { increment: 1 } },
        });
      } else {
        await updateAtVersion(tx.lokus, existing, expectedVersion, totals);
      }
      await tx.componentScore.deleteMany({ where: { lokusId: existing.id } });
      await tx.indicatorScore.deleteMany({ where: { lokusId: existing.id } });
      lokusId = existing.id;
    } else {
      lokusId = (
        await tx.lokus.create({ data: { assessmentId: assessment, unitId: l.unitId, ...totals } })
      ).id;
    }
    if (l.scores.length > 0) {
      await tx.componentScore.createMany({ data: l.scores.map((c) => ({ ...c, lokusId })) });
    }
    if (l.indicators?.length) {
      await tx.indicatorScore.createMany({
        data: l.indicators.map((i) => ({
          lokusId,
          key: i.key,
          score: i.score,
          note: i.note,
          scoredBy: i.scoredBy ?? actor,
          ...(i.scoredAt ? { scoredAt: i.scoredAt } : {}),
        })),
      });
    }
  }
}

/** The indicator scores each lokus of an assessment has, by unit. */
async function indicatorsByUnit(tx: Tx, assessment: string) {
  const rows = await tx.lokus.findMany({
    where: { assessmentId: assessment },
    select: { unitId: true, indicators: true },
  });
  const byUnit = new Map(rows.map((r) => [r.unitId, r.indicators]));
  return (unitId: string) => byUnit.get(unitId) ?? [];
}

/** Recomputes the stored total from every lokus the assessment now has. */
async function retotal(tx: Tx, assessment: Assessment, field: string): Promise<number | null> {
  const all = await tx.lokus.findMany({
    where: { assessmentId: assessment.id },
    select: { exactTotal: true },
  });
  return assessmentTotal(methodologyOf(assessment.methodologyId), all, field);
}

/** Starts a DRAFT assessment in an OPEN cycle, with whatever lokus are already scored. */
export async function createAssessment(input: CreateAssessmentInput, actor: string) {
  const lokusInput = input.lokus ?? [];
  const source = optionalText(input.source, 'input.source') ?? `Recorded by ${actor}`;
  const note = optionalText(input.note, 'input.note');
  const cycle = await loadCycle(prisma(), input.cycleId, 'input.cycleId');
  const scored = scoreAll(cycle.methodologyId, lokusInput, 'input.lokus');
  const finding = checkedFinding(
    methodologyOf(cycle.methodologyId),
    input.finding,
    'input.finding',
  );
  const registered = await requireOrganisations([
    [input.subjectId, 'input.subjectId'],
    ...(input.assessorId ? [[input.assessorId, 'input.assessorId'] as [string, string]] : []),
    ...lokusInput.map((l, i): [string, string] => [l.unitId, `input.lokus[${i}].unitId`]),
  ]);
  const key = (cycleId: string) =>
    assessmentKey(cycleId, input.subjectId, 1, registered.get(input.subjectId));
  return whenUniqueViolated(
    () => createAssessmentInTransaction(input, { scored, source, note, finding, key }, actor),
    () => alreadyAssessed(input.cycleId, input.subjectId, 'input.subjectId'),
  );
}

/** A concurrent writer recorded the subject in the cycle first: name what it wrote. */
async function alreadyAssessed(cycle: string, subjectId: string, field: string) {
  const winner = await newestRevision(prisma(), cycle, subjectId);
  return new AlreadyExistsError(
    `${subjectId} already has an assessment in ${cycle}${winner ? ` (${winner.id}, ${winner.status})` : ''}`,
    field,
    winner?.id ?? '',
  );
}

function createAssessmentInTransaction(
  input: CreateAssessmentInput,
  written: {
    scored: ScoredLokus[];
    source: string;
    note: string | null | undefined;
    finding: string | null;
    key: (cycleId: string) => ReturnType<typeof assessmentKey>;
  },
  actor: string,
) {
  const { scored, source, note, finding } = written;
  return prisma().$transaction(async (tx) => {
    const fresh = await loadCycle(tx, input.cycleId, 'input.cycleId');
    if (fresh.status !== 'OPEN') {
      throw new IllegalTransitionError(
        `Assessments are recorded while their cycle is OPEN; ${fresh.id} is ${fresh.status}`,
        'input.cycleId',
        fresh.status,
      );
    }
    const existing = await newestRevision(tx, fresh.id, input.subjectId);
    if (existing) {
      throw new AlreadyExistsError(
        `${input.subjectId} already has an assessment in ${fresh.id}`,
        'input.subjectId',
        existing.id,
      );
    }
    const key = written.key(fresh.id);
    const id = key.id;
    await tx.assessment.create({
      data: {
        ...key,
        finding,
        assessorId: input.assessorId ?? null,
        status: 'DRAFT',
        origin: 'COMPUTED',
        methodologyId: fresh.methodologyId,
        total: assessmentTotal(methodologyOf(fresh.methodologyId), scored, 'input.lokus'),
        source,
        note,
      },
    });
    await writeLokus(tx, id, scored, actor);
    const created = await loadAssessment(tx, id, 'id');
    await audit(tx, { type: 'Assessment', id }, 'create', actor, null, {
      ...created,
      lokus: scored,
    });
    return created;
  }, INTERACTIVE_TRANSACTION);
}

export function assertDraft(assessment: Assessment, field: string): void {
  if (assessment.status !== 'DRAFT') {
    throw new IllegalTransitionError(
      `Scores change only while an assessment is DRAFT; ${assessment.id} is ${assessment.status}${
        assessment.status === 'PUBLISHED' ? ' (correct it to start a new revision)' : ''
      }`,
      field,
      assessment.status,
    );
  }
}

/**
 * Records (or replaces) lokus of a DRAFT assessment: their component scores, or, where the
 * methodology has an instrument, indicator scores, which join those the lokus already has.
 * `expectedVersion` is the assessment's version the caller read.
 */
export async function recordLokusScores(
  id: string,
  expectedVersion: number,
  lokus: readonly LokusInput[],
  actor: string,
) {
  if (lokus.length === 0) throw new InvalidInputError('lokus must name at least one unit', 'lokus');
  const before = await loadAssessment(prisma(), id, 'assessmentId');
  assertDraft(before, 'assessmentId');
  // Checked before the register is asked; scored again in the transaction with what is stored.
  scoreAll(before.methodologyId, lokus, 'lokus');
  await requireOrganisations(lokus.map((l, i) => [l.unitId, `lokus[${i}].unitId`]));
  return changeDraft(id, expectedVersion, actor, 'record-scores', async (tx) => {
    const scored = scoreAll(before.methodologyId, lokus, 'lokus', await indicatorsByUnit(tx, id));
    await writeLokus(tx, id, scored, actor);
  });
}

/** Drops one lokus from a DRAFT assessment. */
export async function removeLokus(
  id: string,
  expectedVersion: number,
  unitId: string,
  actor: string,
) {
  let hashes: string[] = [];
  const after = await changeDraft(id, expectedVersion, actor, 'remove-lokus', async (tx) => {
    const lokus = await tx.lokus.findUnique({
      where: { assessmentId_unitId: { assessmentId: id, unitId } },
    });
    if (!lokus) throw new NotFoundError('unitId', unitId, `lokus of ${id}`);
    hashes = await evidenceHashesOf(tx, { lokusId: lokus.id });
    // Its evidence rows go with it (cascade); their bytes once nothing else names them.
    await tx.lokus.delete({ where: { id: lokus.id } });
  });
  await releaseObjects(hashes);
  return after;
}

/**
 * Scores indicators of one lokus of a DRAFT assessment, as its instrument defines them; the
 * lokus's components, its total and the assessment's total follow from packages/scoring.
 * `expectedVersion` is the lokus's version the caller read: two assessors scoring different
 * lokus of one assessment do not stand in each other's way.
 */
export async function recordIndicatorScores(
  lokusId: string,
  expectedVersion: number,
  scores: readonly IndicatorScoreInput[],
  actor: string,
) {
  if (scores.length === 0) {
    throw new InvalidInputError('scores must name at least one indicator', 'scores');
  }
  return prisma().$transaction(async (tx) => {
    const lokus = await tx.lokus.findUnique({
      where: { id: lokusId },
      include: { indicators: true },
    });
    if (!lokus) throw new NotFoundError('lokusId', lokusId, 'lokus');
    const before = await loadAssessment(tx, lokus.assessmentId, 'lokusId');
    assertLokusEditable(before, lokus, 'lokusId');
    const methodology = methodologyOf(before.methodologyId);
    if (!instrumentOf(methodology)) {
      throw new InvalidInputError(
        `${methodology.id} has no instrument in Mutu: record this lokus by its ${methodology.componentKind} scores`,
        'lokusId',
      );
    }
    const scored = scoreDraftLokus(
      methodology,
      { unitId: lokus.unitId, indicators: scores },
      '',
      lokus.indicators,
      'scores',
    );
    await writeLokus(tx, before.id, [scored], actor, expectedVersion);
    const after = await retotalDraft(tx, before, 'scores');
    await audit(tx, { type: 'Assessment', id: before.id }, 'record-indicators', actor, before, {
      ...after,
      lokus: { unitId: lokus.unitId, indicators: scores.map((s) => s.indicator) },
    });
    return tx.lokus.findUniqueOrThrow({ where: { id: lokusId } });
  }, INTERACTIVE_TRANSACTION);
}

/**
 * Stores an assessment's new total and version after a change to one of its lokus, refusing if
 * its status moved meanwhile.
 */
async function retotalDraft(tx: Tx, before: Assessment, field: string) {
  const total = await retotal(tx, before, field);
  const { count } = await tx.assessment.updateMany({
    where: { id: before.id, status: before.status },
    data: { total, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await loadAssessment(tx, before.id, field);
    throw new IllegalTransitionError(
      `${now.id} changed to ${now.status} meanwhile; reload it`,
      field,
      now.status,
    );
  }
  return loadAssessment(tx, before.id, field);
}

/**
 * A lokus's scores and evidence change while its assessment is a DRAFT, and after submission
 * while a verifier has returned it to its assessor; never otherwise.
 */
export function assertLokusEditable(
  assessment: Assessment,
  lokus: { unitId: string; review: string; stage: string | null },
  field: string,
): void {
  if (assessment.status === 'SUBMITTED' && lokus.review === 'RETURNED') return;
  if (assessment.status === 'SUBMITTED') {
    throw new IllegalTransitionError(
      `${assessment.id} is SUBMITTED and lokus ${lokus.unitId} is ${lokus.review}${lokus.stage ? ` at stage ${lokus.stage}` : ''}: it changes only once a verifier returns it`,
      field,
      assessment.status,
    );
  }
  assertDraft(assessment, field);
}

/**
 * Applies a change to a draft's lokus and stores the new total, all while it is still DRAFT
 * and at the version the caller read.
 */
async function changeDraft(
  id: string,
  expectedVersion: number,
  actor: string,
  action: string,
  change: (tx: Tx) => Promise<void>,
) {
  return prisma().$transaction(async (tx) => {
    const before = await loadAssessment(tx, id, 'assessmentId');
    assertDraft(before, 'assessmentId');
    if (before.version !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, before.version);
    }
    await change(tx);
    const total = await retotal(tx, before, 'lokus');
    // The version in the condition: of two writers that read the same version, one wins.
    const { count } = await tx.assessment.updateMany({
      where: { id, status: 'DRAFT', version: expectedVersion },
      data: { total, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await loadAssessment(tx, id, 'assessmentId');
      assertDraft(now, 'assessmentId');
      throw new VersionConflictError(id, expectedVersion, now.version);
    }
    const after = await loadAssessment(tx, id, 'assessmentId');
    await audit(tx, { type: 'Assessment', id }, action, actor, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}

const ASSESSMENT_STEPS = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED' },
  verify: { from: ['SUBMITTED'], to: 'VERIFIED' },
  return: { from: ['SUBMITTED', 'VERIFIED'], to: 'DRAFT' },
  publish: { from: ['VERIFIED'], to: 'PUBLISHED' },
} as const satisfies Record<string, { from: readonly AssessmentStatus[]; to: AssessmentStatus }>;

const PAST = { submit: 'submitted', verify: 'verified', return: 'returned', publish: 'published' };

/**
 * Publishes a verified revision; a correction replaces the revision that stood before it. The
 * status check and the write are one statement, so of two concurrent publishers only one finds
 * it VERIFIED; the other is told it is PUBLISHED already.
 */
/** Publishes a VERIFIED revision, read at `expectedVersion`, in place of the one it corrects. */
async function publishRevision(
  tx: Tx,
  assessment: Assessment,
  expectedVersion: number,
  actor: string,
) {
  await updateAtVersion(tx.assessment, assessment, expectedVersion, {
    status: 'PUBLISHED',
    publishedAt: new Date(),
  });
  await tx.assessment.updateMany({
    where: {
      cycleId: assessment.cycleId,
      subjectId: assessment.subjectId,
      current: true,
      id: { not: assessment.id },
    },
    data: { current: false, version: { increment: 1 } },
  });
  const after = await tx.assessment.update({
    where: { id: assessment.id },
    data: { current: true },
  });
  await audit(tx, { type: 'Assessment', id: assessment.id }, 'publish', actor, assessment, after);
  return after;
}

/** Publishes every verified assessment of a cycle in a fixed number of statements. */
export async function publishVerified(tx: Tx, cycle: string, actor: string) {
  const verified = await tx.assessment.findMany({ where: { cycleId: cycle, status: 'VERIFIED' } });
  if (verified.length === 0) return;
  const publishedAt = new Date();
  // Corrections replace the revision that stood before them.
  await tx.assessment.updateMany({
    where: {
      cycleId: cycle,
      current: true,
      subjectId: { in: verified.filter((a) => a.revision > 1).map((a) => a.subjectId) },
    },
    data: { current: false, version: { increment: 1 } },
  });
  await tx.assessment.updateMany({
    where: { id: { in: verified.map((a) => a.id) } },
    data: { status: 'PUBLISHED', current: true, publishedAt, version: { increment: 1 } },
  });
  await tx.auditEntry.createMany({
    data: verified.map((before) =>
      auditEntry<Prisma.InputJsonValue>({
        entityType: 'Assessment',
        entityId: before.id,
        action: 'publish',
        actor,
        before,
        after: {
          ...before,
          status: 'PUBLISHED',
          current: true,
          publishedAt,
          version: before.version + 1,
        },
      }),
    ),
  });
}

/**
 * One workflow step of an assessment: submit (DRAFT, scored), verify (SUBMITTED), return for
 * revision with a reason (SUBMITTED or VERIFIED), publish (VERIFIED, once the cycle is CLOSED).
 */
export async function advanceAssessment(
  id: string,
  step: keyof typeof ASSESSMENT_STEPS,
  expectedVersion: number,
  actor: string,
  reason?: string,
) {
  const { from, to } = ASSESSMENT_STEPS[step];
  const why = step === 'return' ? cleanText(reason ?? '', 'reason', { min: 3, ...TEXT }) : null;
  return prisma().$transaction(async (tx) => {
    const before = await loadAssessment(tx, id, 'id');
    if (!(from as readonly AssessmentStatus[]).includes(before.status)) {
      throw new IllegalTransitionError(
        `Only a ${from.join(' or ')} assessment can be ${PAST[step]}; ${id} is ${before.status}`,
        'id',
        before.status,
      );
    }
    if (step === 'submit' && before.total === null) {
      throw new IllegalTransitionError(
        `${id} has no total yet: score every lokus (for an instrument, every indicator; missingIndicators names them) before submitting`,
        'id',
        before.status,
      );
    }
    if (step === 'publish') {
      const cycle = await loadCycle(tx, before.cycleId, 'id');
      if (cycle.status !== 'CLOSED' && cycle.status !== 'PUBLISHED') {
        throw new IllegalTransitionError(
          `Assessments are published once their cycle is CLOSED; ${cycle.id} is ${cycle.status}`,
          'id',
          before.status,
        );
      }
      return publishRevision(tx, before, expectedVersion, actor);
    }
    const now = new Date();
    // The version read decides: a step is taken on the scores and reviews its taker saw.
    await updateAtVersion(tx.assessment, before, expectedVersion, {
      status: to,
      ...(step === 'submit' ? { submittedAt: now, returnReason: null } : {}),
      ...(step === 'verify' ? { verifiedAt: now } : {}),
      ...(step === 'return' ? { returnReason: why, verifiedAt: null } : {}),
    });
    await tx.lokus.updateMany({
      where: { assessmentId: id },
      data: LOKUS_REVIEW_AFTER[step],
    });
    const after = await loadAssessment(tx, id, 'id');
    await audit(tx, { type: 'Assessment', id }, step, actor, before, after, why);
    return after;
  }, INTERACTIVE_TRANSACTION);
}

/**
 * What each step of the whole assessment does to its lokus: submitting puts each in the first
 * stage of verification; an administrator's verify accepts them all at once (results verified
 * outside Mutu); returning the whole assessment gives them all back to the assessor.
 */
const LOKUS_REVIEW_AFTER = {
  submit: { review: 'IN_REVIEW', stage: 'ADMINISTRATIVE' },
  verify: { review: 'ACCEPTED', stage: null },
  return: { review: 'DRAFTING', stage: null },
} as const;

/**
 * Starts a correction of a published assessment: a new DRAFT revision with the same lokus and
 * scores, which replaces the published one only when it is published in turn.
 */
export async function correctAssessment(
  id: string,
  expectedVersion: number,
  reason: string,
  actor: string,
) {
  const why = cleanText(reason, 'reason', { min: 3, ...TEXT });
  return whenUniqueViolated(
    () => correctInTransaction(id, expectedVersion, why, actor),
    // A concurrent correction of the same revision committed first.
    async () => {
      const published = await loadAssessment(prisma(), id, 'id');
      const newest = await newestRevision(prisma(), published.cycleId, published.subjectId);
      return new AlreadyExistsError(
        `${id} is not the newest revision: ${newest?.id} (${newest?.status}) is`,
        'id',
        newest?.id ?? '',
      );
    },
  );
}

function correctInTransaction(id: string, expectedVersion: number, why: string, actor: string) {
  return prisma().$transaction(async (tx) => {
    const published = await loadAssessment(tx, id, 'id');
    if (published.status !== 'PUBLISHED') {
      throw new IllegalTransitionError(
        `Only a PUBLISHED assessment is corrected by a new revision; ${id} is ${published.status} and can still change`,
        'id',
        published.status,
      );
    }
    if (published.version !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, published.version);
    }
    const newest = await newestRevision(tx, published.cycleId, published.subjectId);
    if (newest && newest.id !== id) {
      throw new AlreadyExistsError(
        `${id} is not the newest revision: ${newest.id} (${newest.status}) is`,
        'id',
        newest.id,
      );
    }
    const revision = published.revision + 1;
    const nextId = assessmentId(published.cycleId, published.subjectId, revision);
    const lokus = await tx.lokus.findMany({
      where: { assessmentId: id },
      include: { scores: true, indicators: true },
    });
    await tx.assessment.create({
      data: {
        ...assessmentKey(published.cycleId, published.subjectId, revision),
        // The register placed the subject when it was first written.
        peerGroup: published.peerGroup,
        finding: published.finding,
        assessorId: published.assessorId,
        status: 'DRAFT',
        origin: 'COMPUTED',
        methodologyId: published.methodologyId,
        // A published total whose sampled units carry no totals is rescored from scratch.
        total: lokus.length && lokus.every((l) => l.exactTotal !== null) ? published.total : null,
        current: false,
        synthetic: published.synthetic,
        source: published.source,
        note: published.note,
        correctionReason: why,
      },
    });
    await writeLokus(
      tx,
      nextId,
      lokus.map((l) => ({
        unitId: l.unitId,
        exactTotal: l.exactTotal,
        total: l.total,
        scores: l.scores.map(({ key, score, points }) => ({ key, score, points })),
        indicators: l.indicators.length ? l.indicators : null,
      })),
      actor,
    );
    // The published revision's evidence stays as it is; the correction gets rows of its own.
    const copies = await tx.lokus.findMany({ where: { assessmentId: nextId } });
    for (const l of lokus) {
      const copy = copies.find((c) => c.unitId === l.unitId);
      if (copy) await copyEvidence(tx, l.id, copy.id);
    }
    const created = await loadAssessment(tx, nextId, 'id');
    await audit(tx, { type: 'Assessment', id: nextId }, 'correct', actor, published, created, why);
    return created;
  }, INTERACTIVE_TRANSACTION);
}

export interface PublishedTotalInput {
  cycleId: string;
  subjectId: string;
  score: number;
  source: string;
  assessorId?: string | null;
  note?: string | null;
  /** Required when the subject already has a result in the cycle: it is corrected. */
  correctionReason?: string | null;
  /** The opinion's second part, where the cycle's method has one. */
  finding?: string | null;
  /** The units the source says were sampled, each with its published total where given. */
  lokus?: readonly { unitId: string; total: number | null }[] | null;
}

/** The sampled units of a published total, checked: each once, each total on the scale. */
function sampledLokus(methodology: Methodology, lokus: PublishedTotalInput['lokus']) {
  const seen = new Set<string>();
  return (lokus ?? []).map(({ unitId, total }, i) => {
    if (seen.has(unitId)) {
      throw new InvalidInputError(`${unitId} is given twice`, `input.lokus[${i}].unitId`);
    }
    seen.add(unitId);
    if (total != null) assertPublishedTotal(methodology, total, `input.lokus[${i}].total`);
    return { unitId, total: total ?? null };
  });
}

/**
 * Records a result published without its components (a press release gives only the total),
 * with the units it sampled where the source names them. A second one for the same subject and
 * cycle is a correction and must say why.
 */
export async function recordPublishedTotal(input: PublishedTotalInput, actor: string) {
  const source = cleanText(input.source, 'input.source', TEXT);
  const note = optionalText(input.note, 'input.note');
  const why = optionalText(input.correctionReason, 'input.correctionReason');
  const cycle = await loadCycle(prisma(), input.cycleId, 'input.cycleId');
  const methodology = methodologyOf(cycle.methodologyId);
  assertPublishedTotal(methodology, input.score, 'input.score');
  const finding = checkedFinding(methodology, input.finding, 'input.finding');
  const lokus = sampledLokus(methodology, input.lokus);
  const registered = await requireOrganisations([
    [input.subjectId, 'input.subjectId'],
    ...(input.assessorId ? [[input.assessorId, 'input.assessorId'] as [string, string]] : []),
    ...lokus.map((l, i): [string, string] => [l.unitId, `input.lokus[${i}].unitId`]),
  ]);
  return whenUniqueViolated(
    () =>
      recordTotalInTransaction(
        input,
        { source, note, why, finding, lokus, registered: registered.get(input.subjectId) },
        actor,
      ),
    () => alreadyAssessed(input.cycleId, input.subjectId, 'input.subjectId'),
  );
}

function recordTotalInTransaction(
  input: PublishedTotalInput,
  {
    source,
    note,
    why,
    finding,
    lokus,
    registered,
  }: {
    source: string;
    note: string | null;
    why: string | null;
    finding: string | null;
    lokus: { unitId: string; total: number | null }[];
    registered: RegisteredOrganisation | undefined;
  },
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const fresh = await loadCycle(tx, input.cycleId, 'input.cycleId');
    if (fresh.status === 'PLANNED') {
      throw new IllegalTransitionError(
        `${fresh.id} is PLANNED; open it before recording results`,
        'input.cycleId',
        fresh.status,
      );
    }
    const existing = await newestRevision(tx, fresh.id, input.subjectId);
    if (existing && !why) {
      throw new AlreadyExistsError(
        `${input.subjectId} already has a result in ${fresh.id} (${existing.id}); give a correctionReason to record a corrected total`,
        'input.subjectId',
        existing.id,
      );
    }
    if (existing && existing.status !== 'PUBLISHED') {
      throw new AlreadyExistsError(
        `${existing.id} is ${existing.status}: finish or return it before recording another total`,
        'input.subjectId',
        existing.id,
      );
    }
    const revision = (existing?.revision ?? 0) + 1;
    const key = assessmentKey(fresh.id, input.subjectId, revision, registered);
    const id = key.id;
    await tx.assessment.updateMany({
      where: { cycleId: fresh.id, subjectId: input.subjectId, current: true },
      data: { current: false, version: { increment: 1 } },
    });
    const created = await tx.assessment.create({
      data: {
        ...key,
        assessorId: input.assessorId ?? null,
        status: 'PUBLISHED',
        origin: 'PUBLISHED_TOTAL',
        total: input.score,
        finding,
        methodologyId: fresh.methodologyId,
        source,
        note,
        correctionReason: why,
        publishedAt: new Date(),
      },
    });
    if (lokus.length > 0) {
      // Published, so accepted as they stand; a unit without a published total has none.
      await tx.lokus.createMany({
        data: lokus.map((l) => ({
          assessmentId: id,
          unitId: l.unitId,
          exactTotal: l.total,
          total: l.total,
          assessedBy: actor,
          review: 'ACCEPTED' as const,
        })),
      });
    }
    await audit(
      tx,
      { type: 'Assessment', id },
      existing ? 'correct-published-total' : 'record-published-total',
      actor,
      existing,
      lokus.length > 0 ? { ...created, lokus } : created,
      why,
    );
    return created;
  }, INTERACTIVE_TRANSACTION);
}
