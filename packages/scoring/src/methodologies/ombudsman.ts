import type { Band, Component, Methodology } from '../types.js';

const SCALE = { min: 0, max: 100 } as const;
const DIMENSION_SCALE = { min: 0, max: 100 } as const;

/**
 * Zones of the compliance assessment up to 2021.
 * Source: Ombudsman RI statements reported by Antara, December 2021.
 */
const ZONES_2021: readonly Band[] = [
  { grade: null, label: 'Kepatuhan Rendah', zone: 'RED', min: 0, max: 50.99 },
  { grade: null, label: 'Kepatuhan Sedang', zone: 'YELLOW', min: 51, max: 80.99 },
  { grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN', min: 81, max: 100 },
];

/**
 * "Opini Pengawasan Penyelenggaraan Pelayanan Publik" grades, from the 2022 assessment on.
 * Sources: Ombudsman explanations reported by Radar Bengkulu (2023), Luwuk Times (2024) and
 * Insight in News (2024); checked against published unit scores (52.86 red, 55.09 yellow,
 * 58.99 C, 87.05 B).
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
 * From 2025 the "Opini Ombudsman" weighs the four dimensions at 70% together and public trust
 * (kepercayaan masyarakat) at 30%. How the 70% splits is unconfirmed: we keep the 2023 ratios.
 */
const DIMENSIONS_2025: readonly Component[] = [
  ...DIMENSIONS_2023.map((d) => ({ ...d, weight: d.weight * 0.7 })),
  { key: 'kepercayaan', name: 'Kepercayaan Masyarakat', weight: 30, scale: DIMENSION_SCALE },
];

export const OMBUDSMAN_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'ombudsman-2021',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Penilaian Kepatuhan Standar Pelayanan Publik (zona)',
    fromYear: null,
    untilYear: 2021,
    scale: SCALE,
    precision: 2,
    bands: ZONES_2021,
    componentKind: 'dimension',
    // The 2021 aggregation of lokus and indicators is not published; totals only.
    components: null,
    // "The 2021 aggregation differs and is unknown" (bands.md): one unit per assessment.
    lokusTotal: null,
    totalFactor: 1,
    confirmed: true,
    source: 'Ombudsman RI via Antara, December 2021',
  },
  {
    id: 'ombudsman-2022',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Opini Pengawasan Penyelenggaraan Pelayanan Publik',
    fromYear: 2022,
    untilYear: 2024,
    scale: SCALE,
    precision: 2,
    bands: OPINION_GRADES,
    componentKind: 'dimension',
    components: DIMENSIONS_2023,
    // The government's score is the plain mean of its lokus in 2022-2023, reproduced exactly
    // (Maluku Tenggara 2023, seven units, mean 60.80 = published score); kept for 2024.
    lokusTotal: 'MEAN',
    totalFactor: 1,
    confirmed: true,
    source:
      'Ombudsman RI explanations 2023-2024; dimension weights from the 2023 workshop material',
  },
  {
    id: 'ombudsman-2025',
    framework: 'OMBUDSMAN_COMPLIANCE',
    name: 'Opini Ombudsman (dengan kepercayaan masyarakat)',
    fromYear: 2025,
    untilYear: null,
    scale: SCALE,
    precision: 2,
    // Bands of the 2025 method are unconfirmed; the 2022 grades are the best current reading.
    bands: OPINION_GRADES,
    componentKind: 'dimension',
    components: DIMENSIONS_2025,
    // Unconfirmed: the 2022-2024 mean of lokus is the best current reading.
    lokusTotal: 'MEAN',
    totalFactor: 1,
    confirmed: false,
    source: 'Ombudsman RI 2025 method (70% dimensions, 30% public trust); bands unconfirmed',
  },
];
