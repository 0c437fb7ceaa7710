import { assertPageSize, badUserInput, MAX_PAGE } from '@mutu/server';
import { builder } from '../builder.js';
import { addDays, todayInIndonesia } from '../dates.js';
import { prisma } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AgreementKind, EventKind, Framework } from './enums.js';
import { Agreement, Award, Event } from './objects.js';
import { AssessmentCycleRef, OrganisationRef } from './refs.js';

const MAX_WITHIN_DAYS = 3_650;

function assertProvinceCode(code: string | null | undefined, argument: string) {
  if (code != null && !/^\d{2}$/.test(code)) {
    throw badUserInput(
      argument,
      `${argument} must be a two-digit Kemendagri code such as "62", got "${code}"`,
    );
  }
}

function assertPeriod(
  from: Date | null | undefined,
  until: Date | null | undefined,
  prefix: string,
) {
  if (from && until && until < from) {
    throw badUserInput(`${prefix}.until`, `${prefix}.until must not be before ${prefix}.from`);
  }
}

const AgreementFilter = builder.inputType('AgreementFilter', {
  description: 'Narrows a list of agreements; every field given must match.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'A party is in this province ("62").' }),
    organisationId: t.id({ description: 'This organisation is a party.' }),
    kind: t.field({ type: [AgreementKind], description: 'Any of these kinds.' }),
    signedFrom: t.field({ type: 'Date', description: 'Signed on or after this day.' }),
    signedUntil: t.field({ type: 'Date', description: 'Signed on or before this day.' }),
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

const AwardFilter = builder.inputType('AwardFilter', {
  description: 'Narrows a list of awards; every field given must match.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'The recipient is in this province ("17").' }),
    organisationId: t.id({ description: 'Given to this organisation.' }),
    awardingId: t.id({ description: 'Given by this organisation.' }),
    cycleId: t.id({ description: 'Recognises this assessment cycle.' }),
    from: t.field({ type: 'Date', description: 'Awarded on or after this day.' }),
    until: t.field({ type: 'Date', description: 'Awarded on or before this day.' }),
  }),
});

type Filter<T> = T | null | undefined;

function agreementWhere(f: Filter<typeof AgreementFilter.$inferInput>): Prisma.AgreementWhereInput {
  assertProvinceCode(f?.provinceCode, 'filter.provinceCode');
  if (f?.signedFrom && f.signedUntil && f.signedUntil < f.signedFrom) {
    throw badUserInput(
      'filter.signedUntil',
      'filter.signedUntil must not be before filter.signedFrom',
    );
  }
  return {
    AND: [
      f?.provinceCode ? { parties: { some: { provinceCode: f.provinceCode } } } : {},
      f?.organisationId ? { parties: { some: { organisationId: String(f.organisationId) } } } : {},
      f?.kind?.length ? { kind: { in: f.kind } } : {},
      f?.signedFrom ? { signedOn: { gte: f.signedFrom } } : {},
      f?.signedUntil ? { signedOn: { lte: f.signedUntil } } : {},
    ],
  };
}

