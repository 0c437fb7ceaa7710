import { methodologyFor } from '@mutu/scoring';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Framework } from '../generated/prisma/enums.js';
import { assessmentKey, cycleId } from '../ids.js';
import { assessmentTotal, checkedFinding, scoreLokus } from '../scores.js';

/**
 * The demo's results: each one published, with who published or said it, where and when
 * (`source`). Nothing here is synthetic; where no figure was published (Kutai Timur's IPP, its
 * 2023 compliance score), the demo has none. The assessor is the office that assessed: an
 * Ombudsman RI perwakilan for compliance, KemenPAN-RB for the IPP.
 */
export interface PublishedFigure {
  readonly framework: Framework;
  readonly year: number;
  readonly subjectId: string;
  readonly total: number;
  readonly assessorId: string;
  readonly source: string;
  /** The opinion's second part as published (Ombudsman 2025). */
  readonly finding?: string;
  readonly note?: string;
}

const KEMENPAN = 'kemenpan-rb';
const OMBUDSMAN = (province: string) => `ombudsman-ri.${province}`;

const ipp = (year: number, subjectId: string, total: number, source: string): PublishedFigure => ({
  framework: 'IPP',
  year,
  subjectId,
  total,
  assessorId: KEMENPAN,
  source,
});

const compliance = (
  year: number,
  subjectId: string,
  total: number,
  office: string,
  source: string,
  extra: { finding?: string; note?: string } = {},
): PublishedFigure => ({
  framework: 'OMBUDSMAN_COMPLIANCE',
  year,
  subjectId,
  total,
  assessorId: OMBUDSMAN(office),
  source,
  ...extra,
});

const KERINCI_RAKOR =
  'Herlinda, Kepala Bagian Organisasi Setda Kabupaten Kerinci, at the Rakor Pelayanan Publik 2025 (sekato.id, 23 June 2025)';
const IPP_2024_PROVINCES = 'KepmenPAN-RB 659/2024, as reported by GoodStats';
const POROS_JAMBI =
  'Ombudsman RI Perwakilan Jambi, reported by Poros Jambi Media (4 December 2024)';
const KALTIM_2024 =
  'Ombudsman RI Perwakilan Kalimantan Timur, results handed over at Hotel Harris Samarinda on 10 December 2024 (infosatu.co)';
const BENGKULU_2024 =
  'Ombudsman RI Perwakilan Bengkulu, certificates handed over at Hotel Two K Azanah on 12 December 2024 (Harian Bengkulu Ekspress)';
const LUWU_UTARA_2021 =
  'Ombudsman RI Perwakilan Sulawesi Selatan, Rapor Hasil Penilaian Kepatuhan 2021 handed over in Makassar on 27 January 2022 (rakyat.news)';
const OPINI_LAMPUNG_2025 =
  'Ombudsman RI Perwakilan Lampung, Opini Ombudsman 2025 (kupastuntas.co, 10 February 2026)';
const OPINI_MALUKU_UTARA_2025 =
  'Ombudsman RI Perwakilan Maluku Utara, Opini Ombudsman 2025 (imalut.com, 12 February 2026)';

