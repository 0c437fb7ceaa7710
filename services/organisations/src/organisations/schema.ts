import { assertPageSize, badUserInput, MAX_PAGE } from '@mutu/server';
import {
  ADMIN_ONLY,
  assertProvinceCode,
  assertRegencyCode,
  isOrganisationId,
  optionalId,
  searchKey,
} from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import {
  createOrganisation,
  dissolveOrganisation,
  mergeOrganisation,
  moveOrganisation,
  updateOrganisation,
} from './commands.js';

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What kind of body an organisation is.',
  values: {
    NATIONAL_AGENCY: {
      description: 'A national ministry (kementerian) or agency (lembaga), e.g. KemenPAN-RB.',
    },
    OMBUDSMAN_OFFICE: {
      description: 'Ombudsman RI or one of its provincial offices (Perwakilan).',
    },
    PROVINCIAL_GOVERNMENT: { description: 'A provincial government (Pemerintah Provinsi).' },
    REGENCY_GOVERNMENT: { description: 'A regency government (Pemerintah Kabupaten).' },
    CITY_GOVERNMENT: { description: 'A city government (Pemerintah Kota).' },
    OPD: {
      description:
        "Organisasi Perangkat Daerah: a regional government's department or agency (dinas, badan, bagian of the Setda).",
    },
    SERVICE_UNIT: {
      description: 'A unit that serves citizens directly: puskesmas, UPT, sekolah, RSUD.',
    },
    PUBLIC_SERVICE_MALL: {
      description:
        'Mal Pelayanan Publik (MPP): one building where many agencies serve citizens (Perpres 89/2021).',
    },
  } as const,
});

export const Sector = builder.enumType('Sector', {
  description: 'The field of public service a body works in.',
  values: {
    KESEHATAN: { description: 'Health (dinas kesehatan, puskesmas, RSUD).' },
    PENDIDIKAN: { description: 'Education (dinas pendidikan, sekolah).' },
    KEPENDUDUKAN: { description: 'Civil registration (Disdukcapil).' },
    PERIZINAN: { description: 'Investment and licensing (DPMPTSP), and MPPs.' },
    SOSIAL: { description: 'Social affairs (dinas sosial).' },
    KETENAGAKERJAAN: { description: 'Manpower.' },
    PERHUBUNGAN: { description: 'Transport.' },
    PEKERJAAN_UMUM: { description: 'Public works.' },
    TATA_KELOLA: {
      description: 'Organisation and bureaucratic reform (Bagian Organisasi, KemenPAN-RB).',
    },
    PENGAWASAN: { description: 'Supervision of public services (Ombudsman RI).' },
    PEMERINTAHAN_UMUM: {
      description: 'General government (a regional government as a whole, Kemendagri).',
    },
  } as const,
});

export const OrganisationStatus = builder.enumType('OrganisationStatus', {
  description: 'Whether a body still exists.',
  values: {
    ACTIVE: { description: 'In operation.' },
    MERGED: { description: 'Merged into another body (see `mergedInto`).' },
    DISSOLVED: { description: 'Dissolved (see `endedOn`).' },
  } as const,
});

const Provenance = builder
  .objectRef<{ source: string; reference: string | null }>('Provenance')
  .implement({
    description: 'Where a record comes from.',
    fields: (t) => ({
      source: t.exposeString('source', {
        description: 'The regulation, data set or public report the record rests on.',
      }),
      reference: t.exposeString('reference', {
        nullable: true,
        description: 'A citation or link within that source.',
      }),
    }),
  });

export const Organisation = builder.prismaObject('Organisation', {
  description:
    'A body that serves the public or supervises those who do. Regional governments are keyed by their Kemendagri code ("15.01" is Pemerintah Kabupaten Kerinci); bodies under them by the parent\'s id plus a slug ("17.01.dinas-kesehatan").',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable, URL-safe identifier.' }),
    name: t.exposeString('name', {
      description: 'Official name, e.g. "Pemerintah Kabupaten Kerinci".',
    }),
    shortName: t.exposeString('shortName', {
      nullable: true,
      description: 'Short name or acronym, e.g. "DPMPTSP".',
    }),
    kind: t.expose('kind', { type: OrganisationKind, description: 'What kind of body it is.' }),
    sector: t.expose('sector', {
      type: Sector,
      nullable: true,
      description: 'Its field of public service, where one applies.',
    }),
    status: t.expose('status', {
      type: OrganisationStatus,
      description: 'Active, merged or dissolved.',
    }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it was merged or dissolved.',
    }),
    mergedInto: t.relation('mergedInto', {
      nullable: true,
      description: 'The body it was merged into.',
    }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The body it belongs to, if any.',
    }),
    children: t.relation('children', {
      description: 'The bodies directly under it, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
    province: t.relation('province', {
      nullable: true,
      description: 'The province it serves or lies in.',
    }),
    regency: t.relation('regency', {
      nullable: true,
      description:
        'The regency or city it serves or lies in; null for national and provincial bodies.',
    }),
    mall: t.relation('mall', {
      nullable: true,
      description: 'For a Mal Pelayanan Publik: its building, tenants and services.',
    }),
    provenance: t.field({
      type: Provenance,
      description: 'Where this record comes from.',
      select: { source: true, sourceReference: true },
      resolve: (o) => ({ source: o.source, reference: o.sourceReference }),
    }),
    version: t.exposeInt('version', {
      description:
        'Incremented by every change. Send it back with an update so that two editors cannot overwrite each other.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the record was created.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the record last changed.',
    }),
  }),
});

