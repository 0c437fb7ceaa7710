import { placeOfOrganisation } from '@mutu/service';
import type { PrismaClient } from './generated/prisma/client.js';
import type { EventKind, EventRole, Framework } from './generated/prisma/enums.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface DemoEvent {
  id: string;
  kind: EventKind;
  title: string;
  venue: string;
  provinceCode: string;
  on: string;
  framework: Framework | null;
  cycleId: string | null;
  summary: string;
  source: string;
  organisations: Partial<Record<EventRole, string[]>>;
}

const KALTENG_WORKSHOP = '2024-06-04-workshop-pendampingan-penilaian-kepatuhan-2024';
const BENGKULU_SELATAN_RAKOR = '2025-04-30-rakor-penilaian-kepatuhan-bengkulu-selatan';
const BENGKULU_SELATAN_LOKUS = [
  '17.01.dinas-kesehatan',
  '17.01.dinas-sosial',
  '17.01.dpmptsp',
  '17.01.dukcapil',
  '17.01.dinas-pendidikan',
  '17.01.dinas-kesehatan.puskesmas-talang-randai',
  '17.01.dinas-kesehatan.puskesmas-sulau',
];

/** Events from public reports (the list); nothing here is synthetic. */
export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    id: KALTENG_WORKSHOP,
    kind: 'WORKSHOP_PENDAMPINGAN',
    title: 'Workshop Pendampingan Penilaian Kepatuhan Pelayanan Publik 2024',
    venue: 'Palangka Raya',
    provinceCode: '62',
    on: '2024-06-04',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: 'ombudsman-compliance-2024',
    summary:
      'Mentoring ahead of the 2024 compliance assessment; Pemerintah Provinsi Kalimantan Tengah and Ombudsman RI signed a nota kesepakatan on improving public service quality.',
    source: 'Public reports of the workshop, Palangka Raya, 4 June 2024',
    organisations: {
      HOST: ['ombudsman-ri.kalimantan-tengah'],
      SPEAKER: ['ombudsman-ri'],
      PARTICIPANT: ['62'],
    },
  },
  {
    id: '2025-06-23-rakor-pelayanan-publik-2025-kerinci',
    kind: 'RAKOR',
    title: 'Rakor Pelayanan Publik 2025 Kabupaten Kerinci',
    venue: 'Kabupaten Kerinci',
    provinceCode: '15',
    on: '2025-06-23',
    framework: null,
    cycleId: null,
    summary: "Coordination meeting on public services with the Ombudsman's Jambi office.",
    source: 'Public reports of the rakor, Kerinci, 23 June 2025',
    organisations: {
      HOST: ['15.01'],
      SPEAKER: ['ombudsman-ri.jambi'],
      PARTICIPANT: ['15.01.bagian-organisasi'],
    },
  },
  {
    id: BENGKULU_SELATAN_RAKOR,
    kind: 'RAKOR',
    title: 'Rakor Penilaian Kepatuhan Kabupaten Bengkulu Selatan',
    venue: 'Kabupaten Bengkulu Selatan',
    provinceCode: '17',
    on: '2025-04-30',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: 'ombudsman-compliance-2024',
    summary:
      'Coordination meeting on the compliance assessment, closing with Predikat Kepatuhan Standar Pelayanan Publik awards for the 2024 cycle to seven units.',
    source: 'Public reports of the rakor, Bengkulu Selatan, 30 April 2025',
    organisations: { HOST: ['17.01'], PARTICIPANT: BENGKULU_SELATAN_LOKUS },
  },
  {
    id: '2021-12-02-rakor-transformasi-digital-pelayanan-publik-kepri',
    kind: 'RAKOR',
    title: 'Rakor Transformasi Digital Pelayanan Publik Provinsi Kepulauan Riau',
    venue: 'Batam',
    provinceCode: '21',
    on: '2021-12-02',
    framework: null,
    cycleId: null,
    summary:
      'Coordination meeting on the digital transformation of public services between Pemerintah Provinsi Kepulauan Riau and KemenPAN-RB.',
    source: 'Public reports of the rakor, Batam, 2 December 2021',
    organisations: { HOST: ['21'], SPEAKER: ['kemenpan-rb'] },
  },
];

export const DEMO_AGREEMENT = {
  id: '2024-06-04-nota-kesepakatan-sinergi-peningkatan-kualitas-pelayanan-publik',
  title: 'Nota Kesepakatan Sinergi Peningkatan Kualitas Pelayanan Publik',
  kind: 'NOTA_KESEPAKATAN' as const,
  subject: 'Sinergi Peningkatan Kualitas Pelayanan Publik',
  signedOn: day('2024-06-04'),
  validFrom: day('2024-06-04'),
  // The public reports do not state an end date.
  validUntil: null,
  eventId: KALTENG_WORKSHOP,
  source:
    'Public reports of the Workshop Pendampingan Penilaian Kepatuhan, Palangka Raya, 4 June 2024',
  parties: [
    { organisationId: '62', name: 'Pemerintah Provinsi Kalimantan Tengah' },
    { organisationId: 'ombudsman-ri', name: 'Ombudsman Republik Indonesia' },
  ],
};

export const DEMO_AWARDS = BENGKULU_SELATAN_LOKUS.map((recipientId) => ({
  id: `2025-04-30-predikat-kepatuhan-${recipientId.replace(/\./g, '-')}`,
  recipientId,
  recipientProvinceCode: '17',
  // Handed over by the regency at its rakor, for the Ombudsman's 2024 assessment.
  awardingId: '17.01',
  title: 'Predikat Kepatuhan Standar Pelayanan Publik',
  cycleId: 'ombudsman-compliance-2024',
  awardedOn: day('2025-04-30'),
  eventId: BENGKULU_SELATAN_RAKOR,
  source: 'Public reports of the rakor, Bengkulu Selatan, 30 April 2025',
}));

/** Creates the demo records that are missing; running it twice changes nothing. */
export async function seedDemoData(prisma: PrismaClient): Promise<{ created: number }> {
  const result = await prisma.$transaction([
    prisma.event.createMany({
      data: DEMO_EVENTS.map(({ on, organisations: _, ...e }) => ({
        ...e,
        startsOn: day(on),
        endsOn: day(on),
      })),
      skipDuplicates: true,
    }),
    prisma.eventOrganisation.createMany({
      data: DEMO_EVENTS.flatMap((e) =>
        Object.entries(e.organisations).flatMap(([role, ids]) =>
          ids.map((organisationId) => ({ eventId: e.id, organisationId, role: role as EventRole })),
        ),
      ),
      skipDuplicates: true,
    }),
    prisma.agreement.createMany({
      data: [(({ parties: _, ...a }) => a)(DEMO_AGREEMENT)],
      skipDuplicates: true,
    }),
    prisma.agreementParty.createMany({
      data: DEMO_AGREEMENT.parties.map((p, i) => ({
        ...p,
        agreementId: DEMO_AGREEMENT.id,
        provinceCode: placeOfOrganisation(p.organisationId).provinceCode,
        position: i + 1,
      })),
      skipDuplicates: true,
    }),
    prisma.award.createMany({ data: DEMO_AWARDS, skipDuplicates: true }),
  ]);
  return { created: result.reduce((sum, r) => sum + r.count, 0) };
}