export const DEMO_FIGURES: readonly PublishedFigure[] = [
  // IPP (KemenPAN-RB)
  ipp(2023, '15.01', 1.12, KERINCI_RAKOR),
  ipp(2024, '15.01', 3.66, KERINCI_RAKOR),
  ...(
    [
      ['32', 4.76],
      ['35', 4.63],
      ['34', 4.62],
      ['16', 4.6],
      ['63', 4.56],
      ['31', 4.53],
      ['33', 4.53],
    ] as const
  ).map(([subjectId, total]) => ipp(2024, subjectId, total, IPP_2024_PROVINCES)),
  ...[2022, 2023].map((year) =>
    ipp(
      year,
      '64',
      4,
      'Pj Gubernur Kalimantan Timur Akmal Malik: "Kaltim telah mencapai angka 4,00 sejak pada 2022 dan berlanjut hingga 2023" (Prokal, 2024)',
    ),
  ),

  // Ombudsman compliance: Kalimantan Tengah
  compliance(2022, '62', 77.5, 'kalimantan-tengah', 'Kalimantan Post, 20 June 2023 (zona kuning)'),
  compliance(
    2023,
    '62',
    86.6,
    'kalimantan-tengah',
    'Sekda Kalimantan Tengah Nuryakin (penakalteng.com, 4 June 2024): zona hijau, opini kualitas tinggi',
  ),
  compliance(
    2024,
    '62',
    90.5,
    'kalimantan-tengah',
    'Biro Adpim Provinsi Kalimantan Tengah, 13 December 2024',
  ),

  // Kalimantan Timur
  compliance(2022, '64', 77.23, 'kalimantan-timur', 'Prokal, 2024'),
  compliance(
    2023,
    '64',
    91.08,
    'kalimantan-timur',
    'Sekda Kalimantan Timur Sri Wahyuni (IDN Times, 10 December 2024)',
  ),
  compliance(
    2024,
    '64',
    85.77,
    'kalimantan-timur',
    'Sekda Kalimantan Timur Sri Wahyuni (IDN Times, 10 December 2024)',
  ),
  compliance(2024, '64.71', 95.57, 'kalimantan-timur', KALTIM_2024),
  compliance(2024, '64.02', 94.46, 'kalimantan-timur', KALTIM_2024),
  compliance(2024, '64.72', 93.47, 'kalimantan-timur', KALTIM_2024),
  compliance(
    2024,
    '64.08',
    78.38,
    'kalimantan-timur',
    'Liputan Kaltim, 13 December 2024: "Kutim berhasil meningkatkan nilainya ke kategori zona hijau dengan skor 78,38"',
    {
      note: 'In 2023 Kutai Timur was in zona kuning, grade C (Ombudsman RI Perwakilan Kalimantan Timur, 31 January 2024); its score was not published.',
    },
  ),
  ...(
    [
      [2022, 69.8],
      [2023, 87.56],
      [2024, 91.84],
    ] as const
  ).map(([year, total]) =>
    compliance(year, '64.07', total, 'kalimantan-timur', 'Headline Kaltim, 8 May 2025'),
  ),

  // Bengkulu
  ...(
    [
      ['17.04', 96.14],
      ['17.01', 95.57],
      ['17.07', 93.76],
      ['17.02', 93.07],
      ['17.08', 92.72],
      ['17.09', 91.33],
      ['17.05', 89.1],
      ['17.03', 88.34],
      ['17', 88.3],
    ] as const
  ).map(([subjectId, total]) => compliance(2024, subjectId, total, 'bengkulu', BENGKULU_2024)),
  compliance(
    2023,
    '17.01',
    94.08,
    'bengkulu',
    'Ombudsman RI Perwakilan Bengkulu press release of 19 December 2023 (Rakyat Benteng): zona hijau, kategori A',
  ),
  compliance(
    2023,
    '17',
    87.05,
    'bengkulu',
    'Jaka Andhika, Plt Kepala Ombudsman RI Perwakilan Bengkulu (Radar Bengkulu): opini kualitas tinggi kategori B',
  ),
  compliance(
    2021,
    '17.71',
    89.05,
    'bengkulu',
    'Bengkulu Ekspress, 27 January 2022: 14th of 98 cities, zona hijau',
  ),
  compliance(2023, '17.71', 84.2, 'bengkulu', 'Radar Bengkulu: zona hijau, kategori B'),

  // Sulawesi Selatan: Luwu Utara across the 2019 -> 2021 change of method
  compliance(2019, '73.22', 96.73, 'sulawesi-selatan', LUWU_UTARA_2021, {
    note: 'Kepatuhan tertinggi, zona hijau, among the top ten nationally (same source).',
  }),
  compliance(2021, '73.22', 85.89, 'sulawesi-selatan', LUWU_UTARA_2021, {
    note: 'Zona hijau, the only one of Sulawesi Selatan\'s 24 kabupaten and kota to stay green. Five sectors were its lokus, two of them new: "Dinas Pendidikan dan Puskesmas" (Sekda Armiadi, sulsel.fajar.co.id, 27 January 2022); the other three are not named.',
  }),

  // Jambi
  compliance(
    2022,
    '15.01',
    87.31,
    'jambi',
    'oerban.com, 31 January 2023: opini kualitas tinggi, kategori B',
  ),
  compliance(
    2023,
    '15.01',
    75.03,
    'jambi',
    'Jek TV News, 12 January 2024: zona kuning, kualitas sedang',
  ),
  compliance(2024, '15.01', 86.85, 'jambi', POROS_JAMBI),
  compliance(2022, '15', 89.62, 'jambi', POROS_JAMBI),
  compliance(2023, '15', 88.41, 'jambi', POROS_JAMBI),
  compliance(2024, '15', 85.62, 'jambi', POROS_JAMBI),

  // 2025: the Penilaian Maladministrasi, with the opinion's second part where published
  compliance(
    2025,
    '75.71',
    75.57,
    'gorontalo',
    'Berinti, February 2026: kualitas sedang tanpa maladministrasi',
    {
      finding: 'TANPA_MALADMINISTRASI',
    },
  ),
  compliance(2025, '82', 65.98, 'maluku-utara', OPINI_MALUKU_UTARA_2025, {
    finding: 'TANPA_MALADMINISTRASI',
  }),
  compliance(2025, '82.07', 53.38, 'maluku-utara', OPINI_MALUKU_UTARA_2025, {
    finding: 'BELUM_TANPA_MALADMINISTRASI',
    note: 'Published as "Kualitas Rendah", without "Tanpa Maladministrasi".',
  }),
  compliance(2025, '18', 88.49, 'lampung', OPINI_LAMPUNG_2025, {
    note: 'Lampost (9 February 2026) adds "tanpa maladministrasi"; the national list of 29 January 2026 names Jambi and Jawa Timur as the provinces without maladministration, so the finding is left unstated.',
  }),
  compliance(2025, '18.72', 84.43, 'lampung', OPINI_LAMPUNG_2025),
  compliance(2025, '18.03', 78.86, 'lampung', OPINI_LAMPUNG_2025),
];

