import { instrumentOf } from '@mutu/scoring';
import { cleanText, INTERACTIVE_TRANSACTION, updateAtVersion } from '@mutu/service';
import { prisma } from '../db.js';
import {
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
  SelfVerificationError,
} from '../errors.js';
import type { Lokus } from '../generated/prisma/client.js';
import type { ReviewDecision, VerificationStage } from '../generated/prisma/enums.js';
import { optionalText, TEXT } from '../inputs.js';
import { methodologyOf } from '../scores.js';
import { audit, type Tx } from '../writes.js';

/** The stages in their order; a lokus accepted at the last one is verified. */
export const STAGES: readonly VerificationStage[] = ['ADMINISTRATIVE', 'FIELD', 'FINAL'];

export interface VerificationInput {
  stage: VerificationStage;
  decision: ReviewDecision;
  note?: string | null;
  comments?: readonly { indicator: string; decision: ReviewDecision; note: string }[] | null;
}

/**
 * A verifier's decision on the stage a submitted lokus is in. Accepting moves it to the next
 * stage, and after the last one accepts it; once every lokus of the assessment is accepted the
 * assessment is VERIFIED. Returning sends the lokus back to its assessor with the comments on
 * the indicators to correct; it comes back to the same stage when resubmitted. The person who
 * scored the lokus never verifies it.
 */
export async function decideStage(
  lokusId: string,
  expectedVersion: number,
  input: VerificationInput,
  actor: string,
) {
  const note = optionalText(input.note, 'input.note');
  return prisma().$transaction(async (tx) => {
    const lokus = await tx.lokus.findUnique({
      where: { id: lokusId },
      include: { assessment: true },
    });
    if (!lokus) throw new NotFoundError('lokusId', lokusId, 'lokus');
    const { assessment } = lokus;
    if (assessment.status !== 'SUBMITTED' || lokus.review !== 'IN_REVIEW' || !lokus.stage) {
      throw new IllegalTransitionError(
        `Lokus ${lokus.unitId} of ${assessment.id} is not waiting for a verifier (the assessment is ${assessment.status}, the lokus ${lokus.review})`,
        'lokusId',
        lokus.review,
      );
    }
    if (input.stage !== lokus.stage) {
      throw new IllegalTransitionError(
        `Lokus ${lokus.unitId} is at stage ${lokus.stage}; stages run ${STAGES.join(' -> ')}, so ${input.stage} is out of order`,
        'input.stage',
        lokus.stage,
      );
    }
    if (lokus.assessedBy === actor) {
      throw new SelfVerificationError(
        `${actor} scored lokus ${lokus.unitId}, so someone else verifies it`,
        'lokusId',
      );
    }
    const comments = checkedComments(lokus, assessment.methodologyId, input);
    const returned = input.decision === 'RETURN';
    const next = STAGES[STAGES.indexOf(lokus.stage) + 1] ?? null;
    await updateAtVersion(
      tx.lokus,
      lokus,
      expectedVersion,
      returned
        ? { review: 'RETURNED' }
        : next
          ? { stage: next }
          : { review: 'ACCEPTED', stage: null },
    );
    await touchAssessment(tx, assessment.id);
    const verification = await tx.verification.create({
      data: {
        lokusId,
        stage: lokus.stage,
        verifier: actor,
        decision: input.decision,
        note,
        comments: { createMany: { data: comments } },
      },
      include: { comments: true },
    });
    const step = returned ? 'return-lokus' : `accept-${lokus.stage.toLowerCase()}`;
    await audit(
      tx,
      { type: 'Assessment', id: assessment.id },
      step,
      actor,
      null,
      { unitId: lokus.unitId, verification },
      note ?? comments.find((c) => c.decision === 'RETURN')?.note ?? null,
    );
    const pending = await tx.lokus.count({
      where: { assessmentId: assessment.id, review: { not: 'ACCEPTED' } },
    });
    if (pending === 0) {
      const { count } = await tx.assessment.updateMany({
        where: { id: assessment.id, status: 'SUBMITTED' },
        data: { status: 'VERIFIED', verifiedAt: new Date(), version: { increment: 1 } },
      });
      if (count === 1) {
        const after = await tx.assessment.findUniqueOrThrow({ where: { id: assessment.id } });
        await audit(
          tx,
          { type: 'Assessment', id: assessment.id },
          'verify',
          actor,
          assessment,
          after,
        );
      }
    }
    return tx.lokus.findUniqueOrThrow({ where: { id: lokusId } });
  }, INTERACTIVE_TRANSACTION);
}

