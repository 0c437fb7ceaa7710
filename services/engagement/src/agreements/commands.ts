import {
  INTERACTIVE_TRANSACTION,
  InvalidInputError,
  isoDay,
  NotFoundError,
  requireOrganisations,
  retryOnUniqueViolation,
  slugify,
  updateAtVersion,
} from '@mutu/service';
import { prisma } from '../db.js';
import { assertDuringEvent, loadEvent } from '../events/commands.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AgreementKind } from '../generated/prisma/enums.js';
import { optionalText, TITLE, text } from '../inputs.js';
import { audit, freeId } from '../writes.js';

export interface PartyInput {
  organisationId: string;
  /** The party's name as the document states it; the register's name by default. */
  name?: string | null;
  role?: string | null;
  signatoryName?: string | null;
  signatoryPosition?: string | null;
}

export interface CreateAgreementInput {
  title: string;
  kind: AgreementKind;
  subject?: string | null;
  signedOn: Date;
  validFrom?: Date | null;
  validUntil?: Date | null;
  documentReference?: string | null;
  eventId?: string | null;
  source?: string | null;
  parties: readonly PartyInput[];
}

function assertValidity(signedOn: Date, validFrom: Date, validUntil: Date | null) {
  if (validUntil && validUntil <= signedOn) {
    throw new InvalidInputError(
      `validUntil (${isoDay(validUntil)}) must be after signedOn (${isoDay(signedOn)})`,
      'input.validUntil',
    );
  }
  if (validUntil && validUntil <= validFrom) {
    throw new InvalidInputError(
      `validUntil (${isoDay(validUntil)}) must be after validFrom (${isoDay(validFrom)})`,
      'input.validUntil',
    );
  }
}

export async function createAgreement(input: CreateAgreementInput, actor: string) {
  const title = text(input.title, 'input.title', TITLE.max, TITLE.min);
  const subject = optionalText(input.subject, 'input.subject', TITLE.max);
  const documentReference = optionalText(input.documentReference, 'input.documentReference');
  const source = optionalText(input.source, 'input.source') ?? `Recorded by ${actor}`;
  const validFrom = input.validFrom ?? input.signedOn;
  const validUntil = input.validUntil ?? null;
  assertValidity(input.signedOn, validFrom, validUntil);
  if (input.parties.length < 2) {
    throw new InvalidInputError(
      `An agreement needs at least two parties, got ${input.parties.length}`,
      'input.parties',
    );
  }
  const seen = new Map<string, number>();
  const parties = input.parties.map((p, i) => {
    const field = `input.parties[${i}]`;
    const earlier = seen.get(p.organisationId);
    if (earlier !== undefined) {
      throw new InvalidInputError(
        `${p.organisationId} is already party ${earlier}; the parties must be distinct`,
        `${field}.organisationId`,
      );
    }
    seen.set(p.organisationId, i);
    return {
      organisationId: p.organisationId,
      name: optionalText(p.name, `${field}.name`, TITLE.max),
      role: optionalText(p.role, `${field}.role`, 100),
      signatoryName: optionalText(p.signatoryName, `${field}.signatoryName`, 200),
      signatoryPosition: optionalText(p.signatoryPosition, `${field}.signatoryPosition`, 300),
      position: i + 1,
    };
  });
  const names = await requireOrganisations(
    parties.map((p, i): [string, string] => [
      p.organisationId,
      `input.parties[${i}].organisationId`,
    ]),
  );
  // Two writers may pick the same free id at once: the loser runs again with the next one.
  return retryOnUniqueViolation(
    () =>
      prisma().$transaction(async (tx) => {
        if (input.eventId) {
          assertDuringEvent(
            input.signedOn,
            await loadEvent(tx, input.eventId, 'input.eventId'),
            'input.signedOn',
          );
        }
        const id = await freeId(
          `${isoDay(input.signedOn)}-${slugify(title)}`,
          async (candidate) => (await tx.agreement.count({ where: { id: candidate } })) > 0,
        );
        const created = await tx.agreement.create({
          data: {
            id,
            title,
            kind: input.kind,
            subject,
            signedOn: input.signedOn,
            validFrom,
            validUntil,
            documentReference,
            eventId: input.eventId ?? null,
            source,
            parties: {
              create: parties.map((p) => {
                const registeredAs = names.get(p.organisationId);
                return {
                  ...p,
                  name: p.name ?? registeredAs?.name ?? p.organisationId,
                  provinceCode: registeredAs?.provinceCode ?? null,
                };
              }),
            },
          },
          include: { parties: true },
        });
        await audit(tx, 'Agreement', id, 'create', actor, null, created);
        return created;
      }, INTERACTIVE_TRANSACTION),
    { constraint: 'Agreement_pkey' },
  );
}

export interface UpdateAgreementInput {
  title?: string | null;
  subject?: string | null;
  validUntil?: Date | null;
  documentReference?: string | null;
}

/** Changes an agreement's title, subject, end of validity or document reference. */
export async function updateAgreement(
  id: string,
  expectedVersion: number,
  input: UpdateAgreementInput,
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const before = await tx.agreement.findUnique({ where: { id }, include: { parties: true } });
    if (!before) throw new NotFoundError('id', id, 'agreement');
    const data: Prisma.AgreementUpdateManyMutationInput = {};
    if (input.title != null) data.title = text(input.title, 'input.title', TITLE.max, TITLE.min);
    if (input.subject !== undefined)
      data.subject = optionalText(input.subject, 'input.subject', TITLE.max);
    if (input.documentReference !== undefined) {
      data.documentReference = optionalText(input.documentReference, 'input.documentReference');
    }
    if (input.validUntil !== undefined) {
      assertValidity(before.signedOn, before.validFrom, input.validUntil);
      data.validUntil = input.validUntil;
    }
    await updateAtVersion(tx.agreement, before, expectedVersion, data);
    const after = await tx.agreement.findUniqueOrThrow({
      where: { id },
      include: { parties: true },
    });
    await audit(tx, 'Agreement', id, 'update', actor, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}