/**
 * Results recorded lokus by lokus, from the units' published totals, to show where a total
 * comes from and how each year's method combines them.
 */
export const DEMO_LOKUS_ASSESSMENTS = [
  {
    // The 2024 method truncates the mean: 90.7457 is published as 90.74.
    framework: 'OMBUDSMAN_COMPLIANCE' as const,
    year: 2024,
    subjectId: '17.71',
    assessorId: OMBUDSMAN('bengkulu'),
    source:
      'Mustari Tasti, Kepala Ombudsman RI Perwakilan Bengkulu: "Khusus Kota Bengkulu mendapat nilai 90,74 atau zona hijau"; unit scores from "5 PD dan 2 Puskesmas Terima Penghargaan Ombudsman RI" (mediacenter.bengkulukota.go.id; reposted by ombudsman.go.id, 29 July 2025)',
    note: 'Harian Bengkulu Ekspress (12 December 2024) printed 90,47; the seven unit scores average 90.7457, which supports 90,74.',
    finding: null,
    lokus: [
      ['17.71.dinas-kesehatan.puskesmas-kandang', 93.57],
      ['17.71.dukcapil', 93.34],
      ['17.71.dpmptsp', 91.4],
      ['17.71.dinas-kesehatan.puskesmas-beringin-raya', 91.4],
      ['17.71.dinas-sosial', 90.28],
      ['17.71.dinas-kesehatan', 88.74],
      ['17.71.dinas-pendidikan-dan-kebudayaan', 86.49],
    ] as const,
  },
  {
    // The 2025 method rounds the mean: 76.8167 is published as 76.82.
    framework: 'OMBUDSMAN_COMPLIANCE' as const,
    year: 2025,
    subjectId: '75',
    assessorId: OMBUDSMAN('gorontalo'),
    source:
      'Perwakilan Ombudsman RI Provinsi Gorontalo, Opini Ombudsman 2025 (berita.gorontaloprov.go.id, 11 February 2026; unit scores from Berinti)',
    note: null,
    finding: 'TANPA_MALADMINISTRASI',
    lokus: [
      ['75.dinas-pendidikan', 68.79],
      ['75.dinas-sosial', 77.55],
      ['75.rsud-hasri-ainun-habibie', 84.11],
    ] as const,
  },
];