/** Comments name indicators of the lokus's method; a return says what to correct. */
function checkedComments(lokus: Lokus, methodologyId: string, input: VerificationInput) {
  const methodology = methodologyOf(methodologyId);
  const instrument = instrumentOf(methodology);
  const keys = new Set(
    instrument
      ? instrument.indicators.map((i) => i.key)
      : (methodology.components ?? []).map((c) => c.key),
  );
  const seen = new Set<string>();
  const comments = (input.comments ?? []).map((c, i) => {
    const at = `input.comments[${i}]`;
    if (!keys.has(c.indicator)) {
      throw new InvalidInputError(
        `${methodology.id} has no ${instrument ? 'indicator' : methodology.componentKind} "${c.indicator}"`,
        `${at}.indicator`,
      );
    }
    if (seen.has(c.indicator)) {
      throw new InvalidInputError(`indicator ${c.indicator} is commented twice`, `${at}.indicator`);
    }
    seen.add(c.indicator);
    return {
      indicator: c.indicator,
      decision: c.decision,
      note: cleanText(c.note, `${at}.note`, { min: 3, ...TEXT }),
    };
  });
  const returnsOne = comments.some((c) => c.decision === 'RETURN');
  if (input.decision === 'ACCEPT' && returnsOne) {
    throw new InvalidInputError(
      'A stage that returns an indicator returns the lokus: decide RETURN',
      'input.decision',
    );
  }
  if (input.decision === 'RETURN' && !returnsOne) {
    throw new InvalidInputError(
      `Returning lokus ${lokus.unitId} needs at least one indicator returned with a note on what to correct`,
      'input.comments',
    );
  }
  return comments;
}

/**
 * The assessor sends a returned lokus back to the stage that returned it, once corrected: it
 * must still be fully scored.
 */
export async function resubmitLokus(lokusId: string, expectedVersion: number, actor: string) {
  return prisma().$transaction(async (tx) => {
    const lokus = await tx.lokus.findUnique({
      where: { id: lokusId },
      include: { assessment: true },
    });
    if (!lokus) throw new NotFoundError('lokusId', lokusId, 'lokus');
    if (lokus.assessment.status !== 'SUBMITTED' || lokus.review !== 'RETURNED') {
      throw new IllegalTransitionError(
        `Only a returned lokus is resubmitted; lokus ${lokus.unitId} is ${lokus.review}`,
        'lokusId',
        lokus.review,
      );
    }
    if (lokus.total === null) {
      throw new IllegalTransitionError(
        `Lokus ${lokus.unitId} has indicators left to score (missingIndicators names them)`,
        'lokusId',
        lokus.review,
      );
    }
    await updateAtVersion(tx.lokus, lokus, expectedVersion, { review: 'IN_REVIEW' });
    await touchAssessment(tx, lokus.assessmentId);
    await audit(tx, { type: 'Assessment', id: lokus.assessmentId }, 'resubmit-lokus', actor, null, {
      unitId: lokus.unitId,
      stage: lokus.stage,
    });
    return tx.lokus.findUniqueOrThrow({ where: { id: lokusId } });
  }, INTERACTIVE_TRANSACTION);
}

/**
 * A lokus's review is part of its assessment: a step on the whole assessment (an
 * administrator's verify, a return) taken on a version read before it is refused.
 */
async function touchAssessment(tx: Tx, id: string) {
  await tx.assessment.update({ where: { id }, data: { version: { increment: 1 } } });
}