function eventWhere(f: Filter<typeof EventFilter.$inferInput>): Prisma.EventWhereInput {
  assertProvinceCode(f?.provinceCode, 'filter.provinceCode');
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

function awardWhere(f: Filter<typeof AwardFilter.$inferInput>): Prisma.AwardWhereInput {
  assertProvinceCode(f?.provinceCode, 'filter.provinceCode');
  assertPeriod(f?.from, f?.until, 'filter');
  return {
    recipientProvinceCode: f?.provinceCode ?? undefined,
    recipientId: f?.organisationId ? String(f.organisationId) : undefined,
    awardingId: f?.awardingId ? String(f.awardingId) : undefined,
    cycleId: f?.cycleId ? String(f.cycleId) : undefined,
    awardedOn: { gte: f?.from ?? undefined, lte: f?.until ?? undefined },
  };
}

const PAGE = `a page at a time (at most ${MAX_PAGE})`;

builder.queryFields((t) => ({
  agreement: t.prismaField({
    type: 'Agreement',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().agreement.findUnique({ ...query, where: { id: String(id) } }),
  }),
  event: t.prismaField({
    type: 'Event',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().event.findUnique({ ...query, where: { id: String(id) } }),
  }),
  award: t.prismaField({
    type: 'Award',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().award.findUnique({ ...query, where: { id: String(id) } }),
  }),
  agreements: t.prismaConnection({
    type: 'Agreement',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `Agreements, newest signed first, ${PAGE}.`,
    args: { filter: t.arg({ type: AgreementFilter }) },
    totalCount: (_c, args) => {
      assertPageSize(args);
      return prisma().agreement.count({ where: agreementWhere(args.filter) });
    },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().agreement.findMany({
        ...query,
        where: agreementWhere(args.filter),
        orderBy: [{ signedOn: 'desc' }, { id: 'asc' }],
      });
    },
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
  awards: t.prismaConnection({
    type: 'Award',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `Awards, newest first, ${PAGE}.`,
    args: { filter: t.arg({ type: AwardFilter }) },
    totalCount: (_c, args) => {
      assertPageSize(args);
      return prisma().award.count({ where: awardWhere(args.filter) });
    },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().award.findMany({
        ...query,
        where: awardWhere(args.filter),
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      });
    },
  }),
  expiringAgreements: t.prismaField({
    type: ['Agreement'],
    description:
      'Agreements in force that end within `withinDays` days from today (Western Indonesian Time), soonest first.',
    args: {
      withinDays: t.arg.int({ required: true, description: `1 to ${MAX_WITHIN_DAYS}.` }),
      provinceCode: t.arg.string({ description: 'Only those with a party in this province.' }),
    },
    resolve: (query, _root, { withinDays, provinceCode }) => {
      if (withinDays < 1 || withinDays > MAX_WITHIN_DAYS) {
        throw badUserInput(
          'withinDays',
          `withinDays must be between 1 and ${MAX_WITHIN_DAYS}, got ${withinDays}`,
        );
      }
      assertProvinceCode(provinceCode, 'provinceCode');
      const today = todayInIndonesia();
      return prisma().agreement.findMany({
        ...query,
        where: {
          validFrom: { lte: today },
          validUntil: { gte: today, lte: addDays(today, withinDays) },
          parties: provinceCode ? { some: { provinceCode } } : undefined,
        },
        orderBy: [{ validUntil: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));

builder.objectFields(OrganisationRef, (t) => ({
  agreements: t.prismaField({
    type: [Agreement],
    // Null (with an error) rather than failing the whole organisation when this subgraph is down.
    nullable: true,
    description: 'Agreements this organisation is a party to, newest signed first.',
    resolve: (query, org, _args, ctx) => ctx.loaders.agreementsOf(query).load(org.id),
  }),
  events: t.prismaField({
    type: [Event],
    nullable: true,
    description: 'Events this organisation hosted, spoke at or took part in, newest first.',
    resolve: (query, org, _args, ctx) => ctx.loaders.eventsOf(query).load(org.id),
  }),
  awards: t.prismaField({
    type: [Award],
    nullable: true,
    description: 'Awards and predikat this organisation received, newest first.',
    resolve: (query, org, _args, ctx) => ctx.loaders.awardsOf(query).load(org.id),
  }),
}));

builder.objectFields(AssessmentCycleRef, (t) => ({
  events: t.prismaField({
    type: [Event],
    nullable: true,
    description: 'Events about this cycle (rakor, workshops), newest first.',
    resolve: (query, cycle, _args, ctx) => ctx.loaders.eventsOfCycle(query).load(cycle.id),
  }),
  awards: t.prismaField({
    type: [Award],
    nullable: true,
    description: 'Awards recognising results of this cycle, newest first.',
    resolve: (query, cycle, _args, ctx) => ctx.loaders.awardsOfCycle(query).load(cycle.id),
  }),
}));
