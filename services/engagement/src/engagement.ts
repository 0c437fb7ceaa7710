import { bandOf, FRAMEWORKS, methodologyFor, ScoringError } from '@mutu/scoring';
import {
  auditEntry,
  cleanOptionalText,
  cleanText,
  InvalidInputError,
  NotFoundError,
  parseAssessmentCycleId,
  requireOrganisations,
  retryOnUniqueViolation,
  slugify,
  VersionConflictError,
} from '@mutu/service';
import { prisma } from './db.js';
import type { Prisma } from './generated/prisma/client.js';
import type { AgreementKind, EventKind, EventRole, Framework } from './generated/prisma/enums.js';

type Tx = Prisma.TransactionClient;

/** Interactive transactions stay short (prisma/orm#29952: a COMMIT timeout can crash the process). */
const TRANSACTION = { maxWait: 5_000, timeout: 10_000 };
const TITLE = { min: 3, max: 300 };
const TEXT_MAX = 2_000;

// ---------------------------------------------------------------------------------------------
// Validation

const text = (value: string, field: string, max = TEXT_MAX, min = 1) =>
  cleanText(value, field, { min, max });

const optionalText = <T extends null | undefined>(
  value: string | T,
  field: string,
  max = TEXT_MAX,
) => cleanOptionalText(value, field, max);

/** An AssessmentCycle key, checked for shape and framework (the cycle itself lives elsewhere). */
function cycleKey(id: string, field: string): { id: string; framework: Framework } {
  const parts = parseAssessmentCycleId(id);
  if (!parts || !(FRAMEWORKS as readonly string[]).includes(parts.framework)) {
    throw new InvalidInputError(
      `${field} must be an assessment cycle id such as "ombudsman-compliance-2024" or "ipp-2024", got "${id}"`,
      field,
    );
  }
  return { id, framework: parts.framework as Framework };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function freeId(base: string, taken: (id: string) => Promise<boolean>) {
  const stem = base.slice(0, 150).replace(/-+$/, '');
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!(await taken(id))) return id;
  }
}

async function loadEvent(tx: Tx, id: string, field: string) {
  const event = await tx.event.findUnique({ where: { id } });
  if (!event) throw new NotFoundError(field, id, 'event');
  return event;
}

function assertDuringEvent(
  day: Date,
  event: { id: string; startsOn: Date; endsOn: Date },
  field: string,
) {
  if (day < event.startsOn || day > event.endsOn) {
    throw new InvalidInputError(
      `${field} ${isoDay(day)} is outside event ${event.id} (${isoDay(event.startsOn)} to ${isoDay(event.endsOn)})`,
      field,
    );
  }
}

async function audit(
  tx: Tx,
  entityType: 'Agreement' | 'Event' | 'Award',
  entityId: string,
  action: string,
  actor: string,
  before: unknown,
  after: unknown,
) {
  await tx.auditEntry.create({
    data: auditEntry<Prisma.InputJsonValue>({ entityType, entityId, action, actor, before, after }),
  });
}

// ---------------------------------------------------------------------------------------------
// Agreements

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
      }, TRANSACTION),
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
    if (before.version !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, before.version);
    }
    const { count } = await tx.agreement.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.agreement.findUniqueOrThrow({ where: { id } });
      throw new VersionConflictError(id, expectedVersion, now.version);
    }
    const after = await tx.agreement.findUniqueOrThrow({
      where: { id },
      include: { parties: true },
    });
    await audit(tx, 'Agreement', id, 'update', actor, before, after);
    return after;
  }, TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// Events

export interface CreateEventInput {
  kind: EventKind;
  title: string;
  hostId: string;
  speakerIds?: readonly string[] | null;
  participantIds?: readonly string[] | null;
  venue?: string | null;
  provinceCode?: string | null;
  startsOn: Date;
  endsOn?: Date | null;
  framework?: Framework | null;
  cycleId?: string | null;
  summary?: string | null;
  source?: string | null;
}

/** An event's organisations by role, each checked against the register. */
async function eventOrganisations(who: {
  hostId: string;
  speakerIds: readonly string[];
  participantIds: readonly string[];
}) {
  const roles: [id: string, role: EventRole, field: string][] = [
    [who.hostId, 'HOST', 'input.hostId'],
    ...who.speakerIds.map((id, i): [string, EventRole, string] => [
      id,
      'SPEAKER',
      `input.speakerIds[${i}]`,
    ]),
    ...who.participantIds.map((id, i): [string, EventRole, string] => [
      id,
      'PARTICIPANT',
      `input.participantIds[${i}]`,
    ]),
  ];
  const found = await requireOrganisations(
    roles.map(([id, , field]): [string, string] => [id, field]),
  );
  const links = [
    ...new Map(roles.map(([id, role]) => [`${id}|${role}`, { organisationId: id, role }])).values(),
  ];
  return { found, links };
}

