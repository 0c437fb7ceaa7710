import type { MallStatus, OrganisationKind, Sector } from '../generated/prisma/enums.js';

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
  readonly mall?: {
    readonly status: MallStatus;
    readonly openedOn?: string;
    readonly serviceCount?: number;
  };
}

const OMBUDSMAN_PERWAKILAN = (
  slug: string,
  province: string,
  provinceCode: string,
  source: string,
): KnownBody => ({
  id: `ombudsman-ri.${slug}`,
  kind: 'OMBUDSMAN_OFFICE',
  name: `Ombudsman RI Perwakilan Provinsi ${province}`,
  sector: 'PENGAWASAN',
  parentId: 'ombudsman-ri',
  provinceCode,
  source,
});

/** An OPD or unit under a regional government, named as the source writes it. */
const body = (
  id: string,
  kind: 'OPD' | 'SERVICE_UNIT',
  name: string,
  sector: Sector,
  source: string,
  extra: { shortName?: string; sourceReference?: string } = {},
): KnownBody => {
  const [provinceCode = '', second] = id.split('.');
  const regencyCode = second && /^\d{2}$/.test(second) ? `${provinceCode}.${second}` : undefined;
  return {
    id,
    kind,
    name,
    sector,
    parentId: id.slice(0, id.lastIndexOf('.')),
    provinceCode,
    ...(regencyCode ? { regencyCode } : {}),
    source,
    ...extra,
  };
};

const BENGKULU_SELATAN_2024 =
  'Ombudsman RI Perwakilan Bengkulu, lokus of the 2024 compliance assessment (Harian Bengkulu Ekspress, 13 August 2024; Rakyat Benteng, 19 December 2023)';
const KOTA_BENGKULU_2024 =
  '"5 PD dan 2 Puskesmas Terima Penghargaan Ombudsman RI" (mediacenter.bengkulukota.go.id; ombudsman.go.id, 29 July 2025)';
const GORONTALO_2025 =
  'Units sampled for the Opini Ombudsman 2025 of the Provinsi Gorontalo (Berinti, February 2026)';

