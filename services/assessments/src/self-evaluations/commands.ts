import { instrumentOf } from '@mutu/scoring';
import type { Identity } from '@mutu/server';
import {
  INTERACTIVE_TRANSACTION,
  requireOrganisations,
  updateAtVersion,
  VersionConflictError,
  whenUniqueViolated,
} from '@mutu/service';
import { prisma } from '../db.js';
import { IllegalTransitionError, InvalidInputError, NotFoundError } from '../errors.js';
import type { SelfEvaluation } from '../generated/prisma/client.js';
import { type IndicatorScoreInput, methodologyOf, scoreDraftLokus } from '../scores.js';
import { assertActsFor } from '../visibility.js';
import { audit, type Tx } from '../writes.js';

/**
 * A unit's own scores on the indicators of its cycle's instrument (PEKPPP mandiri,
 * PermenPAN-RB 29/2022): created by its first scores (`expectedVersion` 0), changed while it
 * is a DRAFT and the cycle is OPEN. Kept in tables of their own: never a lokus, never a result.
 */
export async function recordSelfScores(
  input: { cycleId: string; organisationId: string },
  expectedVersion: number,
  scores: readonly IndicatorScoreInput[],
  identity: Identity,
) {
  assertActsFor(identity, input.organisationId, 'organisationId');
  if (scores.length === 0) {
    throw new InvalidInputError('scores must name at least one indicator', 'scores');
  }
  const cycle = await prisma().assessmentCycle.findUnique({ where: { id: input.cycleId } });
  if (!cycle) throw new NotFoundError('cycleId', input.cycleId, 'cycle');
  const methodology = methodologyOf(cycle.methodologyId);
  if (!instrumentOf(methodology)) {
    throw new InvalidInputError(
      `${methodology.id} has no instrument in Mutu to evaluate oneself against`,
      'cycleId',
    );
  }
  if (cycle.status !== 'OPEN') {
    throw new IllegalTransitionError(
      `Self-evaluations are recorded while the cycle is OPEN; ${cycle.id} is ${cycle.status}`,
      'cycleId',
      cycle.status,
    );
  }
  await requireOrganisations([[input.organisationId, 'organisationId']]);
  return whenUniqueViolated(
    () =>
      prisma().$transaction(async (tx) => {
        const before = await tx.selfEvaluation.findUnique({
          where: {
            cycleId_organisationId: { cycleId: cycle.id, organisationId: input.organisationId },
          },
          include: { scores: true },
        });
        if (!before && expectedVersion !== 0) {
          throw new VersionConflictError(
            `${cycle.id} self-evaluation of ${input.organisationId}`,
            expectedVersion,
            0,
          );
        }
        if (before && before.status !== 'DRAFT') {
          throw new IllegalTransitionError(
            `The self-evaluation is ${before.status}: it no longer changes`,
            'organisationId',
            before.status,
          );
        }
        const scored = scoreDraftLokus(
          methodology,
          { unitId: input.organisationId, indicators: scores },
          '',
          before?.scores ?? [],
          'scores',
        );
        const totals = { exactTotal: scored.exactTotal, total: scored.total };
        if (before) await updateAtVersion(tx.selfEvaluation, before, expectedVersion, totals);
        const evaluation =
          before ??
          (await tx.selfEvaluation.create({
            data: {
              cycleId: cycle.id,
              organisationId: input.organisationId,
              createdBy: identity.sub,
              ...totals,
            },
          }));
        await writeScores(tx, evaluation.id, scores, scored.indicators ?? [], identity.sub);
        const after = await tx.selfEvaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
        await audit(
          tx,
          { type: 'SelfEvaluation', id: evaluation.id },
          before ? 'record-self-scores' : 'create',
          identity.sub,
          before,
          { ...after, indicators: scores.map((s) => s.indicator) },
        );
        return after;
      }, INTERACTIVE_TRANSACTION),
    // Two first scorings raced: the loser read no evaluation, which now exists.
    async () =>
      new VersionConflictError(
        `${cycle.id} self-evaluation of ${input.organisationId}`,
        expectedVersion,
        1,
      ),
  );
}

async function writeScores(
  tx: Tx,
  id: string,
  given: readonly IndicatorScoreInput[],
  scored: readonly { key: string; score: number; note: string | null }[],
  actor: string,
) {
  const changed = new Set(given.map((g) => g.indicator.trim()));
  for (const s of scored.filter((i) => changed.has(i.key))) {
    await tx.selfScore.upsert({
      where: { selfEvaluationId_key: { selfEvaluationId: id, key: s.key } },
      create: { selfEvaluationId: id, key: s.key, score: s.score, note: s.note, scoredBy: actor },
      update: { score: s.score, note: s.note, scoredBy: actor, scoredAt: new Date() },
    });
  }
}

/** The unit submits a complete self-evaluation: it no longer changes. */
export async function submitSelfEvaluation(
  id: string,
  expectedVersion: number,
  identity: Identity,
): Promise<SelfEvaluation> {
  return prisma().$transaction(async (tx) => {
    const before = await tx.selfEvaluation.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('id', id, 'self-evaluation');
    assertActsFor(identity, before.organisationId, 'id');
    if (before.status !== 'DRAFT') {
      throw new IllegalTransitionError(`It is already ${before.status}`, 'id', before.status);
    }
    if (before.total === null) {
      throw new IllegalTransitionError(
        'Score every indicator before submitting (missingIndicators names the rest)',
        'id',
        before.status,
      );
    }
    await updateAtVersion(tx.selfEvaluation, before, expectedVersion, {
      status: 'SUBMITTED',
      submittedAt: new Date(),
      submittedBy: identity.sub,
    });
    const after = await tx.selfEvaluation.findUniqueOrThrow({ where: { id } });
    await audit(tx, { type: 'SelfEvaluation', id }, 'submit', identity.sub, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}
