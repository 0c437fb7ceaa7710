import type { Band, Component, Finding, Methodology } from '../types.js';

const SCALE = { min: 0, max: 100 } as const;
const DIMENSION_SCALE = { min: 0, max: 100 } as const;

/**
 * Zones of the product surveys of service standards, 2013-2019. The bounds are published as whole
 * numbers, 0-50 red, 51-80 yellow, 81-100 green (pelitasumatera.com on the 2018 round; ../shared/
 * domain bands.md), but the scores carry two decimals: Kabupaten Gorontalo 30.76 in 2016 and
 * 22.94 in 2017 (Asisten Ombudsman RI Hasrul Eka Putra, peristiwagorontalo.blogspot.com, December
 * 2017), Luwu Utara 96.73 in 2019 (rakyat.news, January 2022). A score between two whole bounds
 * (80.50) takes the lower zone, as the 2021 zones read "51,00 - 80,99" in the official wording
 * (langgam.id) and "50-80" in the press (detik.com, 29 December 2021); unconfirmed for 2013-2019.
 * 2019 was announced as the last round of that method (Adrianus Meliala, Ombudsman RI, Antara
 * Jambi, 27 November 2019); no survey was held in 2020 (Covid-19, sonora.id, 3 June 2021), so no
 * method covers 2020.
 */
