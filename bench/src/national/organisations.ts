import { searchKey, slugify } from '@mutu/service';
import type { BulkTable, BulkWriter } from './bulk.js';
import { dayIn, type Government, type Plan } from './plan.js';
import { clamp, type Random, randomFor } from './random.js';

type Sector =
  | 'KESEHATAN'
  | 'PENDIDIKAN'
  | 'KEPENDUDUKAN'
  | 'PERIZINAN'
  | 'SOSIAL'
  | 'KETENAGAKERJAAN'
  | 'PERHUBUNGAN'
  | 'PEKERJAAN_UMUM'
  | 'TATA_KELOLA'
  | 'PENGAWASAN'
  | 'PEMERINTAHAN_UMUM';

/** A generated body, with what the other generators need to know of it. */
export interface SyntheticOrganisation {
  readonly id: string;
  readonly kind: 'OPD' | 'SERVICE_UNIT' | 'PUBLIC_SERVICE_MALL';
  readonly name: string;
  readonly sector: Sector;
  readonly parentId: string;
  readonly provinceCode: string;
  readonly regencyCode: string | null;
  /** Latent service quality in [0, 1]: every score of the body is drawn around it. */
  readonly quality: number;
}

/** An OPD of the catalogue: slug, name, short name, sector, and the units it runs. */
interface OpdTemplate {
  readonly slug: string;
  readonly name: string;
  readonly shortName?: string;
  readonly sector: Sector;
  /** Always there; the others are drawn. */
  readonly core?: boolean;
  readonly units?: { readonly prefix: string; readonly min: number; readonly max: number };
}

/** OPDs that provinces and regencies both have, alike. */
const DPMPTSP: OpdTemplate = {
  slug: 'dpmptsp',
  name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  shortName: 'DPMPTSP',
  sector: 'PERIZINAN',
  core: true,
};
const BPBD: OpdTemplate = {
  slug: 'bpbd',
  name: 'Badan Penanggulangan Bencana Daerah',
  shortName: 'BPBD',
  sector: 'PEMERINTAHAN_UMUM',
  core: true,
};
const SATPOL_PP: OpdTemplate = {
  slug: 'satpol-pp',
  name: 'Satuan Polisi Pamong Praja',
  shortName: 'Satpol PP',
  sector: 'PEMERINTAHAN_UMUM',
  core: true,
};
const BAPPEDA: OpdTemplate = {
  slug: 'bappeda',
  name: 'Badan Perencanaan Pembangunan Daerah',
  shortName: 'Bappeda',
  sector: 'TATA_KELOLA',
  core: true,
};
const BPKAD: OpdTemplate = {
  slug: 'bpkad',
  name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
  shortName: 'BPKAD',
  sector: 'TATA_KELOLA',
  core: true,
};
const PERPUSTAKAAN: OpdTemplate = {
  slug: 'dinas-perpustakaan',
  name: 'Dinas Perpustakaan dan Kearsipan',
  sector: 'PENDIDIKAN',
};

