import { assertPageSize, MAX_PAGE } from '@mutu/server';
import { ADMIN_ONLY, assertProvinceCode, id, optionalId } from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import { assertPeriod, type Filter } from '../inputs.js';
import { AssessmentCycleRef, Framework, OrganisationRef, ProvinceRef, ref } from '../refs.js';
import { createEvent, updateEvent } from './commands.js';

const PAGE = `a page at a time (at most ${MAX_PAGE})`;

export const EventKind = builder.enumType('EventKind', {
  description: 'What kind of gathering an event was.',
  values: {
    RAKOR: { description: 'Rapat koordinasi: a coordination meeting.' },
    WORKSHOP_PENDAMPINGAN: {
      description:
        'Workshop pendampingan: a mentoring workshop, e.g. before a compliance assessment.',
    },
    SOSIALISASI: { description: 'Sosialisasi: a briefing that introduces a rule or programme.' },
    BIMTEK: { description: 'Bimbingan teknis: hands-on technical training.' },
    PENGANUGERAHAN: { description: 'Penganugerahan: an award ceremony.' },
  } as const,
});
/** The organisations of an event in one role, loaded with the event itself. */
const inRole = (role: 'HOST' | 'SPEAKER' | 'PARTICIPANT') => ({
  organisations: {
    where: { role },
    select: { organisationId: true },
    orderBy: { organisationId: 'asc' as const },
  },
});
const refs = (e: { organisations: { organisationId: string }[] }) =>
  e.organisations.map((o) => ref(o.organisationId));

export const Event = builder.prismaObject('Event', {
  description:
    'A rakor, workshop pendampingan, sosialisasi, bimtek or penganugerahan around the assessments.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: EventKind }),
    title: t.exposeString('title'),
    host: t.field({
      type: OrganisationRef,
      select: inRole('HOST'),
      resolve: (e) => {
        const [host] = refs(e);
        if (!host) throw new Error(`Event has no host`);
        return host;
      },
    }),
    speakers: t.field({
      type: [OrganisationRef],
      description: "The speakers' organisations.",
      select: inRole('SPEAKER'),
      resolve: refs,
    }),
    participants: t.field({
      type: [OrganisationRef],
      description: 'The participating organisations.',
      select: inRole('PARTICIPANT'),
      resolve: refs,
    }),
    venue: t.exposeString('venue', { nullable: true }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      select: { provinceCode: true },
      description: 'The province where it took place.',
      resolve: (e) => (e.provinceCode ? { code: e.provinceCode } : null),
    }),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    framework: t.expose('framework', {
      type: Framework,
      nullable: true,
      description: 'The assessment framework it concerned, if any.',
    }),
    cycle: t.field({
      type: AssessmentCycleRef,
      nullable: true,
      select: { cycleId: true },
      description: 'The assessment cycle it concerned, if any.',
      resolve: (e) => (e.cycleId ? ref(e.cycleId) : null),
    }),
    summary: t.exposeString('summary', { nullable: true }),
    agreements: t.relation('agreements', {
      description: 'Agreements signed there.',
      query: { orderBy: { signedOn: 'asc' } },
    }),
    awards: t.relation('awards', {
      description: 'Awards handed over there.',
      query: { orderBy: [{ awardedOn: 'asc' }, { id: 'asc' }] },
    }),
    source: t.exposeString('source', { description: 'Where the record comes from.' }),
    version: t.exposeInt('version'),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  description: 'Narrows a list of events; every field given must match.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'Held in this province ("17").' }),
    organisationId: t.id({ description: 'This organisation hosted, spoke or took part.' }),
    kind: t.field({ type: [EventKind], description: 'Any of these kinds.' }),
    framework: t.field({ type: Framework }),
    cycleId: t.id({ description: 'Concerned this assessment cycle.' }),
    from: t.field({ type: 'Date', description: 'Ends on or after this day.' }),
    until: t.field({ type: 'Date', description: 'Starts on or before this day.' }),
  }),
});

function eventWhere(f: Filter<typeof EventFilter.$inferInput>): Prisma.EventWhereInput {
  if (f?.provinceCode != null) assertProvinceCode(f.provinceCode, 'filter.provinceCode');
  assertPeriod(f?.from, f?.until, 'filter');
  return {
    provinceCode: f?.provinceCode ?? undefined,
    organisations: f?.organisationId
      ? { some: { organisationId: String(f.organisationId) } }
      : undefined,
    kind: f?.kind?.length ? { in: f.kind } : undefined,
    framework: f?.framework ?? undefined,
    cycleId: f?.cycleId ? String(f.cycleId) : undefined,
    endsOn: f?.from ? { gte: f.from } : undefined,
    startsOn: f?.until ? { lte: f.until } : undefined,
  };
}

