import { assertPageSize, badUserInput, MAX_PAGE } from '@mutu/server';
import {
  ADMIN_ONLY,
  addDays,
  assertProvinceCode,
  daysBetween,
  id,
  optionalId,
  todayInIndonesia,
} from '@mutu/service';
import { builder } from '../builder.js';
import { agreementStatus } from '../dates.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Filter } from '../inputs.js';
import { OrganisationRef, ref } from '../refs.js';
import { createAgreement, updateAgreement } from './commands.js';

const MAX_WITHIN_DAYS = 3_650;

const PAGE = `a page at a time (at most ${MAX_PAGE})`;

export const AgreementKind = builder.enumType('AgreementKind', {
  description: 'The form of an agreement between organisations.',
  values: {
    NOTA_KESEPAKATAN: {
      description:
        'Nota kesepakatan: a memorandum of understanding between government bodies, setting out a shared intent.',
    },
    MOU: { description: 'A memorandum of understanding in general (MoU).' },
    PERJANJIAN_KERJA_SAMA: {
      description:
        'Perjanjian kerja sama (PKS): a cooperation agreement that implements a nota kesepakatan with concrete obligations.',
    },
  } as const,
});

export const AgreementStatus = builder.enumType('AgreementStatus', {
  description: "An agreement's standing today (Western Indonesian Time), derived from its dates.",
  values: {
    NOT_YET_IN_FORCE: { description: 'validFrom is still ahead.' },
    ACTIVE: { description: 'In force, and not ending within 90 days (or without an end).' },
    EXPIRING: { description: 'In force, and ending within 90 days.' },
    EXPIRED: { description: 'validUntil has passed.' },
  } as const,
});

export const AgreementParty = builder.prismaObject('AgreementParty', {
  description: 'One party to an agreement, with who signed for it.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      resolve: (p) => ref(p.organisationId),
    }),
    name: t.exposeString('name', {
      description:
        "The party's name as the agreement states it (the register's name when it was recorded).",
    }),
    role: t.exposeString('role', { nullable: true, description: 'e.g. "Pihak Pertama".' }),
    signatoryName: t.exposeString('signatoryName', { nullable: true }),
    signatoryPosition: t.exposeString('signatoryPosition', { nullable: true }),
  }),
});

export const Agreement = builder.prismaObject('Agreement', {
  description:
    'A nota kesepakatan, MoU or perjanjian kerja sama between two or more organisations, e.g. a regional government and the Ombudsman.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: AgreementKind }),
    subject: t.exposeString('subject', {
      nullable: true,
      description: 'What it is about, e.g. "Sinergi Peningkatan Kualitas Pelayanan Publik".',
    }),
    signedOn: t.expose('signedOn', { type: 'Date' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validUntil: t.expose('validUntil', {
      type: 'Date',
      nullable: true,
      description: 'Null when the agreement states no end.',
    }),
    status: t.field({
      type: AgreementStatus,
      select: { validFrom: true, validUntil: true },
      resolve: (a) => agreementStatus(a),
    }),
    daysLeft: t.int({
      nullable: true,
      select: { validUntil: true },
      description: 'Days from today until validUntil (negative once expired); null without an end.',
      resolve: (a) => (a.validUntil ? daysBetween(todayInIndonesia(), a.validUntil) : null),
    }),
    parties: t.relation('parties', {
      description: 'The parties in the order the document lists them.',
      query: { orderBy: { position: 'asc' } },
    }),
    documentReference: t.exposeString('documentReference', {
      nullable: true,
      description: 'The document number or a link to it.',
    }),
    event: t.relation('event', { nullable: true, description: 'Where it was signed.' }),
    source: t.exposeString('source', { description: 'Where the record comes from.' }),
    version: t.exposeInt('version', { description: 'Increases with every change.' }),
  }),
});

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

function agreementWhere(f: Filter<typeof AgreementFilter.$inferInput>): Prisma.AgreementWhereInput {
  if (f?.provinceCode != null) assertProvinceCode(f.provinceCode, 'filter.provinceCode');
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

builder.queryFields((t) => ({
  agreement: t.prismaField({
    type: 'Agreement',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().agreement.findUnique({ ...query, where: { id: String(id) } }),
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
      if (provinceCode != null) assertProvinceCode(provinceCode, 'provinceCode');
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
}));

const PartyInput = builder.inputType('AgreementPartyInput', {
  description: 'One party to an agreement.',
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    name: t.string({
      description: "The party's name as the document states it; the register's name if omitted.",
    }),
    role: t.string({ description: 'e.g. "Pihak Pertama".' }),
    signatoryName: t.string(),
    signatoryPosition: t.string({ description: 'e.g. "Gubernur Kalimantan Tengah".' }),
  }),
});

const CreateAgreementInput = builder.inputType('CreateAgreementInput', {
  description:
    'A signed agreement: at least two distinct parties, valid until after it was signed.',
  fields: (t) => ({
    title: t.string({ required: true, description: '3-300 characters.' }),
    kind: t.field({ type: AgreementKind, required: true }),
    subject: t.string(),
    signedOn: t.field({ type: 'Date', required: true }),
    validFrom: t.field({ type: 'Date', description: 'Defaults to signedOn.' }),
    validUntil: t.field({ type: 'Date', description: 'Omit when the agreement states no end.' }),
    documentReference: t.string(),
    eventId: t.id({ description: 'The event where it was signed; signedOn must fall within it.' }),
    source: t.string({
      description: 'Where the record comes from; "Recorded by <actor>" if omitted.',
    }),
    parties: t.field({ type: [PartyInput], required: true }),
  }),
});

const UpdateAgreementInput = builder.inputType('UpdateAgreementInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    title: t.string(),
    subject: t.string(),
    validUntil: t.field({
      type: 'Date',
      description: 'e.g. an extension; must stay after signedOn.',
    }),
    documentReference: t.string(),
  }),
});

builder.mutationFields((t) => ({
  createAgreement: t.field({
    type: Agreement,
    description: 'Records a signed agreement with its parties.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'agreement' } },
    args: { input: t.arg({ type: CreateAgreementInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAgreement(
        {
          ...input,
          eventId: optionalId(input.eventId),
          parties: input.parties.map((p) => ({ ...p, organisationId: id(p.organisationId) })),
        },
        ctx.identity.sub,
      ),
  }),
  updateAgreement: t.field({
    type: Agreement,
    description: "Changes an agreement's title, subject, end of validity or document reference.",
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'agreement' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; the change applies only if it is still current.',
      }),
      input: t.arg({ type: UpdateAgreementInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateAgreement(id(args.id), args.expectedVersion, args.input, ctx.identity.sub),
  }),
}));