const REGENCY_OPDS: readonly OpdTemplate[] = [
  {
    slug: 'dinas-kesehatan',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    sector: 'KESEHATAN',
    core: true,
    units: { prefix: 'Puskesmas', min: 10, max: 32 },
  },
  {
    slug: 'dinas-pendidikan',
    name: 'Dinas Pendidikan dan Kebudayaan',
    shortName: 'Disdikbud',
    sector: 'PENDIDIKAN',
    core: true,
    units: { prefix: 'UPTD Satuan Pendidikan SMP Negeri', min: 5, max: 15 },
  },
  {
    slug: 'dukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    shortName: 'Disdukcapil',
    sector: 'KEPENDUDUKAN',
    core: true,
    units: { prefix: 'UPT Pelayanan Adminduk', min: 0, max: 4 },
  },
  DPMPTSP,
  { slug: 'dinas-sosial', name: 'Dinas Sosial', shortName: 'Dinsos', sector: 'SOSIAL', core: true },
  {
    slug: 'disnaker',
    name: 'Dinas Tenaga Kerja dan Transmigrasi',
    shortName: 'Disnakertrans',
    sector: 'KETENAGAKERJAAN',
    core: true,
    units: { prefix: 'UPTD Balai Latihan Kerja', min: 0, max: 2 },
  },
  {
    slug: 'dishub',
    name: 'Dinas Perhubungan',
    shortName: 'Dishub',
    sector: 'PERHUBUNGAN',
    core: true,
    units: { prefix: 'UPTD Terminal', min: 1, max: 3 },
  },
  {
    slug: 'dinas-pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    shortName: 'Dinas PUPR',
    sector: 'PEKERJAAN_UMUM',
    core: true,
    units: { prefix: 'UPTD Pengelolaan Air Limbah', min: 0, max: 2 },
  },
  {
    slug: 'dinas-perkim',
    name: 'Dinas Perumahan dan Kawasan Permukiman',
    sector: 'PEKERJAAN_UMUM',
  },
  {
    slug: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    shortName: 'DLH',
    sector: 'PEKERJAAN_UMUM',
    core: true,
    units: { prefix: 'UPTD Persampahan', min: 1, max: 3 },
  },
  {
    slug: 'dinas-pertanian',
    name: 'Dinas Pertanian dan Ketahanan Pangan',
    sector: 'PEMERINTAHAN_UMUM',
    core: true,
    units: { prefix: 'Balai Penyuluhan Pertanian', min: 3, max: 10 },
  },
  { slug: 'dinas-kukm', name: 'Dinas Koperasi, Usaha Kecil dan Menengah', sector: 'PERIZINAN' },
  {
    slug: 'disperindag',
    name: 'Dinas Perindustrian dan Perdagangan',
    shortName: 'Disperindag',
    sector: 'PERIZINAN',
    units: { prefix: 'UPTD Pasar', min: 1, max: 4 },
  },
  {
    slug: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'Diskominfo',
    sector: 'TATA_KELOLA',
    core: true,
  },
  {
    slug: 'dinas-pariwisata',
    name: 'Dinas Pariwisata, Pemuda dan Olahraga',
    sector: 'PEMERINTAHAN_UMUM',
  },
  {
    slug: 'dp3a',
    name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    shortName: 'DP3A',
    sector: 'SOSIAL',
    units: { prefix: 'UPTD Perlindungan Perempuan dan Anak', min: 0, max: 1 },
  },
  PERPUSTAKAAN,
  BPBD,
  SATPOL_PP,
  BAPPEDA,
  {
    slug: 'bkpsdm',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    shortName: 'BKPSDM',
    sector: 'TATA_KELOLA',
    core: true,
  },
  { slug: 'inspektorat', name: 'Inspektorat Daerah', sector: 'PENGAWASAN', core: true },
  BPKAD,
  {
    slug: 'bapenda',
    name: 'Badan Pendapatan Daerah',
    shortName: 'Bapenda',
    sector: 'TATA_KELOLA',
    units: { prefix: 'UPT Pelayanan Pajak Daerah', min: 0, max: 3 },
  },
  {
    slug: 'dinas-pmd',
    name: 'Dinas Pemberdayaan Masyarakat dan Desa',
    shortName: 'DPMD',
    sector: 'PEMERINTAHAN_UMUM',
  },
  {
    slug: 'dinas-perikanan',
    name: 'Dinas Perikanan',
    sector: 'PEMERINTAHAN_UMUM',
    units: { prefix: 'UPTD Pelabuhan Perikanan', min: 0, max: 2 },
  },
];

