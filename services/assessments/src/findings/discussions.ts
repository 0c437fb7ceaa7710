import { askService, INTERACTIVE_TRANSACTION } from '@mutu/service';
import { prisma } from '../db.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { audit } from '../writes.js';

/** As many as a rakor's agenda holds; a longer list is several calls. */
export const MAX_FINDINGS_PER_LINK = 100;

/**
 * The engagement subgraph's event `id`, or null when it has none. Events are public there; the
 * call carries this service's own credential, never the caller's.
 */
async function findEvent(id: string): Promise<{ id: string } | null> {
  const data = await askService<{ event: { id: string } | null }>(
    'engagement',
    `The event ${id}`,
    'query($id: ID!) { event(id: $id) { id } }',
    { id },
  );
  return data.event;
}

/** The subjects of the findings named, for the write's scope: unknown ids are left out. */
export async function subjectsOfFindings(ids: readonly string[]): Promise<string[]> {
  const found = await prisma().finding.findMany({
    where: { id: { in: [...ids] } },
    select: { subjectId: true },
  });
  return found.map((f) => f.subjectId);
}

/**
 * An assessing office records that findings were discussed at an event (a rakor, a workshop
 * pendampingan) of the engagement subgraph (the mutation's scope: every finding is one the
 * caller assesses); the event must exist there. A link already recorded stays as it was; each new one is audited on its
 * finding.
 */
export async function recordFindingsDiscussed(
  input: { eventId: string; findingIds: readonly string[] },
  actor: string,
) {
  const findingIds = [...new Set(input.findingIds)];
  if (findingIds.length === 0 || findingIds.length > MAX_FINDINGS_PER_LINK) {
    throw new InvalidInputError(
      `input.findingIds names ${findingIds.length} findings; give 1 to ${MAX_FINDINGS_PER_LINK}`,
      'input.findingIds',
    );
  }
  const findings = await prisma().finding.findMany({
    where: { id: { in: findingIds } },
    select: { id: true },
  });
  const known = new Set(findings.map((f) => f.id));
  input.findingIds.forEach((findingId, i) => {
    if (!known.has(findingId))
      throw new NotFoundError(`input.findingIds[${i}]`, findingId, 'finding');
  });
  if (!(await findEvent(input.eventId))) {
    throw new NotFoundError('input.eventId', input.eventId, 'event');
  }
  return prisma().$transaction(async (tx) => {
    const already = await tx.findingDiscussion.findMany({
      where: { eventId: input.eventId, findingId: { in: findingIds } },
      select: { findingId: true },
    });
    const linked = new Set(already.map((d) => d.findingId));
    for (const findingId of findingIds.filter((f) => !linked.has(f))) {
      const discussion = await tx.findingDiscussion.create({
        data: { findingId, eventId: input.eventId, recordedBy: actor },
      });
      await audit(tx, { type: 'Finding', id: findingId }, 'discussed', actor, null, discussion);
    }
    return { id: input.eventId };
  }, INTERACTIVE_TRANSACTION);
}

/** Takes back a link recorded by mistake; the audit trail keeps that it was made. */
export async function removeFindingDiscussed(
  input: { eventId: string; findingId: string },
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const where = { findingId_eventId: { findingId: input.findingId, eventId: input.eventId } };
    const discussion = await tx.findingDiscussion.findUnique({ where });
    if (!discussion) {
      throw new NotFoundError(
        'input.findingId',
        input.findingId,
        `finding recorded as discussed at event ${input.eventId}`,
      );
    }
    await tx.findingDiscussion.delete({ where });
    await audit(
      tx,
      { type: 'Finding', id: input.findingId },
      'discussion-removed',
      actor,
      discussion,
      null,
    );
    return { id: input.eventId };
  }, INTERACTIVE_TRANSACTION);
}