/**
 * The days cycles' results were announced, as sources date them: a rank or award dated before
 * belongs to an earlier cycle.
 */
export const DEMO_ANNOUNCEMENTS: Readonly<Record<string, { on: string; source: string }>> = {
  'ombudsman-compliance-2019': {
    on: '2019-11-27',
    source:
      'Penganugerahan Predikat Kepatuhan Tahun 2019, Hotel JS Luwansa, Jakarta (Antara Jambi)',
  },
  'ombudsman-compliance-2021': {
    on: '2021-12-29',
    source:
      'Penganugerahan Predikat Kepatuhan Tinggi Standar Pelayanan Publik, held online (langgam.id, 29 December 2021)',
  },
  'ipp-2024': { on: '2024-12-31', source: 'IPP 2024 results (jatimpedia.io)' },
};

/** Creates the demo cycles and results that are missing; running it twice changes nothing. */
export async function seedDemoData(prisma: PrismaClient): Promise<{ created: number }> {
  const cycles = new Map<string, { framework: Framework; year: number }>();
  for (const f of [...DEMO_FIGURES, ...DEMO_LOKUS_ASSESSMENTS])
    cycles.set(cycleId(f.framework, f.year), { framework: f.framework, year: f.year });
  const result = await prisma.$transaction([
    prisma.assessmentCycle.createMany({
      data: [...cycles].map(([id, c]) => ({
        id,
        ...c,
        methodologyId: methodologyFor(c.framework, c.year).id,
        status: 'PUBLISHED' as const,
        announcedOn: DEMO_ANNOUNCEMENTS[id] ? new Date(DEMO_ANNOUNCEMENTS[id].on) : null,
      })),
      skipDuplicates: true,
    }),
    prisma.assessment.createMany({
      data: DEMO_FIGURES.map((f) => {
        const methodology = methodologyFor(f.framework, f.year);
        return {
          ...assessmentKey(cycleId(f.framework, f.year), f.subjectId),
          assessorId: f.assessorId,
          status: 'PUBLISHED' as const,
          origin: 'PUBLISHED_TOTAL' as const,
          total: f.total,
          finding: checkedFinding(methodology, f.finding, 'finding'),
          methodologyId: methodology.id,
          source: f.source,
          note: f.note ?? null,
        };
      }),
      skipDuplicates: true,
    }),
  ]);
  let lokusCreated = 0;
  for (const demo of DEMO_LOKUS_ASSESSMENTS) lokusCreated += await seedLokusDemo(prisma, demo);
  return { created: result.reduce((sum, r) => sum + r.count, 0) + lokusCreated };
}

async function seedLokusDemo(
  prisma: PrismaClient,
  demo: (typeof DEMO_LOKUS_ASSESSMENTS)[number],
): Promise<number> {
  const key = assessmentKey(cycleId(demo.framework, demo.year), demo.subjectId);
  if (await prisma.assessment.findUnique({ where: { id: key.id }, select: { id: true } })) return 0;
  const methodology = methodologyFor(demo.framework, demo.year);
  const lokus = demo.lokus.map(([unitId, total], i) =>
    scoreLokus(methodology, { unitId, total }, `lokus[${i}]`),
  );
  await prisma.assessment.create({
    data: {
      ...key,
      assessorId: demo.assessorId,
      status: 'PUBLISHED',
      origin: 'COMPUTED',
      total: assessmentTotal(methodology, lokus, 'lokus'),
      finding: demo.finding,
      methodologyId: methodology.id,
      source: demo.source,
      note: demo.note,
      lokus: {
        create: lokus.map(({ scores: _none, indicators: _neither, ...l }) => ({
          ...l,
          review: 'ACCEPTED' as const,
        })),
      },
    },
  });
  return 1 + lokus.length;
}
