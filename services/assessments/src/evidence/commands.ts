import { instrumentOf } from '@mutu/scoring';
import { INTERACTIVE_TRANSACTION } from '@mutu/service';
import type { Spooled } from '@mutu/storage';
import { assertLokusEditable } from '../assessments/commands.js';
import { prisma } from '../db.js';
import { IllegalTransitionError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Evidence } from '../generated/prisma/client.js';
import { methodologyOf } from '../scores.js';
import type { EvidenceOwner } from '../visibility.js';
import { audit, type Tx } from '../writes.js';
import { checkedMediaType, cleanFileName, EvidenceRefused } from './policy.js';
import { evidenceStore } from './settings.js';

/**
 * Serialises everyone who adds or drops a reference to the same bytes (or files evidence on the
 * same lokus) for the rest of the transaction: a stored object is removed only while nobody
 * can be adding a row that names it, and two uploads cannot both pass a lokus's limits.
 */
async function lock(tx: Tx, key: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text AS locked`;
}

/** Where an upload goes, checked before its body is read. */
export type AttachmentTarget =
  | {
      readonly kind: 'lokus';
      readonly lokusId: string;
      readonly indicator: string;
      readonly subjectId: string;
    }
  | {
      readonly kind: 'finding';
      readonly findingId: string;
      readonly subjectId: string;
      /** The organisation that must act: only it (or an administrator) files its evidence. */
      readonly organisationId: string;
    };

/** Where the upload route's query string sends a file: `findingId`, or `lokusId` and `indicator`. */
export function attachmentTarget(params: URLSearchParams): Promise<AttachmentTarget> {
  const findingId = params.get('findingId');
  return findingId !== null
    ? findingTarget(findingId)
    : lokusTarget(params.get('lokusId') ?? '', params.get('indicator') ?? '');
}

/**
 * The lokus and indicator an upload is for: the lokus must be a DRAFT assessment's, and the
 * indicator one of its instrument (or, for a method without one, one of its components).
 */
async function lokusTarget(lokusId: string, indicator: string): Promise<AttachmentTarget> {
  if (!lokusId) {
    throw new InvalidInputError(
      'lokusId names the lokus the file proves (or findingId the finding it follows up)',
      'lokusId',
    );
  }
  const lokus = await prisma().lokus.findUnique({
    where: { id: lokusId },
    include: { assessment: true },
  });
  if (!lokus) throw new NotFoundError('lokusId', lokusId, 'lokus');
  assertLokusEditable(lokus.assessment, lokus, 'lokusId');
  const methodology = methodologyOf(lokus.assessment.methodologyId);
  const instrument = instrumentOf(methodology);
  const keys = instrument
    ? instrument.indicators.map((i) => i.key)
    : (methodology.components ?? []).map((c) => c.key);
  if (!keys.includes(indicator)) {
    throw new InvalidInputError(
      `${methodology.id} has no ${instrument ? `indicator "${indicator}" in ${instrument.id}` : `${methodology.componentKind} "${indicator}"`}; evidence proves one of ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''}`,
      'indicator',
    );
  }
  return { kind: 'lokus', lokusId, indicator, subjectId: lokus.assessment.subjectId };
}

/** A finding whose follow-up is still owed: its evidence is added until it is reported done. */
async function findingTarget(findingId: string): Promise<AttachmentTarget> {
  const finding = await prisma().finding.findUnique({ where: { id: findingId } });
  if (!finding) throw new NotFoundError('findingId', findingId, 'finding');
  assertFollowUpOwed(finding, 'findingId');
  return {
    kind: 'finding',
    findingId,
    subjectId: finding.subjectId,
    organisationId: finding.organisationId,
  };
}

/** Evidence of a follow-up changes while the unit still owes it: not once DONE or VERIFIED. */
export function assertFollowUpOwed(finding: { status: string }, field: string): void {
  if (finding.status === 'DONE' || finding.status === 'VERIFIED') {
    throw new IllegalTransitionError(
      `The follow-up is ${finding.status}: its evidence no longer changes (unless the assessing office reopens it)`,
      field,
      finding.status,
    );
  }
}

/**
 * Files an uploaded document as evidence. The bytes are stored first, under their hash; the row
 * and its audit entry follow in one transaction that checks the lokus is still a draft and
 * within its limits. Should that fail, the bytes are removed again unless other evidence
 * names them: a refused upload leaves neither a row nor an object.
 */
export async function attachEvidence(
  target: AttachmentTarget,
  file: Spooled,
  sent: { fileName?: string; declaredType: string },
  actor: string,
): Promise<Evidence> {
  const { store, settings } = evidenceStore();
  const mediaType = checkedMediaType(file.sniffed, sent.declaredType, file.size);
  const meta = { size: file.size, mediaType };
  await store.putFile(file.sha256, file.path, meta);
  try {
    return await prisma().$transaction(async (tx) => {
      const owner =
        target.kind === 'lokus' ? { lokusId: target.lokusId } : { findingId: target.findingId };
      await lock(
        tx,
        target.kind === 'lokus' ? `lokus:${target.lokusId}` : `finding:${target.findingId}`,
      );
      await lock(tx, file.sha256);
      // The target is checked again under the lock: it may have been submitted or done since.
      const entity = await recheck(tx, target);
      const used = await tx.evidence.aggregate({
        where: owner,
        _count: { _all: true },
        _sum: { size: true },
      });
      const what = target.kind === 'lokus' ? 'A lokus' : 'A finding';
      if (used._count._all + 1 > settings.maxLokusFiles) {
        throw new EvidenceRefused(
          'EVIDENCE_LIMIT_REACHED',
          `${what} keeps at most ${settings.maxLokusFiles} files of evidence; remove one first`,
          target.kind === 'lokus' ? 'lokusId' : 'findingId',
          409,
        );
      }
      if ((used._sum.size ?? 0) + file.size > settings.maxLokusBytes) {
        throw new EvidenceRefused(
          'EVIDENCE_LIMIT_REACHED',
          `${what} keeps at most ${settings.maxLokusBytes} bytes of evidence; this file would make ${(used._sum.size ?? 0) + file.size}`,
          'file',
          413,
        );
      }
      // A release that found no row for these bytes may have removed them since they were put.
      if (!(await store.has(file.sha256))) await store.putFile(file.sha256, file.path, meta);
      const evidence = await tx.evidence.create({
        data: {
          ...owner,
          indicator: target.kind === 'lokus' ? target.indicator : null,
          sha256: file.sha256,
          size: file.size,
          mediaType,
          fileName: cleanFileName(sent.fileName),
          uploadedBy: actor,
        },
      });
      await audit(tx, entity.audited, 'attach-evidence', actor, null, {
        evidence,
        ...entity.context,
      });
      return evidence;
    }, INTERACTIVE_TRANSACTION);
  } catch (error) {
    await releaseObjects([file.sha256]);
    throw error;
  }
}

/** A target as it stands in the transaction, and what its audit entry is about. */
async function recheck(tx: Tx, target: AttachmentTarget, field?: string) {
  if (target.kind === 'lokus') {
    const lokus = await tx.lokus.findUnique({
      where: { id: target.lokusId },
      include: { assessment: true },
    });
    if (!lokus) throw new NotFoundError(field ?? 'lokusId', target.lokusId, 'lokus');
    assertLokusEditable(lokus.assessment, lokus, field ?? 'lokusId');
    return {
      audited: { type: 'Assessment' as const, id: lokus.assessmentId },
      context: { unitId: lokus.unitId },
    };
  }
  const finding = await tx.finding.findUnique({ where: { id: target.findingId } });
  if (!finding) throw new NotFoundError(field ?? 'findingId', target.findingId, 'finding');
  assertFollowUpOwed(finding, field ?? 'findingId');
  return { audited: { type: 'Finding' as const, id: finding.id }, context: {} };
}

/**
 * Drops one piece of evidence while its target may change (a DRAFT lokus, a follow-up still
 * owed); its bytes go if nothing else names them. Answers the evidence as it was.
 */
export async function removeEvidence(id: string, kind: AttachmentTarget['kind'], actor: string) {
  const removed = await prisma().$transaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({ where: { id } });
    if (!evidence) throw new NotFoundError('id', id, 'evidence');
    if ((evidence.findingId ? 'finding' : 'lokus') !== kind) {
      throw new InvalidInputError(
        evidence.findingId
          ? `${id} is evidence of a finding's follow-up: removeFollowUpEvidence removes it`
          : `${id} is bukti dukung of a lokus: removeEvidence removes it`,
        'id',
      );
    }
    const target: AttachmentTarget = evidence.findingId
      ? { kind: 'finding', findingId: evidence.findingId, subjectId: '', organisationId: '' }
      : {
          kind: 'lokus',
          lokusId: evidence.lokusId ?? '',
          indicator: evidence.indicator ?? '',
          subjectId: '',
        };
    // The evidence exists; a refusal is about its target, which no longer changes.
    const entity = await recheck(tx, target, 'id');
    await lock(tx, evidence.sha256);
    await tx.evidence.delete({ where: { id } });
    await audit(
      tx,
      entity.audited,
      'remove-evidence',
      actor,
      { evidence, ...entity.context },
      null,
    );
    return evidence;
  }, INTERACTIVE_TRANSACTION);
  await releaseObjects([removed.sha256]);
  return removed;
}

