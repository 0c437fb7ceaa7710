import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { Organisation } from './organisation.js';
import { assertProvinceCode, Regency } from './region.js';

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