function assertEventDates(startsOn: Date, endsOn: Date) {
  if (endsOn < startsOn) {
    throw new InvalidInputError(
      `An event cannot end (${isoDay(endsOn)}) before it starts (${isoDay(startsOn)})`,
      'input.endsOn',
    );
  }
}

export async function createEvent(input: CreateEventInput, actor: string) {
  const title = text(input.title, 'input.title', TITLE.max, TITLE.min);
  const venue = optionalText(input.venue, 'input.venue', 300);
  const summary = optionalText(input.summary, 'input.summary');
  const source = optionalText(input.source, 'input.source') ?? `Recorded by ${actor}`;
  const endsOn = input.endsOn ?? input.startsOn;
  assertEventDates(input.startsOn, endsOn);
  const cycle = input.cycleId ? cycleKey(input.cycleId, 'input.cycleId') : null;
  if (cycle && input.framework && input.framework !== cycle.framework) {
    throw new InvalidInputError(
      `framework ${input.framework} does not match cycle ${cycle.id} (${cycle.framework})`,
      'input.framework',
    );
  }
  if (input.provinceCode != null && !/^\d{2}$/.test(input.provinceCode)) {
    throw new InvalidInputError(
      `provinceCode must be a two-digit Kemendagri code such as "62", got "${input.provinceCode}"`,
      'input.provinceCode',
    );
  }
  const { found, links } = await eventOrganisations({
    hostId: input.hostId,
    speakerIds: input.speakerIds ?? [],
    participantIds: input.participantIds ?? [],
  });
  // Two writers may pick the same free id at once: the loser runs again with the next one.
  return retryOnUniqueViolation(
    () =>
      prisma().$transaction(async (tx) => {
        const id = await freeId(
          `${isoDay(input.startsOn)}-${slugify(title)}`,
          async (candidate) => (await tx.event.count({ where: { id: candidate } })) > 0,
        );
        const created = await tx.event.create({
          data: {
            id,
            kind: input.kind,
            title,
            venue,
            provinceCode: input.provinceCode ?? found.get(input.hostId)?.provinceCode ?? null,
            startsOn: input.startsOn,
            endsOn,
            framework: cycle?.framework ?? input.framework ?? null,
            cycleId: cycle?.id ?? null,
            summary,
            source,
            organisations: { create: links },
          },
          include: { organisations: true },
        });
        await audit(tx, 'Event', id, 'create', actor, null, created);
        return created;
      }, TRANSACTION),
    { constraint: 'Event_pkey' },
  );
}

export interface UpdateEventInput {
  title?: string | null;
  venue?: string | null;
  summary?: string | null;
  startsOn?: Date | null;
  endsOn?: Date | null;
  /** The complete list, replacing the current one. */
  speakerIds?: readonly string[] | null;
  /** The complete list, replacing the current one. */
  participantIds?: readonly string[] | null;
}

/** Changes an event after the fact: its title, venue, summary, dates, speakers or participants. */
export async function updateEvent(
  id: string,
  expectedVersion: number,
  input: UpdateEventInput,
  actor: string,
) {
  const current = await prisma().event.findUnique({
    where: { id },
    include: { organisations: true },
  });
  if (!current) throw new NotFoundError('id', id, 'event');
  const data: Prisma.EventUpdateManyMutationInput = {};
  if (input.title != null) data.title = text(input.title, 'input.title', TITLE.max, TITLE.min);
  if (input.venue !== undefined) data.venue = optionalText(input.venue, 'input.venue', 300);
  if (input.summary !== undefined) data.summary = optionalText(input.summary, 'input.summary');
  data.startsOn = input.startsOn ?? current.startsOn;
  data.endsOn = input.endsOn ?? current.endsOn;
  assertEventDates(data.startsOn, data.endsOn);
  const inRole = (role: EventRole) =>
    current.organisations.filter((o) => o.role === role).map((o) => o.organisationId);
  const who =
    input.speakerIds != null || input.participantIds != null
      ? await eventOrganisations({
          hostId: inRole('HOST')[0] ?? '',
          speakerIds: input.speakerIds ?? inRole('SPEAKER'),
          participantIds: input.participantIds ?? inRole('PARTICIPANT'),
        })
      : null;
  return prisma().$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({
      where: { id },
      include: { organisations: true },
    });
    if (before.version !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, before.version);
    }
    const { count } = await tx.event.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.event.findUniqueOrThrow({ where: { id } });
      throw new VersionConflictError(id, expectedVersion, now.version);
    }
    if (who) {
      await tx.eventOrganisation.deleteMany({ where: { eventId: id } });
      await tx.eventOrganisation.createMany({
        data: who.links.map((l) => ({ ...l, eventId: id })),
      });
    }
    const after = await tx.event.findUniqueOrThrow({
      where: { id },
      include: { organisations: true },
    });
    await audit(tx, 'Event', id, 'update', actor, before, after);
    return after;
  }, TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// Awards

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
      }, TRANSACTION),
    { constraint: 'Award_pkey' },
  );
}
