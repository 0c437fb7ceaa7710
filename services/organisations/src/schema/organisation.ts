import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { prisma } from '../db.js';

/** Stable and URL-safe (graph contract): region codes, then dot-separated lowercase slugs. */
const ORGANISATION_ID = /^[a-z0-9][a-z0-9.-]{0,199}$/;

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

export const Organisation = builder.prismaObject('Organisation', {
  description:
    'A body that serves the public or supervises those who do. Regional governments are keyed by their Kemendagri code ("15.01" is Pemerintah Kabupaten Kerinci); bodies under them by the parent\'s id plus a slug.',
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
  }),
});

builder.asEntity(Organisation, {
  key: builder.selection<{ id: string }>('id'),
  // Whole rows, batched: Prisma merges the findUnique calls of one tick into one query.
  resolveReference: ({ id }) => prisma().organisation.findUnique({ where: { id } }),
});

export function assertOrganisationId(id: string, argument = 'id'): void {
  if (!ORGANISATION_ID.test(id)) {
    throw badUserInput(
      argument,
      `${argument} must be an organisation id: lowercase letters, digits, dots and dashes, such as "15.01"`,
    );
  }
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
}));
