import { ADMIN_ONLY, assertProvinceCode } from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { Organisation, VERSION } from '../organisations/schema.js';
import { Regency } from '../regions/schema.js';
import { updatePublicServiceMall } from './commands.js';

export const MallStatus = builder.enumType('MallStatus', {
  description: 'Where a Mal Pelayanan Publik stands.',
  values: {
    IN_PREPARATION: { description: 'Being prepared; not yet serving citizens.' },
    OPEN: { description: 'Serving citizens.' },
    CLOSED: { description: 'No longer serving citizens.' },
  } as const,
});

export const PublicServiceMall = builder.prismaObject('PublicServiceMall', {
  description:
    'A Mal Pelayanan Publik (MPP, Perpres 89/2021): one building, run by a kabupaten or kota government, where ministries, agencies, the regional government, BUMN/BUMD and private providers serve citizens together.',
  fields: (t) => ({
    id: t.exposeID('organisationId', { description: 'The id of the MPP as an organisation.' }),
    organisation: t.relation('organisation', {
      description: 'The MPP as an organisation (name, parent, region).',
    }),
    name: t.string({
      description: 'Its official name.',
      select: { organisation: { select: { name: true } } },
      resolve: (mall) => mall.organisation.name,
    }),
    regency: t.field({
      type: Regency,
      nullable: true,
      description: 'The regency or city whose government runs it.',
      select: { organisation: { select: { regency: true } } },
      resolve: (mall) => mall.organisation.regency,
    }),
    status: t.expose('status', {
      type: MallStatus,
      description: 'In preparation, open or closed.',
    }),
    address: t.exposeString('address', { nullable: true, description: 'Street address.' }),
    openedOn: t.expose('openedOn', {
      type: 'Date',
      nullable: true,
      description: 'Inauguration date, where known.',
    }),
    serviceCount: t.exposeInt('serviceCount', {
      nullable: true,
      description: 'Number of service types offered, where known.',
    }),
    tenants: t.field({
      type: [Organisation],
      description: 'The agencies (instansi) serving inside it.',
      select: { tenants: { select: { tenant: true }, orderBy: { tenantId: 'asc' } } },
      resolve: (mall) => mall.tenants.map((t) => t.tenant),
    }),
  }),
});

builder.queryField('publicServiceMalls', (t) =>
  t.prismaField({
    type: ['PublicServiceMall'],
    description: 'Mal Pelayanan Publik, in one province or everywhere, by id.',
    args: { provinceCode: t.arg.string({ description: 'Only MPPs in this province ("21").' }) },
    resolve: (query, _root, { provinceCode }) => {
      if (provinceCode != null) assertProvinceCode(provinceCode, 'provinceCode');
      return prisma().publicServiceMall.findMany({
        ...query,
        where: provinceCode != null ? { organisation: { provinceCode } } : {},
        orderBy: { organisationId: 'asc' },
      });
    },
  }),
);

const UpdatePublicServiceMallInput = builder.inputType('UpdatePublicServiceMallInput', {
  description: "An MPP's details; omitted fields keep their value, null clears an optional one.",
  fields: (t) => ({
    status: t.field({ type: MallStatus }),
    address: t.string({ description: 'Street address, up to 300 characters.' }),
    openedOn: t.field({ type: 'Date', description: 'Inauguration date.' }),
    serviceCount: t.int({ description: 'Number of service types offered (0-10000).' }),
    tenantIds: t.idList({
      description: 'The complete list of tenant organisations, replacing the current one.',
    }),
  }),
});

builder.mutationField('updatePublicServiceMall', (t) =>
  t.field({
    type: PublicServiceMall,
    description: "Changes an MPP's status, address, opening date, service count or tenants.",
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'mall' } },
    args: {
      id: t.arg.id({ required: true, description: 'The MPP organisation id, e.g. "21.71.mpp".' }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({ type: UpdatePublicServiceMallInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      updatePublicServiceMall(
        String(args.id),
        args.expectedVersion,
        { ...args.input, tenantIds: args.input.tenantIds?.map(String) },
        ctx.identity.sub,
      ),
  }),
);