/**
 * Removes the stored bytes that no evidence names any more (after a refused upload, a removal, a
 * dropped lokus). A failure here leaves an orphan for the sweep, never a row without bytes.
 */
export async function releaseObjects(hashes: readonly string[]): Promise<string[]> {
  const { store } = evidenceStore();
  const removed: string[] = [];
  for (const sha256 of new Set(hashes)) {
    try {
      const gone = await prisma().$transaction(async (tx) => {
        await lock(tx, sha256);
        if ((await tx.evidence.count({ where: { sha256 } })) > 0) return false;
        await store.remove(sha256);
        return true;
      }, INTERACTIVE_TRANSACTION);
      if (gone) removed.push(sha256);
    } catch {
      // The periodic sweep finds it.
    }
  }
  return removed;
}

/**
 * The periodic sweep: every stored object older than the grace period (an upload under way may
 * not have its row yet) that no evidence names is removed. Returns what it saw and removed.
 */
export async function sweepEvidence(now = new Date()) {
  const { store, settings } = evidenceStore();
  const before = now.getTime() - settings.orphanGraceMinutes * 60_000;
  let checked = 0;
  const candidates: string[] = [];
  for await (const object of store.list()) {
    checked += 1;
    if (object.modifiedAt.getTime() > before) continue;
    const named = await prisma().evidence.findFirst({
      where: { sha256: object.key },
      select: { id: true },
    });
    if (!named) candidates.push(object.key);
  }
  return { checked, removed: await releaseObjects(candidates) };
}

