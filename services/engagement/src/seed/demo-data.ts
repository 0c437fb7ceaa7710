import { provinceOfOrganisation } from '@mutu/service';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { EventKind, EventRole, Framework } from '../generated/prisma/enums.js';

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

const KALTENG_WORKSHOP = '2024-06-04-workshop-penilaian-kepatuhan-kalimantan-tengah';
const KALTENG_SOURCE =
  "penakalteng.com, 4 June 2024 (Sekda Nuryakin read the Gubernur's speech); ayokalteng.com, June 2024 (the signing)";
const BENGKULU_HANDOVER = '2024-12-12-penyerahan-hasil-penilaian-kepatuhan-bengkulu';
const KALTIM_HANDOVER = '2024-12-10-penyerahan-hasil-penilaian-kepatuhan-kalimantan-timur';
/** The 13 kabupaten and kota of Kalimantan Tengah that signed; Kotawaringin Barat (62.01) was to sign later. */
const KALTENG_SIGNATORIES: readonly (readonly [string, string])[] = [
  ['62.02', 'Pemerintah Kabupaten Kotawaringin Timur'],
  ['62.03', 'Pemerintah Kabupaten Kapuas'],
  ['62.04', 'Pemerintah Kabupaten Barito Selatan'],
  ['62.05', 'Pemerintah Kabupaten Barito Utara'],
  ['62.06', 'Pemerintah Kabupaten Katingan'],
  ['62.07', 'Pemerintah Kabupaten Seruyan'],
  ['62.08', 'Pemerintah Kabupaten Sukamara'],
  ['62.09', 'Pemerintah Kabupaten Lamandau'],
  ['62.10', 'Pemerintah Kabupaten Gunung Mas'],
  ['62.11', 'Pemerintah Kabupaten Pulang Pisau'],
  ['62.12', 'Pemerintah Kabupaten Murung Raya'],
  ['62.13', 'Pemerintah Kabupaten Barito Timur'],
  ['62.71', 'Pemerintah Kota Palangkaraya'],
];

/** Events from public reports; nothing here is synthetic. */
export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    id: KALTENG_WORKSHOP,
    kind: 'WORKSHOP_PENDAMPINGAN',
    title:
      'Workshop Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik dan Penandatanganan Nota Kesepakatan Ombudsman RI dengan Pemerintah Daerah di Lingkungan Provinsi Kalimantan Tengah',
    venue: 'Ballroom Aquarius Boutique Hotel, Palangka Raya',
    provinceCode: '62',
    on: '2024-06-04',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: 'ombudsman-compliance-2024',
    summary:
      'Mentoring ahead of the 2024 compliance assessment, run by Ombudsman RI Perwakilan Kalimantan Tengah; Anggota Ombudsman RI Jemsly Hutabarat signed a nota kesepakatan on improving public service quality with Pemerintah Provinsi Kalimantan Tengah and 13 kabupaten and kota.',
    source: KALTENG_SOURCE,
    organisations: {
      HOST: ['ombudsman-ri.kalimantan-tengah'],
      SPEAKER: ['ombudsman-ri'],
      PARTICIPANT: ['62', ...KALTENG_SIGNATORIES.map(([id]) => id)],
    },
  },
  {
    id: '2025-06-23-rakor-pelayanan-publik-tahun-2025-kerinci',
    kind: 'RAKOR',
    title: 'Rakor Pelayanan Publik Tahun 2025 Kabupaten Kerinci',
    venue: 'Aula Kantor Bupati Kerinci',
    provinceCode: '15',
    on: '2025-06-23',
    framework: 'IPP',
    cycleId: null,
    summary:
      "Opened by Sekda Zainal Efendi; Kepala Bagian Organisasi Herlinda reported Kerinci's IPP climb from 1.12 (E) in 2023 to 3.66 (B) in 2024; Abdurrohim of Ombudsman RI Perwakilan Jambi attended.",
    source: 'sekato.id, 23 June 2025',
    organisations: {
      HOST: ['15.01'],
      SPEAKER: ['ombudsman-ri.jambi'],
      PARTICIPANT: ['15.01.bagian-organisasi'],
    },
  },
  {
    id: '2025-04-30-rakor-penilaian-kepatuhan-bengkulu-selatan',
    kind: 'RAKOR',
    title: 'Rapat Koordinasi Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik',
    venue: 'Ruang Rapat Sekretariat Daerah Kabupaten Bengkulu Selatan',
    provinceCode: '17',
    on: '2025-04-30',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: null,
    summary:
      'Sekda Sukarni held a rakor and workshop to prepare the OPD for the compliance assessment. The report names it for 2024 in its text and for 2025 in its title, so no cycle is recorded.',
    source:
      'PedomanBengkulu, 17 May 2025 (it dates the meeting "Selasa (30/4/2025)"; 30 April 2025 was a Wednesday)',
    organisations: { HOST: ['17.01'] },
  },
  {
    id: BENGKULU_HANDOVER,
    kind: 'PENGANUGERAHAN',
    title: 'Penyerahan Hasil Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2024',
    venue: 'Hotel Two K Azanah, Bengkulu',
    provinceCode: '17',
    on: '2024-12-12',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: 'ombudsman-compliance-2024',
    summary:
      "Ombudsman RI Perwakilan Bengkulu handed the 2024 results to the province's governments: Kaur highest (96.14), Bengkulu Selatan second (95.57), the provincial government lowest (88.30).",
    source: 'Harian Bengkulu Ekspress, December 2024; Radar Lebong',
    organisations: {
      HOST: ['ombudsman-ri.bengkulu'],
      PARTICIPANT: ['17', '17.01', '17.04', '17.07', '17.09', '17.05', '17.03', '17.71'],
    },
  },
  {
    id: KALTIM_HANDOVER,
    kind: 'PENGANUGERAHAN',
    title: 'Penyerahan Hasil Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2024',
    venue: 'Hotel Harris, Samarinda',
    provinceCode: '64',
    on: '2024-12-10',
    framework: 'OMBUDSMAN_COMPLIANCE',
    cycleId: 'ombudsman-compliance-2024',
    summary:
      'Ombudsman RI Perwakilan Kalimantan Timur handed the 2024 results over: nine of the ten kabupaten and kota in zona hijau, Kota Balikpapan first (95.57); Kutai Timur, in zona kuning in 2023, reached zona hijau (78.38), received by Staf Ahli Bupati Yuriansyah.',
    source: 'infosatu.co and IDN Times, 10 December 2024; Liputan Kaltim, 13 December 2024',
    organisations: {
      HOST: ['ombudsman-ri.kalimantan-timur'],
      PARTICIPANT: ['64', '64.71', '64.02', '64.72', '64.08'],
    },
  },
  {
    id: '2021-12-02-rakor-transformasi-digital-pelayanan-publik-kepri',
    kind: 'RAKOR',
    title: 'Rakor Transformasi Digital Pelayanan Publik Provinsi Kepulauan Riau',
    venue: 'Hotel Marriott, Batam',
    provinceCode: '21',
    on: '2021-12-02',
    framework: null,
    cycleId: null,
    summary:
      "Pj Sekdaprov Kepulauan Riau Lamidi said the islands' geography had held digital services back and that only Batam had an MPP, Tanjungpinang's being in preparation; KemenPAN-RB took part (its speaker is not named in the report).",
    source: 'suaraserumpun.com, 2 December 2021',
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
  source: KALTENG_SOURCE,
  parties: [
    {
      organisationId: 'ombudsman-ri',
      name: 'Ombudsman Republik Indonesia',
      signatoryName: 'Jemsly Hutabarat',
      signatoryPosition: 'Anggota Ombudsman RI',
    },
    { organisationId: '62', name: 'Pemerintah Provinsi Kalimantan Tengah' },
    ...KALTENG_SIGNATORIES.map(([organisationId, name]) => ({ organisationId, name })),
  ],
};