builder.prismaObjectField(Organisation, 'ancestors', (t) =>
  t.field({
    type: [Organisation],
    description: 'The chain of bodies above it, from the top down to its parent.',
    resolve: (organisation, _args, ctx) => ctx.loaders.ancestors.load(organisation.id),
  }),
);

builder.asEntity(Organisation, {
  key: builder.selection<{ id: string }>('id'),
  // Whole rows, one findMany for every reference of a request (a national ranking names 514):
  // Prisma's own batching of findUnique compiles and matches each one, which cost ten times
  // more CPU. (Exposed fields are not selected for entities, hayes/pothos#1321.)
  resolveReference: ({ id }, ctx) => ctx.loaders.byId.load(id),
});

export function assertOrganisationId(id: string, argument = 'id'): void {
  if (!isOrganisationId(id)) {
    throw badUserInput(
      argument,
      `${argument} must be an organisation id: lowercase letters, digits, dots and dashes, such as "15.01"`,
    );
  }
}

export const OrganisationFilter = builder.inputType('OrganisationFilter', {
  description: 'Narrows a list of organisations; every field given must match.',
  fields: (t) => ({
    kind: t.field({ type: [OrganisationKind], description: 'Any of these kinds.' }),
    sector: t.field({ type: [Sector], description: 'Any of these sectors.' }),
    status: t.field({
      type: [OrganisationStatus],
      description: 'Any of these statuses (all when omitted).',
    }),
    provinceCode: t.string({ description: 'In this province ("15").' }),
    regencyCode: t.string({ description: 'In this regency or city ("15.01").' }),
    parentId: t.id({ description: 'Directly under this organisation.' }),
    search: t.string({
      description:
        'Words in the name or short name, ignoring case and accents ("dinas kesehatan", "DPMPTSP").',
    }),
  }),
});

type Filter = typeof OrganisationFilter.$inferInput;

export function organisationWhere(
  filter: Filter | null | undefined,
): Prisma.OrganisationWhereInput {
  if (!filter) return {};
  const where: Prisma.OrganisationWhereInput[] = [];
  if (filter.kind?.length) where.push({ kind: { in: filter.kind } });
  if (filter.sector?.length) where.push({ sector: { in: filter.sector } });
  if (filter.status?.length) where.push({ status: { in: filter.status } });
  if (filter.provinceCode != null) {
    assertProvinceCode(filter.provinceCode, 'filter.provinceCode');
    where.push({ provinceCode: filter.provinceCode });
  }
  if (filter.regencyCode != null) {
    assertRegencyCode(filter.regencyCode, 'filter.regencyCode');
    where.push({ regencyCode: filter.regencyCode });
  }
  if (filter.parentId != null) {
    assertOrganisationId(String(filter.parentId), 'filter.parentId');
    where.push({ parentId: String(filter.parentId) });
  }
  if (filter.search != null) {
    const words = searchKey(filter.search).split(' ').filter(Boolean);
    if (words.length === 0 || filter.search.length > 200) {
      throw badUserInput(
        'filter.search',
        'filter.search must hold 1 to 200 characters of words to look for',
      );
    }
    for (const word of words) where.push({ searchText: { contains: word } });
  }
  return { AND: where };
}

