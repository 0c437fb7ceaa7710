import type { MallStatus, OrganisationKind, Sector } from './generated/prisma/enums.js';

export interface KnownBody {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly shortName?: string;
  readonly sector: Sector;
  readonly parentId?: string;
  readonly provinceCode?: string;
  readonly regencyCode?: string;
  readonly source: string;
  readonly sourceReference?: string;
  readonly mall?: { readonly status: MallStatus };
}

const BENGKULU_SELATAN_RAKOR =
  'Rakor Penilaian Kepatuhan Standar Pelayanan Publik, Kabupaten Bengkulu Selatan, 30 April 2025 (public report)';

/**
 * Bodies beyond the regional governments that the demo and public reports name. Ids follow the
 * graph contract: national bodies by slug, bodies under a government by its id plus a slug.
 */
export const KNOWN_BODIES: readonly KnownBody[] = [
  {
    id: 'kemenpan-rb',
    kind: 'NATIONAL_AGENCY',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    shortName: 'KemenPAN-RB',
    sector: 'TATA_KELOLA',
    source:
      'Perpres 47/2015 and later; evaluator of the Indeks Pelayanan Publik (PermenPAN-RB 29/2022)',
  },
  {
    id: 'kemendagri',
    kind: 'NATIONAL_AGENCY',
    name: 'Kementerian Dalam Negeri',
    shortName: 'Kemendagri',
    sector: 'PEMERINTAHAN_UMUM',
    source: 'Issuer of the region codes (Kepmendagri 300.2.2-2138/2025)',
  },
  {
    id: 'ombudsman-ri',
    kind: 'OMBUDSMAN_OFFICE',
    name: 'Ombudsman Republik Indonesia',
    shortName: 'Ombudsman RI',
    sector: 'PENGAWASAN',
    source: 'UU 37/2008 tentang Ombudsman Republik Indonesia',
  },
  {
    id: 'ombudsman-ri.jambi',
    kind: 'OMBUDSMAN_OFFICE',
    name: 'Ombudsman RI Perwakilan Provinsi Jambi',
    sector: 'PENGAWASAN',
    parentId: 'ombudsman-ri',
    provinceCode: '15',
    source: 'Rakor Pelayanan Publik 2025, Kabupaten Kerinci, 23 June 2025 (public report)',
  },
  {
    id: 'ombudsman-ri.kalimantan-tengah',
    kind: 'OMBUDSMAN_OFFICE',
    name: 'Ombudsman RI Perwakilan Provinsi Kalimantan Tengah',
    sector: 'PENGAWASAN',
    parentId: 'ombudsman-ri',
    provinceCode: '62',
    source:
      'Workshop Pendampingan Penilaian Kepatuhan Pelayanan Publik 2024, Palangka Raya, 4 June 2024 (public report)',
  },
  {
    id: '15.01.bagian-organisasi',
    kind: 'OPD',
    name: 'Bagian Organisasi Sekretariat Daerah Kabupaten Kerinci',
    shortName: 'Bagian Organisasi Setda',
    sector: 'TATA_KELOLA',
    parentId: '15.01',
    provinceCode: '15',
    regencyCode: '15.01',
    source: 'Rakor Pelayanan Publik 2025, Kabupaten Kerinci, 23 June 2025 (public report)',
  },
  ...(
    [
      ['dinas-kesehatan', 'Dinas Kesehatan Kabupaten Bengkulu Selatan', 'Dinkes', 'KESEHATAN'],
      ['dinas-sosial', 'Dinas Sosial Kabupaten Bengkulu Selatan', 'Dinsos', 'SOSIAL'],
      [
        'dpmptsp',
        'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Bengkulu Selatan',
        'DPMPTSP',
        'PERIZINAN',
      ],
      [
        'dukcapil',
        'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bengkulu Selatan',
        'Dukcapil',
        'KEPENDUDUKAN',
      ],
      [
        'dinas-pendidikan',
        'Dinas Pendidikan dan Kebudayaan Kabupaten Bengkulu Selatan',
        'Dikbud',
        'PENDIDIKAN',
      ],
    ] as const
  ).map(([slug, name, shortName, sector]) => ({
    id: `17.01.${slug}`,
    kind: 'OPD' as const,
    name,
    shortName,
    sector,
    parentId: '17.01',
    provinceCode: '17',
    regencyCode: '17.01',
    source: BENGKULU_SELATAN_RAKOR,
  })),
  ...(
    [
      ['puskesmas-talang-randai', 'Puskesmas Talang Randai'],
      ['puskesmas-sulau', 'Puskesmas Sulau'],
    ] as const
  ).map(([slug, name]) => ({
    id: `17.01.dinas-kesehatan.${slug}`,
    kind: 'SERVICE_UNIT' as const,
    name,
    sector: 'KESEHATAN' as const,
    parentId: '17.01.dinas-kesehatan',
    provinceCode: '17',
    regencyCode: '17.01',
    source: BENGKULU_SELATAN_RAKOR,
  })),
  {
    id: '64.08.bagian-organisasi',
    kind: 'OPD',
    name: 'Bagian Organisasi Sekretariat Daerah Kabupaten Kutai Timur',
    shortName: 'Bagian Organisasi Setda',
    sector: 'TATA_KELOLA',
    parentId: '64.08',
    provinceCode: '64',
    regencyCode: '64.08',
    source: 'Public reports on the Indeks Pelayanan Publik of Kabupaten Kutai Timur',
  },
  {
    id: '21.71.mpp',
    kind: 'PUBLIC_SERVICE_MALL',
    name: 'Mal Pelayanan Publik Kota Batam',
    shortName: 'MPP Batam',
    sector: 'PERIZINAN',
    parentId: '21.71',
    provinceCode: '21',
    regencyCode: '21.71',
    source:
      'Public reports: the MPP of Kota Batam is open (address, opening date and tenants not yet recorded)',
    mall: { status: 'OPEN' },
  },
  {
    id: '21.72.mpp',
    kind: 'PUBLIC_SERVICE_MALL',
    name: 'Mal Pelayanan Publik Kota Tanjungpinang',
    shortName: 'MPP Tanjungpinang',
    sector: 'PERIZINAN',
    parentId: '21.72',
    provinceCode: '21',
    regencyCode: '21.72',
    source: 'Public reports: the MPP of Kota Tanjungpinang is in preparation',
    mall: { status: 'IN_PREPARATION' },
  },
];