builder.asEntity(Event, {
  key: builder.selection<{ id: string }>('id'),
  // The assessments subgraph lists the findings discussed at an event. Whole rows, batched
  // (findUnique calls of one tick become one query); events are public.
  resolveReference: ({ id }) => prisma().event.findUnique({ where: { id } }),
});

builder.queryFields((t) => ({
  event: t.prismaField({
    type: 'Event',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().event.findUnique({ ...query, where: { id: String(id) } }),
  }),
  events: t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `Events, newest first, ${PAGE}.`,
    args: { filter: t.arg({ type: EventFilter }) },
    totalCount: (_c, args) => {
      assertPageSize(args);
      return prisma().event.count({ where: eventWhere(args.filter) });
    },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().event.findMany({
        ...query,
        where: eventWhere(args.filter),
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
    },
  }),
}));

builder.objectFields(OrganisationRef, (t) => ({
  events: t.prismaField({
    type: [Event],
    nullable: true,
    description: 'Events this organisation hosted, spoke at or took part in, newest first.',
    resolve: (query, org, _args, ctx) => ctx.loaders.eventsOf(query).load(org.id),
  }),
}));

builder.objectFields(AssessmentCycleRef, (t) => ({
  events: t.prismaField({
    type: [Event],
    nullable: true,
    description: 'Events about this cycle (rakor, workshops), newest first.',
    resolve: (query, cycle, _args, ctx) => ctx.loaders.eventsOfCycle(query).load(cycle.id),
  }),
}));

const CreateEventInput = builder.inputType('CreateEventInput', {
  description: 'An event that took place or is planned; it cannot end before it starts.',
  fields: (t) => ({
    kind: t.field({ type: EventKind, required: true }),
    title: t.string({ required: true }),
    hostId: t.id({ required: true }),
    speakerIds: t.idList({ description: "The speakers' organisations." }),
    participantIds: t.idList(),
    venue: t.string({ description: 'e.g. "Aula Jayang Tingang, Palangka Raya".' }),
    provinceCode: t.string({ description: "Where it took place; the host's province by default." }),
    startsOn: t.field({ type: 'Date', required: true }),
    endsOn: t.field({ type: 'Date', description: 'Defaults to startsOn.' }),
    framework: t.field({ type: Framework, description: 'Taken from the cycle when one is given.' }),
    cycleId: t.id({
      description: 'The assessment cycle it concerns, e.g. "ombudsman-compliance-2024".',
    }),
    summary: t.string(),
    source: t.string(),
  }),
});

const UpdateEventInput = builder.inputType('UpdateEventInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    title: t.string(),
    venue: t.string(),
    summary: t.string({ description: 'e.g. what was agreed, once the event is over.' }),
    startsOn: t.field({ type: 'Date' }),
    endsOn: t.field({ type: 'Date', description: 'Still not before startsOn.' }),
    speakerIds: t.idList({
      description: 'The complete list of speakers, replacing the current one.',
    }),
    participantIds: t.idList({
      description: 'The complete list of participants, replacing the current one.',
    }),
  }),
});

builder.mutationFields((t) => ({
  createEvent: t.field({
    type: Event,
    description: 'Records a rakor, workshop, sosialisasi, bimtek or award ceremony.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'event' } },
    args: { input: t.arg({ type: CreateEventInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createEvent(
        {
          ...input,
          hostId: id(input.hostId),
          speakerIds: input.speakerIds?.map(id),
          participantIds: input.participantIds?.map(id),
          cycleId: optionalId(input.cycleId),
        },
        ctx.identity.sub,
      ),
  }),
  updateEvent: t.field({
    type: Event,
    description: "Changes an event's title, venue, summary, dates, speakers or participants.",
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'event' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; the change applies only if it is still current.',
      }),
      input: t.arg({ type: UpdateEventInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateEvent(
        id(args.id),
        args.expectedVersion,
        {
          ...args.input,
          speakerIds: args.input.speakerIds?.map(id),
          participantIds: args.input.participantIds?.map(id),
        },
        ctx.identity.sub,
      ),
  }),
}));
