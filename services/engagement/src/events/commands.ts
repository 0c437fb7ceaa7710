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
import type { Prisma } from '../generated/prisma/client.js';
import type { EventKind, EventRole, Framework } from '../generated/prisma/enums.js';
import { cycleKey, optionalText, TITLE, text } from '../inputs.js';
import { audit, freeId, type Tx } from '../writes.js';

/** The event an agreement or award names, in the write's transaction. */
export async function loadEvent(tx: Tx, id: string, field: string) {
  const event = await tx.event.findUnique({ where: { id } });
  if (!event) throw new NotFoundError(field, id, 'event');
  return event;
}

export function assertDuringEvent(
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
      }, INTERACTIVE_TRANSACTION),
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
    await updateAtVersion(tx.event, before, expectedVersion, data);
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
  }, INTERACTIVE_TRANSACTION);
}
