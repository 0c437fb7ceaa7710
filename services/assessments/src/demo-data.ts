import { methodologyFor } from '@mutu/scoring';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Framework } from './generated/prisma/enums.js';
import { assessmentTotal, scoreLokus } from './scores.js';
import { assessmentKey, cycleId } from './subject.js';

interface PublishedFigure {
  readonly framework: Framework;
  readonly year: number;
  readonly subjectId: string;
  readonly total: number;
  readonly source: string;
  readonly synthetic?: boolean;
  readonly note?: string;
}

const IPP_2024_PROVINCES = 'KepmenPAN-RB 659/2024, as reported by GoodStats';
const KALTIM_SYNTHETIC =
  'Synthetic demo value: the public fact is that Kabupaten Kutai Timur ranked 6th in the IPP of Kalimantan Timur; every score here is invented to be consistent with that rank.';

/**
 * Published results the demo shows (../shared/domain and the public reports), and the
 * clearly labelled synthetic values around Kutai Timur's rank. All are published totals: the
 * sources give no component scores.
 */
export const DEMO_FIGURES: readonly PublishedFigure[] = [
  {
    framework: 'IPP',
    year: 2023,
    subjectId: '15.01',
    total: 1.12,
    source: 'KemenPAN-RB IPP 2023, public reports on Kabupaten Kerinci',
  },
  {
    framework: 'IPP',
    year: 2024,
    subjectId: '15.01',
    total: 3.66,
    source: 'KemenPAN-RB IPP 2024, public reports on Kabupaten Kerinci',
  },
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
  ).map(([subjectId, total]) => ({
    framework: 'IPP' as const,
    year: 2024,
    subjectId,
    total,
    source: IPP_2024_PROVINCES,
  })),
  ...(
    [
      ['64.72', 4.21],
      ['64.71', 4.12],
      ['64.74', 3.98],
      ['64.02', 3.87],
      ['64.03', 3.74],
      ['64.08', 3.61],
      ['64.01', 3.42],
      ['64.09', 3.2],
      ['64.07', 2.95],
      ['64.11', 2.4],
    ] as const
  ).map(([subjectId, total]) => ({
    framework: 'IPP' as const,
    year: 2024,
    subjectId,
    total,
    synthetic: true,
    source: 'Mutu demo data',
    note: KALTIM_SYNTHETIC,
  })),
  {
    framework: 'OMBUDSMAN_COMPLIANCE',
    year: 2023,
    subjectId: '62',
    total: 86.6,
    source:
      'Ombudsman RI Penilaian Kepatuhan 2023: Pemerintah Provinsi Kalimantan Tengah, Zona Hijau, Kualitas Tinggi (public reports)',
  },
  {
    framework: 'OMBUDSMAN_COMPLIANCE',
    year: 2024,
    subjectId: '64.08',
    total: 84.1,
    synthetic: true,
    source: 'Mutu demo data',
    note: 'Kabupaten Kutai Timur received grade B from the Ombudsman (public reports); the score is a synthetic value inside grade B.',
  },
];

/**
 * One assessment recorded lokus by lokus, to show where a total comes from. Bengkulu Selatan's
 * seven 2024 lokus are public (its rakor of 30 April 2025 awarded all seven); their dimension
 * scores here are synthetic and flagged so.
 */
export const DEMO_LOKUS_ASSESSMENT = {
  framework: 'OMBUDSMAN_COMPLIANCE' as const,
  year: 2024,
  subjectId: '17.01',
  assessorId: 'ombudsman-ri',
  note: 'Synthetic demo values: the seven lokus are those of the 2024 assessment of Kabupaten Bengkulu Selatan, every dimension score is invented.',
  lokus: (
    [
      ['17.01.dinas-kesehatan', 92, 88, 90, 85],
      ['17.01.dinas-sosial', 85, 90, 84, 80],
      ['17.01.dpmptsp', 95, 93, 91, 94],
      ['17.01.dukcapil', 90, 94, 88, 92],
      ['17.01.dinas-pendidikan', 84, 80, 83, 78],
      ['17.01.dinas-kesehatan.puskesmas-talang-randai', 88, 84, 86, 78],
      ['17.01.dinas-kesehatan.puskesmas-sulau', 82, 79, 81, 76],
    ] as const
  ).map(([unitId, input, proses, output, pengaduan]) => ({
    unitId,
    scores: Object.entries({ input, proses, output, pengaduan }).map(([component, score]) => ({
      component,
      score,
    })),
  })),
};

/** Creates the demo cycles and results that are missing; running it twice changes nothing. */
export async function seedDemoData(prisma: PrismaClient): Promise<{ created: number }> {
  const cycles = new Map<string, { framework: Framework; year: number }>();
  for (const f of [...DEMO_FIGURES, DEMO_LOKUS_ASSESSMENT])
    cycles.set(cycleId(f.framework, f.year), { framework: f.framework, year: f.year });
  const result = await prisma.$transaction([
    prisma.assessmentCycle.createMany({
      data: [...cycles].map(([id, c]) => ({
        id,
        ...c,
        methodologyId: methodologyFor(c.framework, c.year).id,
        status: 'PUBLISHED' as const,
      })),
      skipDuplicates: true,
    }),
    prisma.assessment.createMany({
      data: DEMO_FIGURES.map((f) => {
        return {
          ...assessmentKey(cycleId(f.framework, f.year), f.subjectId),
          status: 'PUBLISHED' as const,
          origin: 'PUBLISHED_TOTAL' as const,
          total: f.total,
          methodologyId: methodologyFor(f.framework, f.year).id,
          synthetic: f.synthetic ?? false,
          source: f.source,
          note: f.note ?? null,
        };
      }),
      skipDuplicates: true,
    }),
  ]);
  return { created: result.reduce((sum, r) => sum + r.count, 0) + (await seedLokusDemo(prisma)) };
}

async function seedLokusDemo(prisma: PrismaClient): Promise<number> {
  const demo = DEMO_LOKUS_ASSESSMENT;
  const key = assessmentKey(cycleId(demo.framework, demo.year), demo.subjectId);
  if (await prisma.assessment.findUnique({ where: { id: key.id }, select: { id: true } })) return 0;
  const methodology = methodologyFor(demo.framework, demo.year);
  const lokus = demo.lokus.map((l, i) => scoreLokus(methodology, l, `lokus[${i}]`));
  await prisma.assessment.create({
    data: {
      ...key,
      assessorId: demo.assessorId,
      status: 'PUBLISHED',
      origin: 'COMPUTED',
      total: assessmentTotal(methodology, lokus, 'lokus'),
      methodologyId: methodology.id,
      synthetic: true,
      source: 'Mutu demo data',
      note: demo.note,
      lokus: {
        create: lokus.map(({ scores, ...l }) => ({
          ...l,
          scores: { createMany: { data: scores } },
        })),
      },
    },
  });
  return 1 + lokus.length;
}