/** Evidence of a lokus carried into a correction's revision: new rows, the same bytes. */
export async function copyEvidence(tx: Tx, fromLokusId: string, toLokusId: string) {
  const rows = await tx.evidence.findMany({ where: { lokusId: fromLokusId } });
  if (rows.length === 0) return;
  await tx.evidence.createMany({
    data: rows.map(({ id: _old, lokusId: _from, ...row }) => ({ ...row, lokusId: toLokusId })),
  });
}

/** Every stored byte a lokus's evidence names, to release once the lokus itself is dropped. */
export async function evidenceHashesOf(tx: Tx, where: { lokusId?: string; assessmentId?: string }) {
  const rows = await tx.evidence.findMany({
    where: where.lokusId
      ? { lokusId: where.lokusId }
      : { lokus: { assessmentId: where.assessmentId } },
    select: { sha256: true },
  });
  return rows.map((r) => r.sha256);
}

/** What an existing piece of evidence belongs to; null when there is none. */
export async function evidenceOwner(id: string): Promise<EvidenceOwner | null> {
  const found = await prisma().evidence.findUnique({
    where: { id },
    select: {
      lokus: { select: { assessment: { select: { subjectId: true } } } },
      finding: { select: { subjectId: true, organisationId: true } },
    },
  });
  return found ? ownerOf(found) : null;
}

/** The owner of evidence loaded with its lokus's subject or its finding. */
export function ownerOf(evidence: {
  lokus: { assessment: { subjectId: string } } | null;
  finding: { subjectId: string; organisationId: string } | null;
}): EvidenceOwner {
  if (evidence.finding) return { kind: 'finding', ...evidence.finding };
  return { kind: 'lokus', subjectId: evidence.lokus?.assessment.subjectId ?? '' };
}
