import { assertProvinceCode, assertRegencyCode } from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';

export const RegencyKind = builder.enumType('RegencyKind', {
  description: 'Whether a second-level region is a kabupaten (regency) or a kota (city).',
  values: {
    KABUPATEN: { description: 'Kabupaten: a regency, headed by a bupati.' },
    KOTA: { description: 'Kota: a city, headed by a wali kota.' },
  } as const,
});

export const Province = builder.prismaObject('Province', {
  description:
    'A province (provinsi) of Indonesia, keyed by its two-digit Kemendagri code (e.g. "15" for Jambi).',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kemendagri code, two digits.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. "Jambi".' }),
    regencies: t.relation('regencies', {
      description: 'Its regencies and cities, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    government: t.prismaField({
      type: 'Organisation',
      nullable: true,
      description: 'The provincial government (Pemerintah Provinsi).',
      // Government ids are the region codes (graph contract), and Prisma batches findUnique.
      resolve: (query, province) =>
        prisma().organisation.findUnique({ ...query, where: { id: province.code } }),
    }),
  }),
});

export const Regency = builder.prismaObject('Regency', {
  description:
    'A regency (kabupaten) or city (kota), keyed by its Kemendagri code "NN.NN" (e.g. "15.01" for Kabupaten Kerinci, "15.71" for Kota Jambi).',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kemendagri code: province code, a dot, two digits.' }),
    name: t.exposeString('name', {
      description: 'Official name with its designation, e.g. "Kabupaten Kerinci".',
    }),
    kind: t.expose('kind', { type: RegencyKind, description: 'Kabupaten or kota.' }),
    province: t.relation('province', { description: 'The province it lies in.' }),
    government: t.prismaField({
      type: 'Organisation',
      nullable: true,
      description: 'The regency or city government (Pemerintah Kabupaten/Kota).',
      resolve: (query, regency) =>
        prisma().organisation.findUnique({ ...query, where: { id: regency.code } }),
    }),
  }),
});

builder.asEntity(Province, {
  key: builder.selection<{ code: string }>('code'),
  // Loads the whole row: plugin-prisma does not add exposed fields to the selection of
  // entities resolved by reference (hayes/pothos#1321).
  resolveReference: ({ code }) => prisma().province.findUnique({ where: { code } }),
});

builder.asEntity(Regency, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }) => prisma().regency.findUnique({ where: { code } }),
});

builder.queryFields((t) => ({
  provinces: t.prismaField({
    type: ['Province'],
    description: 'All 38 provinces, by code.',
    resolve: (query) => prisma().province.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  province: t.prismaField({
    type: 'Province',
    nullable: true,
    description: 'One province by its Kemendagri code; null when no province has that code.',
    args: { code: t.arg.string({ required: true, description: 'Two digits, e.g. "15".' }) },
    resolve: (query, _root, { code }) => {
      assertProvinceCode(code);
      return prisma().province.findUnique({ ...query, where: { code } });
    },
  }),
  regency: t.prismaField({
    type: 'Regency',
    nullable: true,
    description: 'One regency or city by its Kemendagri code; null when none has that code.',
    args: { code: t.arg.string({ required: true, description: '"NN.NN", e.g. "15.01".' }) },
    resolve: (query, _root, { code }) => {
      assertRegencyCode(code);
      return prisma().regency.findUnique({ ...query, where: { code } });
    },
  }),
}));