/**
 * Bodies beyond the regional governments that the demo and public reports name, as those
 * reports write them. Ids follow the graph contract: national bodies by slug, bodies under a
 * government by its id plus a slug.
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
  OMBUDSMAN_PERWAKILAN(
    'jambi',
    'Jambi',
    '15',
    'Rakor Pelayanan Publik Tahun 2025, Kabupaten Kerinci, 23 June 2025 (sekato.id)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'kalimantan-tengah',
    'Kalimantan Tengah',
    '62',
    'Workshop Penilaian Kepatuhan, Palangka Raya, 4 June 2024 (penakalteng.com)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'kalimantan-timur',
    'Kalimantan Timur',
    '64',
    'Assessor of the 2024 compliance results of Kalimantan Timur (infosatu.co, 10 December 2024)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'bengkulu',
    'Bengkulu',
    '17',
    'Assessor of the 2024 compliance results of Bengkulu (Harian Bengkulu Ekspress, 12 December 2024)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'gorontalo',
    'Gorontalo',
    '75',
    'Assessor of the Opini Ombudsman 2025 of Gorontalo (berita.gorontaloprov.go.id, 11 February 2026)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'lampung',
    'Lampung',
    '18',
    'Assessor of the Opini Ombudsman 2025 of Lampung (kupastuntas.co, 10 February 2026)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'sulawesi-selatan',
    'Sulawesi Selatan',
    '73',
    'Assessor of the 2021 compliance results of Sulawesi Selatan, handed over by its head Subhan Djoer in Makassar on 27 January 2022 (sulsel.fajar.co.id)',
  ),
  OMBUDSMAN_PERWAKILAN(
    'maluku-utara',
    'Maluku Utara',
    '82',
    'Assessor of the Opini Ombudsman 2025 of Maluku Utara (imalut.com, 12 February 2026)',
  ),
  body(
    '15.01.bagian-organisasi',
    'OPD',
    'Bagian Organisasi Sekretariat Daerah Kabupaten Kerinci',
    'TATA_KELOLA',
    'Rakor Pelayanan Publik Tahun 2025, Kabupaten Kerinci, 23 June 2025 (sekato.id)',
    { shortName: 'Bagian Organisasi Setda' },
  ),
  // Bengkulu Selatan's lokus as the reports name them (five OPD; its two puskesmas are not
  // named in any report found, so they are not in the register).
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
        'Disdukcapil',
        'KEPENDUDUKAN',
      ],
      [
        'dinas-pendidikan',
        'Dinas Pendidikan dan Kebudayaan Kabupaten Bengkulu Selatan',
        'Dikbud',
        'PENDIDIKAN',
      ],
    ] as const
  ).map(([slug, name, shortName, sector]) =>
    body(`17.01.${slug}`, 'OPD', name, sector, BENGKULU_SELATAN_2024, { shortName }),
  ),
  // Kota Bengkulu's seven lokus of 2024, with the names the city's own report gives.
  body(
    '17.71.dinas-kesehatan',
    'OPD',
    'Dinas Kesehatan Kota Bengkulu',
    'KESEHATAN',
    KOTA_BENGKULU_2024,
    {
      shortName: 'Dinkes',
    },
  ),
  body('17.71.dinas-sosial', 'OPD', 'Dinas Sosial Kota Bengkulu', 'SOSIAL', KOTA_BENGKULU_2024, {
    shortName: 'Dinsos',
  }),
  body(
    '17.71.dpmptsp',
    'OPD',
    'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Bengkulu',
    'PERIZINAN',
    KOTA_BENGKULU_2024,
    { shortName: 'DPMPTSP' },
  ),
  body(
    '17.71.dukcapil',
    'OPD',
    'Dinas Kependudukan dan Catatan Sipil Kota Bengkulu',
    'KEPENDUDUKAN',
    KOTA_BENGKULU_2024,
    {
      shortName: 'Dukcapil',
      sourceReference: 'The name as Koran RB writes it; mediacenter writes "Dinas Dukcapil"',
    },
  ),
  body(
    '17.71.dinas-pendidikan-dan-kebudayaan',
    'OPD',
    'Dinas Pendidikan dan Kebudayaan Kota Bengkulu',
    'PENDIDIKAN',
    KOTA_BENGKULU_2024,
    { shortName: 'Dikbud', sourceReference: 'mediacenter prints "Kebudaayan", a typo' },
  ),
  body(
    '17.71.dinas-kesehatan.puskesmas-kandang',
    'SERVICE_UNIT',
    'Puskesmas Kandang',
    'KESEHATAN',
    KOTA_BENGKULU_2024,
  ),
  body(
    '17.71.dinas-kesehatan.puskesmas-beringin-raya',
    'SERVICE_UNIT',
    'Puskesmas Beringin Raya',
    'KESEHATAN',
    KOTA_BENGKULU_2024,
  ),
  // The Provinsi Gorontalo's three units sampled in 2025.
  body(
    '75.dinas-pendidikan',
    'OPD',
    'Dinas Pendidikan Provinsi Gorontalo',
    'PENDIDIKAN',
    GORONTALO_2025,
  ),
  body('75.dinas-sosial', 'OPD', 'Dinas Sosial Provinsi Gorontalo', 'SOSIAL', GORONTALO_2025),
  body(
    '75.rsud-hasri-ainun-habibie',
    'SERVICE_UNIT',
    'RSUD Hasri Ainun Habibie',
    'KESEHATAN',
    GORONTALO_2025,
  ),
  body(
    '64.08.bagian-organisasi',
    'OPD',
    'Bagian Organisasi dan Tata Laksana Sekretariat Kabupaten Kutai Timur',
    'TATA_KELOLA',
    'Herwin, Kepala Bagian Organisasi dan Tata Laksana Setkab Kutim (Liputan Kaltim, 13 December 2024)',
    { shortName: 'Bagian Organisasi dan Tata Laksana Setkab Kutim' },
  ),
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
      'KemenPAN-RB, 10 September 2018: inaugurated by MenPAN-RB Syafruddin on 20 September 2018, the ninth MPP, 30 agencies and 427 services',
    mall: { status: 'OPEN', openedOn: '2018-09-20', serviceCount: 427 },
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
    source:
      'Opened in 2022 (soft opening planned for 30 September 2022) and operating in August 2024, when KemenPAN-RB evaluated it at 81.75 (sangat baik); in preparation only in 2021, when the Kepri rakor named it',
    mall: { status: 'OPEN', serviceCount: 199 },
  },
];