const KOTA_BENGKULU_AWARDS =
  '"5 PD dan 2 Puskesmas Terima Penghargaan Ombudsman RI" (mediacenter.bengkulukota.go.id), reported by ombudsman.go.id on 29 July 2025; handed over by Wali Kota Dedy Wahyudi and Mustari Tasti, Kepala Ombudsman RI Perwakilan Bengkulu. The reports do not give the day: 29 July 2025 is the report\'s.';

/** Awards as reported, each with the score it rewards where the source gives one. */
export const DEMO_AWARDS = [
  ...(
    [
      ['17.71.dinas-kesehatan.puskesmas-kandang', 93.57],
      ['17.71.dukcapil', 93.34],
      ['17.71.dpmptsp', 91.4],
      ['17.71.dinas-kesehatan.puskesmas-beringin-raya', 91.4],
      ['17.71.dinas-sosial', 90.28],
      ['17.71.dinas-kesehatan', 88.74],
      ['17.71.dinas-pendidikan-dan-kebudayaan', 86.49],
    ] as const
  ).map(([recipientId, score]) => ({
    id: `2025-07-29-piagam-zona-hijau-${recipientId.replace(/\./g, '-')}`,
    recipientId,
    recipientProvinceCode: '17',
    awardingId: 'ombudsman-ri.bengkulu',
    title:
      'Piagam Penghargaan Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2024 (Zona Hijau)',
    cycleId: 'ombudsman-compliance-2024',
    assessmentId: null,
    score,
    awardedOn: day('2025-07-29'),
    eventId: null,
    source: KOTA_BENGKULU_AWARDS,
  })),
  ...(
    [
      ['17.04', 96.14],
      ['17.01', 95.57],
    ] as const
  ).map(([recipientId, score]) => ({
    id: `2024-12-12-zona-hijau-kualitas-tertinggi-${recipientId.replace(/\./g, '-')}`,
    recipientId,
    recipientProvinceCode: '17',
    awardingId: 'ombudsman-ri.bengkulu',
    title: 'Penghargaan Zona Hijau Kualitas Tertinggi, Penilaian Kepatuhan Tahun 2024',
    cycleId: 'ombudsman-compliance-2024',
    assessmentId: `ombudsman-compliance-2024.${recipientId}`,
    score,
    awardedOn: day('2024-12-12'),
    eventId: BENGKULU_HANDOVER,
    source: 'Radar Lebong and Harian Bengkulu Ekspress, December 2024',
  })),
];

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
        provinceCode: provinceOfOrganisation(p.organisationId),
        position: i + 1,
      })),
      skipDuplicates: true,
    }),
    prisma.award.createMany({ data: DEMO_AWARDS, skipDuplicates: true }),
  ]);
  return { created: result.reduce((sum, r) => sum + r.count, 0) };
}