const PROVINCE_OPDS: readonly OpdTemplate[] = [
  {
    slug: 'dinas-kesehatan',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    sector: 'KESEHATAN',
    core: true,
    units: { prefix: 'UPTD Laboratorium Kesehatan', min: 1, max: 3 },
  },
  {
    slug: 'dinas-pendidikan',
    name: 'Dinas Pendidikan',
    shortName: 'Disdik',
    sector: 'PENDIDIKAN',
    core: true,
    units: { prefix: 'UPTD Satuan Pendidikan SMA Negeri', min: 6, max: 20 },
  },
  {
    slug: 'bapenda',
    name: 'Badan Pendapatan Daerah',
    shortName: 'Bapenda',
    sector: 'TATA_KELOLA',
    core: true,
    units: { prefix: 'UPTD Samsat', min: 4, max: 12 },
  },
  DPMPTSP,
  {
    slug: 'dinas-sosial',
    name: 'Dinas Sosial',
    shortName: 'Dinsos',
    sector: 'SOSIAL',
    core: true,
    units: { prefix: 'UPTD Panti Sosial', min: 1, max: 4 },
  },
  {
    slug: 'disnakertrans',
    name: 'Dinas Tenaga Kerja dan Transmigrasi',
    sector: 'KETENAGAKERJAAN',
    core: true,
    units: { prefix: 'UPTD Balai Latihan Kerja', min: 1, max: 3 },
  },
  {
    slug: 'dishub',
    name: 'Dinas Perhubungan',
    shortName: 'Dishub',
    sector: 'PERHUBUNGAN',
    core: true,
    units: { prefix: 'UPTD Pengujian Kendaraan Bermotor', min: 1, max: 3 },
  },
  {
    slug: 'dinas-pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    sector: 'PEKERJAAN_UMUM',
    core: true,
  },
  {
    slug: 'dlh',
    name: 'Dinas Lingkungan Hidup dan Kehutanan',
    sector: 'PEKERJAAN_UMUM',
    core: true,
    units: { prefix: 'UPTD Kesatuan Pengelolaan Hutan', min: 2, max: 6 },
  },
  {
    slug: 'dinas-pertanian',
    name: 'Dinas Tanaman Pangan dan Hortikultura',
    sector: 'PEMERINTAHAN_UMUM',
    core: true,
  },
  {
    slug: 'diskominfo',
    name: 'Dinas Komunikasi, Informatika dan Statistik',
    sector: 'TATA_KELOLA',
    core: true,
  },
  BPBD,
  SATPOL_PP,
  BAPPEDA,
  {
    slug: 'bkd',
    name: 'Badan Kepegawaian Daerah',
    shortName: 'BKD',
    sector: 'TATA_KELOLA',
    core: true,
  },
  { slug: 'inspektorat', name: 'Inspektorat Provinsi', sector: 'PENGAWASAN', core: true },
  BPKAD,
  { slug: 'dp3a', name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', sector: 'SOSIAL' },
  { slug: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', sector: 'PERIZINAN' },
  { slug: 'dinas-kukm', name: 'Dinas Koperasi dan UKM', sector: 'PERIZINAN' },
  { slug: 'dinas-esdm', name: 'Dinas Energi dan Sumber Daya Mineral', sector: 'PERIZINAN' },
  { slug: 'dinas-kelautan', name: 'Dinas Kelautan dan Perikanan', sector: 'PEMERINTAHAN_UMUM' },
  { slug: 'dinas-pariwisata', name: 'Dinas Pariwisata', sector: 'PEMERINTAHAN_UMUM' },
  PERPUSTAKAAN,
];

// Syllables of invented place names: real-sounding, never a real kecamatan's list.
const ONSETS = [
  'Su',
  'Ka',
  'Ma',
  'Ta',
  'Ba',
  'Sa',
  'Pa',
  'Ra',
  'Li',
  'Me',
  'Ke',
  'Tu',
  'Bo',
  'Ja',
  'Wa',
  'Ne',
  'Lo',
  'Gu',
  'Da',
  'Si',
];
const MIDDLES = [
  'ka',
  'ra',
  'ma',
  'nga',
  'lu',
  'ti',
  'wa',
  'ja',
  'ro',
  'ba',
  'ndi',
  'ngi',
  'se',
  'le',
  'pu',
];
const ENDINGS = ['ng', 'n', 'r', 'k', 'h', 'i', 'a', 'o', 'u', 't'];
const AFFIXES = [
  '',
  '',
  '',
  ' Barat',
  ' Timur',
  ' Utara',
  ' Selatan',
  ' Tengah',
  ' Baru',
  ' Jaya',
  ' Raya',
];

/** Invented place names, distinct within one government. */
function placeNames(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name =
        random.pick(ONSETS) +
        random.pick(MIDDLES) +
        (random.chance(0.5) ? random.pick(MIDDLES) : '') +
        random.pick(ENDINGS) +
        random.pick(AFFIXES);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export const ORGANISATION_SPEC = {
  table: 'Organisation',
  columns: [
    ['id', 'text'],
    ['kind', { enum: 'OrganisationKind' }],
    ['name', 'text'],
    ['shortName', 'text'],
    ['searchText', 'text'],
    ['nameKey', 'text'],
    ['sector', { enum: 'Sector' }],
    ['status', { enum: 'OrganisationStatus' }],
    ['parentId', 'text'],
    ['provinceCode', 'text'],
    ['regencyCode', 'text'],
    ['source', 'text'],
    ['sourceReference', 'text'],
    ['version', 'int'],
    ['createdAt', 'timestamp'],
    ['updatedAt', 'timestamp'],
  ],
} as const;

export interface OrganisationTables {
  readonly organisations: BulkTable;
  readonly malls: BulkTable;
  readonly tenants: BulkTable;
}

export function organisationTables(writer: BulkWriter): OrganisationTables {
  return {
    organisations: writer.table(ORGANISATION_SPEC),
    malls: writer.table({
      table: 'PublicServiceMall',
      columns: [
        ['organisationId', 'text'],
        ['status', { enum: 'MallStatus' }],
        ['address', 'text'],
        ['openedOn', 'date'],
        ['serviceCount', 'int'],
      ],
    }),
    tenants: writer.table({
      table: 'MallTenant',
      columns: [
        ['mallId', 'text'],
        ['tenantId', 'text'],
      ],
    }),
  };
}

/** Slug of the OPD level: marks every generated id, so none can meet a real body's. */
const SYNTHETIC_SLUG = 'sintetis';
const CREATED = dayIn(2026, 0);

/**
 * The OPDs and service units of one government, written to the register. Ids follow the graph
 * contract (parent id plus a slug); the OPD level carries "sintetis" so a generated id never
 * takes a real one's, and every name ends "(sintetis)".
 */
export async function generateGovernmentBodies(
  plan: Plan,
  government: Government,
  tables: OrganisationTables,
): Promise<SyntheticOrganisation[]> {
  const random = randomFor(plan.seed, 'organisations', government.id);
  const place = placeNames(random);
  const province = government.kind === 'PROVINCIAL_GOVERNMENT';
  const catalogue = province ? PROVINCE_OPDS : REGENCY_OPDS;
  const governmentQuality = clamp(0.55 + 0.18 * random.normal(), 0.05, 0.97);
  const bodies: SyntheticOrganisation[] = [];
  const add = async (
    body: Omit<SyntheticOrganisation, 'quality' | 'provinceCode' | 'regencyCode'>,
    shortName: string | null = null,
  ) => {
    const organisation: SyntheticOrganisation = {
      ...body,
      name: `${body.name} (sintetis)`,
      provinceCode: government.provinceCode,
      regencyCode: government.regencyCode,
      quality: clamp(governmentQuality + 0.15 * random.normal(), 0.02, 0.99),
    };
    bodies.push(organisation);
    await tables.organisations.add([
      organisation.id,
      organisation.kind,
      organisation.name,
      shortName,
      searchKey(organisation.name, shortName),
      searchKey(organisation.name),
      organisation.sector,
      'ACTIVE',
      organisation.parentId,
      organisation.provinceCode,
      organisation.regencyCode,
      plan.marker,
      null,
      1,
      CREATED,
      CREATED,
    ]);
    return organisation;
  };

  const opds = catalogue.filter((t) => t.core || random.chance(0.6));
  const opdIds = new Map<string, string>();
  for (const template of opds) {
    const opd = await add(
      {
        id: `${government.id}.${SYNTHETIC_SLUG}-${template.slug}`,
        kind: 'OPD',
        name: `${template.name} ${government.region}`,
        sector: template.sector,
        parentId: government.id,
      },
      template.shortName ?? null,
    );
    opdIds.set(template.slug, opd.id);
    const units = template.units;
    if (!units) continue;
    const count = random.int(units.min, units.max);
    for (let i = 1; i <= count; i += 1) {
      // Schools are numbered, like SMP Negeri 3; the other units are named after a place.
      const numbered = units.prefix.endsWith('Negeri');
      const name = numbered
        ? `${units.prefix} ${i} ${government.region}`
        : `${units.prefix} ${place()}`;
      await add({
        id: `${opd.id}.${slugify(name.replace(government.region, '')) || i}`,
        kind: 'SERVICE_UNIT',
        name,
        sector: template.sector,
        parentId: opd.id,
      });
    }
  }
  if (!province) {
    for (let i = random.int(8, 26); i > 0; i -= 1) {
      const name = `Kecamatan ${place()}`;
      await add({
        id: `${government.id}.${SYNTHETIC_SLUG}-${slugify(name)}`,
        kind: 'OPD',
        name,
        sector: 'PEMERINTAHAN_UMUM',
        parentId: government.id,
      });
    }
  }
  const hospitals = province ? random.int(2, 6) : random.int(1, 3);
  for (let i = 0; i < hospitals; i += 1) {
    const name = `RSUD ${place()}`;
    await add({
      id: `${government.id}.${SYNTHETIC_SLUG}-${slugify(name)}`,
      kind: 'SERVICE_UNIT',
      name,
      sector: 'KESEHATAN',
      parentId: government.id,
    });
  }
  if (!province && random.chance(0.75)) {
    const mall = await add({
      id: `${government.id}.${SYNTHETIC_SLUG}-mpp`,
      kind: 'PUBLIC_SERVICE_MALL',
      name: `Mal Pelayanan Publik ${government.region}`,
      sector: 'PERIZINAN',
      parentId: government.id,
    });
    const open = random.chance(0.85);
    await tables.malls.add([
      mall.id,
      open ? 'OPEN' : 'IN_PREPARATION',
      `Jalan ${place()} No. ${random.int(1, 200)} (sintetis)`,
      open ? dayIn(random.int(2018, 2025), random.int(0, 364)) : null,
      open ? random.int(40, 450) : null,
    ]);
    for (const slug of ['dpmptsp', 'dukcapil', 'bapenda', 'disnaker', 'dinas-kesehatan']) {
      const tenant = opdIds.get(slug);
      if (tenant && (slug === 'dpmptsp' || random.chance(0.7)))
        await tables.tenants.add([mall.id, tenant]);
    }
  }
  return bodies;
}