builder.queryFields((t) => ({
  organisation: t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'One organisation by id; null when none has that id.',
    args: { id: t.arg.id({ required: true, description: 'The organisation id, e.g. "15.01".' }) },
    resolve: (query, _root, { id }) => {
      assertOrganisationId(String(id));
      return prisma().organisation.findUnique({ ...query, where: { id: String(id) } });
    },
  }),
  organisations: t.prismaConnection({
    type: 'Organisation',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `The register, by id, a page at a time (at most ${MAX_PAGE} per page), narrowed by \`filter\`.`,
    args: { filter: t.arg({ type: OrganisationFilter }) },
    totalCount: (_connection, args) => {
      assertPageSize(args);
      return prisma().organisation.count({ where: organisationWhere(args.filter) });
    },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().organisation.findMany({
        ...query,
        where: organisationWhere(args.filter),
        orderBy: { id: 'asc' },
      });
    },
  }),
  organisationsByIds: t.prismaField({
    type: ['Organisation'],
    nullable: { list: false, items: true },
    description: `Several organisations at once, in the order asked (null for unknown ids); at most ${MAX_PAGE}.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (query, _root, { ids }) => {
      if (ids.length > MAX_PAGE)
        throw badUserInput('ids', `ids takes at most ${MAX_PAGE} ids, got ${ids.length}`);
      const wanted = ids.map(String);
      for (const [i, id] of wanted.entries()) assertOrganisationId(id, `ids[${i}]`);
      const rows = await prisma().organisation.findMany({
        ...query,
        where: { id: { in: wanted } },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return wanted.map((id) => byId.get(id) ?? null);
    },
  }),
}));

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'A new body in the register.',
  fields: (t) => ({
    kind: t.field({ type: OrganisationKind, required: true }),
    name: t.string({ required: true, description: 'Official name, 2-200 characters; trimmed.' }),
    shortName: t.string({ description: 'Short name or acronym, up to 60 characters.' }),
    slug: t.string({
      description:
        'Last part of the id (parent id + "." + slug); derived from the name when omitted.',
    }),
    parentId: t.id({ description: 'The body it belongs to.' }),
    sector: t.field({ type: Sector }),
    provinceCode: t.string({ description: "Its province; defaults to the parent's." }),
    regencyCode: t.string({ description: "Its regency or city; defaults to the parent's." }),
    source: t.string({
      description: 'Where the record comes from; defaults to "Recorded by <actor>".',
    }),
    sourceReference: t.string({ description: 'A citation or link within the source.' }),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'Fields to change; omitted fields keep their value, null clears an optional one.',
  fields: (t) => ({
    name: t.string(),
    shortName: t.string(),
    sector: t.field({ type: Sector }),
    source: t.string(),
    sourceReference: t.string(),
  }),
});

/** What every versioned write's `expectedVersion` argument says. */
export const VERSION =
  'The `version` you read; the change applies only if the record is still at it.';

builder.mutationFields((t) => ({
  createOrganisation: t.field({
    type: Organisation,
    description:
      'Adds a body to the register (not a regional government: those follow the region data).',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'organisation' } },
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createOrganisation({ ...input, parentId: optionalId(input.parentId) }, ctx.identity.sub),
  }),
  updateOrganisation: t.field({
    type: Organisation,
    description: "Changes a body's name, short name, sector or provenance.",
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({ type: UpdateOrganisationInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateOrganisation(String(args.id), args.expectedVersion, args.input, ctx.identity.sub),
  }),
  moveOrganisation: t.field({
    type: Organisation,
    description: 'Puts a body under another parent (null: top level). Its id stays the same.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      parentId: t.arg.id(),
    },
    resolve: (_root, args, ctx) =>
      moveOrganisation(
        String(args.id),
        args.expectedVersion,
        optionalId(args.parentId),
        ctx.identity.sub,
      ),
  }),
  mergeOrganisation: t.field({
    type: Organisation,
    description:
      'Records that a body was merged into another on a date; its active units move to that body.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      intoId: t.arg.id({ required: true }),
      on: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) =>
      mergeOrganisation(
        String(args.id),
        args.expectedVersion,
        String(args.intoId),
        args.on,
        ctx.identity.sub,
      ),
  }),
  dissolveOrganisation: t.field({
    type: Organisation,
    description: 'Records that a body was dissolved on a date. It must have no active units left.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'organisation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      on: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) =>
      dissolveOrganisation(String(args.id), args.expectedVersion, args.on, ctx.identity.sub),
  }),
}));

const AuditEntry = builder.prismaObject('AuditEntry', {
  description: 'One change to the register.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', {
      description: 'create, update, move, merge, dissolve or update-mall.',
    }),
    actor: t.exposeString('actor', {
      description: "Who made the change: the subject of the caller's verified token.",
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    before: t.expose('before', {
      type: 'JSON',
      nullable: true,
      description: 'The record before the change (null for a creation).',
    }),
    after: t.expose('after', {
      type: 'JSON',
      nullable: true,
      description: 'The record after the change.',
    }),
  }),
});

builder.prismaObjectField(Organisation, 'auditTrail', (t) =>
  t.field({
    type: [AuditEntry],
    // Null with an error for callers without the right, and the rest of the answer intact.
    nullable: true,
    description:
      'Every change made to this record through the graph, newest first (analysts and administrators).',
    authScopes: { analyst: true },
    resolve: (organisation, _args, ctx) => ctx.loaders.auditTrail.load(organisation.id),
  }),
);