const ZONES_2013: readonly Band[] = [
  { grade: null, label: 'Kepatuhan Rendah', zone: 'RED', min: 0, max: 50.99 },
  { grade: null, label: 'Kepatuhan Sedang', zone: 'YELLOW', min: 51, max: 80.99 },
  { grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN', min: 81, max: 100 },
];

/**
 * Zones of the 2021 compliance assessment: "zona hijau ... 81,00 - 100. Zona kuning ... 51,00 -
 * 80,99 dan zona merah ... 0-50,99" (langgam.id, 29 December 2021; Antara, December 2021).
 */
const ZONES_2021: readonly Band[] = [
  { grade: null, label: 'Kepatuhan Rendah', zone: 'RED', min: 0, max: 50.99 },
  { grade: null, label: 'Kepatuhan Sedang', zone: 'YELLOW', min: 51, max: 80.99 },
  { grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN', min: 81, max: 100 },
];

/**
 * "Opini Pengawasan Penyelenggaraan Pelayanan Publik" grades, 2022-2024: "kategori A dengan
 * nilai 88-100 ... kualitas tertinggi ... Kategori B dengan nilai 78-87,99 ... kualitas tinggi"
 * (Radar Bengkulu, December 2023); zones green for A and B, yellow for C, red for D and E
 * (sonora.id, Kalimantan Barat 2022); confirmed for 2024 by Keputusan Ketua Ombudsman 252/2024.
 * Published scores on both sides of the bounds: 2022 Pemprov Sumatera Utara 90.54 A, Kota
 * Kendari 58.99 C; 2023 Maluku Utara 88.01 A and 84.47 B, Kabupaten Gorontalo 78.05 B, Maluku
 * Tenggara 55.09 yellow and 52.86 red.
 */
const OPINION_GRADES: readonly Band[] = [
  { grade: 'E', label: 'Kualitas Terendah', zone: 'RED', min: 0, max: 31.99 },
  { grade: 'D', label: 'Kualitas Rendah', zone: 'RED', min: 32, max: 53.99 },
  { grade: 'C', label: 'Kualitas Sedang', zone: 'YELLOW', min: 54, max: 77.99 },
  { grade: 'B', label: 'Kualitas Tinggi', zone: 'GREEN', min: 78, max: 87.99 },
  { grade: 'A', label: 'Kualitas Tertinggi', zone: 'GREEN', min: 88, max: 100 },
];

/**
 * Dimension weights of the 2023 method (Ombudsman workshop material, 2023); each dimension is
 * published as weighted points that add up to the unit's total.
 */
const DIMENSIONS_2023: readonly Component[] = [
  {
    key: 'input',
    name: 'Input (kompetensi pelaksana, sarana prasarana)',
    weight: 21.85,
    scale: DIMENSION_SCALE,
  },
  { key: 'proses', name: 'Proses (standar pelayanan)', weight: 32.37, scale: DIMENSION_SCALE },
  {
    key: 'output',
    name: 'Output (persepsi maladministrasi)',
    weight: 24.24,
    scale: DIMENSION_SCALE,
  },
  {
    key: 'pengaduan',
    name: 'Pengaduan (pengelolaan pengaduan)',
    weight: 21.54,
    scale: DIMENSION_SCALE,
  },
];

/**
 * The Penilaian Maladministrasi of 2025 (Peraturan Ombudsman 61/2025): input, proses, output
 * and pengaduan together weigh 70% and kepercayaan masyarakat 30% (Ombudsman RI Perwakilan
 * Lampung, 7 February 2026). How the 70% splits is not published: the 2023 ratios are kept.
 * Unconfirmed.
 */
const DIMENSIONS_2025: readonly Component[] = [
  ...DIMENSIONS_2023.map((d) => ({ ...d, weight: d.weight * 0.7 })),
  { key: 'kepercayaan', name: 'Kepercayaan Masyarakat', weight: 30, scale: DIMENSION_SCALE },
];

/**
 * The second part of the 2025 Opini Ombudsman. "Tanpa Maladministrasi" is added where the body
 * followed up the Ombudsman's oversight products (tindakan korektif, saran perbaikan,
 * rekomendasi): "perbedaan antara Kualitas Sedang Tanpa Maladministrasi dan Kualitas Sedang
 * terletak pada tindak lanjut terhadap produk pengawasan Ombudsman" (imalut.com, 12 February
 * 2026). Published opinions carry the suffix or nothing; no other wording was seen.
 */
const MALADMINISTRATION_FINDINGS: readonly Finding[] = [
  {
    key: 'TANPA_MALADMINISTRASI',
    label: 'Tanpa Maladministrasi',
    description:
      "Tanpa Maladministrasi: the body followed up the Ombudsman's oversight products (tindakan korektif, saran perbaikan, rekomendasi).",
  },
  {
    key: 'BELUM_TANPA_MALADMINISTRASI',
    label: null,
    description:
      'The opinion carries no "Tanpa Maladministrasi": oversight products are not all followed up.',
  },
];

export const OMBUDSMAN_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'ombudsman-2013',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Survei Kepatuhan Standar Pelayanan Publik (produk layanan)',
    fromYear: 2013,
    untilYear: 2019,
    scale: SCALE,
    precision: 2,
    bands: ZONES_2013,
    componentKind: 'dimension',
    components: null,
    series: 'ombudsman-survei-2013',
    // Service products were surveyed; how they combined into a government's figure is not
    // published.
    aggregation: { rule: 'UNPUBLISHED' },
    outline: null,
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    // The zone of a score between two whole bounds is a reading, not a seen rule.
    confirmed: false,
    source:
      'Ombudsman RI product surveys 2013-2019 (pelitasumatera.com on 2018; peristiwagorontalo.blogspot.com on 2016-2017; rakyat.news on 2019; Antara Jambi, 27 November 2019)',
  },
  {
    id: 'ombudsman-2021',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Penilaian Kepatuhan Standar Pelayanan Publik (zona)',
    fromYear: 2021,
    untilYear: 2021,
    scale: SCALE,
    precision: 2,
    bands: ZONES_2021,
    componentKind: 'dimension',
    // The 2021 aggregation of lokus and indicators is not published; totals only.
    components: null,
    series: 'ombudsman-kepatuhan-2021',
    // Lokus (four or five sectors, varying by government) were assessed; how they combined is
    // not published.
    aggregation: { rule: 'UNPUBLISHED' },
    outline: null,
    lokusPlans: [
      {
        years: [2021],
        groups: ['PROVINCE', 'REGENCY', 'CITY'],
        // Only the two sectors new in 2021 are named by the source.
        units: ['Dinas Pendidikan', 'Puskesmas'],
        count: { min: 4, max: 5 },
        confirmed: false,
        source:
          'Luwu Utara 2021: "Dari 5 sektor yang menjadi lokus penilaian, ternyata ada dua yang baru, yaitu Dinas Pendidikan dan Puskesmas" (Sekda Armiadi, sulsel.fajar.co.id, 27 January 2022); four sectors elsewhere (../shared/domain/bands.md)',
      },
    ],
    findings: null,
    totalFactor: 1,
    confirmed: true,
    source: 'Ombudsman RI via Antara and langgam.id, December 2021',
  },
  {
    id: 'ombudsman-2022',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Opini Pengawasan Penyelenggaraan Pelayanan Publik',
    fromYear: 2022,
    untilYear: 2023,
    scale: SCALE,
    precision: 2,
    bands: OPINION_GRADES,
    componentKind: 'dimension',
    components: DIMENSIONS_2023,
    series: 'ombudsman-opini-2022',
    aggregation: {
      rule: 'MEAN',
      // Maluku Tenggara 2023: seven units averaging 60.8014, published 60.80; rounding and
      // truncation agree there, so half-up is kept as on paper.
      rounding: 'HALF_UP',
      confirmed: false,
      source: 'Maluku Tenggara 2023, seven units, mean 60.80 (sentralnusantara.com, 27 Feb 2024)',
    },
    outline: null,
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    confirmed: true,
    source:
      'Ombudsman RI explanations 2022-2024 (Radar Bengkulu, sonora.id, telisik.net); dimension weights from the 2023 workshop material',
  },
  {
    id: 'ombudsman-2024',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Opini Pengawasan Penyelenggaraan Pelayanan Publik',
    fromYear: 2024,
    untilYear: 2024,
    scale: SCALE,
    precision: 2,
    bands: OPINION_GRADES,
    componentKind: 'dimension',
    components: DIMENSIONS_2023,
    // The same method as 2022-2023: its scores compare.
    series: 'ombudsman-opini-2022',
    aggregation: {
      rule: 'MEAN',
      rounding: 'TRUNCATE',
      confirmed: false,
      source:
        'Kota Bengkulu 2024: seven units averaging 90.7457, published 90.74 (Ombudsman RI Perwakilan Bengkulu, 29 Jul 2025)',
    },
    outline: null,
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    confirmed: true,
    source: 'Keputusan Ketua Ombudsman RI 252/2024 (as reported by regional governments)',
  },
  {
    id: 'ombudsman-2025',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik (Opini Ombudsman RI)',
    fromYear: 2025,
    untilYear: null,
    scale: SCALE,
    precision: 2,
    // No table of the 2025 grades was published. Every 2025 result seen fits the 2022 bounds
    // (Lampung 88.49 Kualitas Tertinggi, Lampung Utara 78.86 Kualitas Tinggi, Pemprov Gorontalo
    // 76.82 Kualitas Sedang, Pulau Morotai 53.38 Kualitas Rendah; and an Ombudsman seminar of 28
    // January 2026 repeated 88-100 and 78-87.99): unconfirmed.
    bands: OPINION_GRADES,
    componentKind: 'dimension',
    components: DIMENSIONS_2025,
    series: 'ombudsman-maladministrasi-2025',
    aggregation: {
      rule: 'MEAN',
      // Pemprov Gorontalo 2025: units 68.79, 77.55 and 84.11 average 76.8167, published 76.82.
      rounding: 'HALF_UP',
      confirmed: false,
      source: 'Pemerintah Provinsi Gorontalo 2025, three units, 76.82 (berinti.id, February 2026)',
    },
    outline: null,
    lokusPlans: [],
    findings: MALADMINISTRATION_FINDINGS,
    totalFactor: 1,
    confirmed: false,
    source:
      'Peraturan Ombudsman RI 61/2025; Siaran Pers 004 and 005/HM.01/I/2026; grade bounds and dimension weights unconfirmed',
  },
];
