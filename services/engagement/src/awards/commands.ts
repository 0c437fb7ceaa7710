import { bandOf, methodologyFor, ScoringError } from '@mutu/scoring';
import {
  INTERACTIVE_TRANSACTION,
  InvalidInputError,
  isoDay,
  parseAssessmentCycleId,
  requireOrganisations,
  retryOnUniqueViolation,
  slugify,
} from '@mutu/service';
import { prisma } from '../db.js';
import { assertDuringEvent, loadEvent } from '../events/commands.js';
import type { Framework } from '../generated/prisma/enums.js';
import { cycleKey, optionalText, TITLE, text } from '../inputs.js';
import { audit, freeId } from '../writes.js';

export interface CreateAwardInput {
  recipientId: string;
  awardingId: string;
  title: string;
  cycleId?: string | null;
  assessmentId?: string | null;
  awardedOn: Date;
  eventId?: string | null;
  source?: string | null;
  /** The score the award rewards, where its source gives one. */
  score?: number | null;
}

/**
 * The band of a rewarded score under its cycle's method (packages/scoring); a score needs its
 * cycle, and must lie on that method's scale.
 */
export function awardedResult(cycleId: string, score: number, field = 'input.score') {
  const parts = parseAssessmentCycleId(cycleId);
  try {
    if (!parts) throw new ScoringError('NO_METHODOLOGY', field, `${cycleId} is not a cycle id`);
    return bandOf(methodologyFor(parts.framework as Framework, parts.year), score, { field });
  } catch (e) {
    if (e instanceof ScoringError) throw new InvalidInputError(e.message, field);
    throw e;
  }
}

export async function createAward(input: CreateAwardInput, actor: string) {
  const title = text(input.title, 'input.title', TITLE.max, TITLE.min);
  const source = optionalText(input.source, 'input.source') ?? `Recorded by ${actor}`;
  // An assessment's key is its cycle's key, a dot, and the subject's id.
  const assessmentCycle = input.assessmentId?.split('.')[0] ?? null;
  if (input.assessmentId && (!assessmentCycle || !input.assessmentId.includes('.'))) {
    throw new InvalidInputError(
      `assessmentId must be an assessment id such as "ombudsman-compliance-2024.17.01", got "${input.assessmentId}"`,
      'input.assessmentId',
    );
  }
  if (input.cycleId && assessmentCycle && input.cycleId !== assessmentCycle) {
    throw new InvalidInputError(
      `assessment ${input.assessmentId} belongs to cycle ${assessmentCycle}, not ${input.cycleId}`,
      'input.assessmentId',
    );
  }
  const cycleId = input.cycleId ?? assessmentCycle;
  const cycle = cycleId
    ? cycleKey(cycleId, input.cycleId ? 'input.cycleId' : 'input.assessmentId')
    : null;
  if (input.score != null) {
    if (!cycle) {
      throw new InvalidInputError(
        "a rewarded score is banded by its cycle's method: give the cycleId too",
        'input.score',
      );
    }
    awardedResult(cycle.id, input.score);
  }
  const found = await requireOrganisations([
    [input.recipientId, 'input.recipientId'],
    [input.awardingId, 'input.awardingId'],
  ]);
  // Two writers may pick the same free id at once: the loser runs again with the next one.
  return retryOnUniqueViolation(
    () =>
      prisma().$transaction(async (tx) => {
        if (input.eventId) {
          assertDuringEvent(
            input.awardedOn,
            await loadEvent(tx, input.eventId, 'input.eventId'),
            'input.awardedOn',
          );
        }
        const id = await freeId(
          `${isoDay(input.awardedOn)}-${slugify(title)}-${slugify(input.recipientId)}`,
          async (candidate) => (await tx.award.count({ where: { id: candidate } })) > 0,
        );
        const created = await tx.award.create({
          data: {
            id,
            recipientId: input.recipientId,
            recipientProvinceCode: found.get(input.recipientId)?.provinceCode ?? null,
            awardingId: input.awardingId,
            title,
            cycleId: cycle?.id ?? null,
            assessmentId: input.assessmentId ?? null,
            score: input.score ?? null,
            awardedOn: input.awardedOn,
            eventId: input.eventId ?? null,
            source,
          },
        });
        await audit(tx, 'Award', id, 'create', actor, null, created);
        return created;
      }, INTERACTIVE_TRANSACTION),
    { constraint: 'Award_pkey' },
  );
}
