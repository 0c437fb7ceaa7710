import type { Band, Component, Methodology } from '../types.js';

const ASPECT_SCALE = { min: 0, max: 5 } as const;

/**
 * IPP categories, from public implementations and press usage (Kerinci 2023 "kategori E dengan
 * nilai 1,12" and 2024 "kategori B dengan skor 3,66", sekato.id, 23 June 2025; 3.85 B "Baik";
 * 4.67 A); the regulation's own table was not seen, so this is unconfirmed data. Under
 * PermenPAN-RB 17/2017 the 2021 evaluation used the same letters (ministries 4.00 and regional
 * governments 3.58, "kategori B (Baik)", Bisnis.com, 8 March 2022).
 */
const CATEGORIES: readonly Band[] = [
  { grade: 'F', label: 'Gagal', zone: null, min: 0, max: 1 },
  { grade: 'E', label: 'Sangat Buruk', zone: null, min: 1.01, max: 1.5 },
  { grade: 'D', label: 'Buruk', zone: null, min: 1.51, max: 2 },
  { grade: 'C-', label: 'Cukup (Dengan Catatan)', zone: null, min: 2.01, max: 2.5 },
  { grade: 'C', label: 'Cukup', zone: null, min: 2.51, max: 3 },
  { grade: 'B-', label: 'Baik (Dengan Catatan)', zone: null, min: 3.01, max: 3.5 },
  { grade: 'B', label: 'Baik', zone: null, min: 3.51, max: 4 },
  { grade: 'A-', label: 'Sangat Baik', zone: null, min: 4.01, max: 4.5 },
  { grade: 'A', label: 'Pelayanan Prima', zone: null, min: 4.51, max: 5 },
];

function aspects(weights: readonly [number, number, number, number, number, number]): Component[] {
  const names = [
    ['kebijakan', 'Kebijakan Pelayanan'],
    ['sdm', 'Profesionalisme SDM'],
    ['sarpras', 'Sarana Prasarana'],
    ['sipp', 'Sistem Informasi Pelayanan Publik'],
    ['pengaduan', 'Konsultasi dan Pengaduan'],
    ['inovasi', 'Inovasi'],
  ] as const;
  return names.map(([key, name], i) => ({
    key,
    name,
    weight: weights[i] ?? 0,
    scale: ASPECT_SCALE,
  }));
}

export const IPP_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'ipp-2017',
    framework: 'IPP',
    name: 'Evaluasi Pelayanan Publik (PermenPAN-RB 17/2017)',
    // PermenPAN-RB 17/2017: no IPP method before 2017.
    fromYear: 2017,
    untilYear: 2021,
    // The category table starts at 0 (F, Gagal), so the scale does too.
    scale: { min: 0, max: 5 },
    precision: 2,
    bands: CATEGORIES,
    componentKind: 'aspect',
    // Weights under 17/2017 are unconfirmed.
    components: aspects([30, 18, 15, 15, 15, 7]),
    series: 'ipp-2017',
    // How units combined into a government's index under 17/2017 is not published.
    aggregation: { rule: 'UNPUBLISHED' },
    outline: null,
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    confirmed: false,
    source: 'PermenPAN-RB 17/2017; weights and categories unconfirmed',
  },
  {
    id: 'ipp-2022',
    framework: 'IPP',
    name: 'Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik (PEKPPP)',
    fromYear: 2022,
    untilYear: null,
    scale: { min: 0, max: 5 },
    precision: 2,
    bands: CATEGORIES,
    componentKind: 'aspect',
    // PermenPAN-RB 29/2022 amended by 4/2023; weights from the PEKPPP instrument 2024-2025.
    components: aspects([24, 25, 18, 11, 10, 12]),
    series: 'pekppp-2022',
    aggregation: {
      rule: 'MEAN',
      rounding: 'HALF_UP',
      confirmed: false,
      // The mean of unrounded units: rounded first, 4.73, 4.63 and 4.63 would give 4.66.
      source:
        'Kota Madiun 2024: units 4.73, 4.63, 4.63, published 4.67 (KepmenPAN-RB 659/2024; lokus Dinas Sosial, RSUD, Disdukcapil)',
    },
    outline: null,
    lokusPlans: [
      {
        years: [2024],
        groups: ['PROVINCE'],
        units: [
          'Dinas Sosial',
          'Rumah Sakit Umum Daerah (RSUD)',
          'Samsat / Badan Pendapatan Daerah',
        ],
        count: { min: 3, max: 3 },
        confirmed: false,
        source:
          'IPP 2024 results announced 31 December 2024: provincial lokus Dinas Sosial, RSUD and Samsat/Bapenda, not Disdukcapil (jatimpedia.io; ../shared/domain/bands.md)',
      },
      {
        years: [2024],
        groups: ['REGENCY', 'CITY'],
        units: [
          'Dinas Sosial',
          'Rumah Sakit Umum Daerah (RSUD)',
          'Dinas Kependudukan dan Pencatatan Sipil',
        ],
        count: { min: 3, max: 3 },
        // One city's published units; that every kabupaten and kota had the same is a reading.
        confirmed: false,
        source:
          'Kota Madiun 2024: Dinas Sosial 4.73, RSUD 4.63, Disdukcapil 4.63 (KepmenPAN-RB 659/2024)',
      },
    ],
    findings: null,
    totalFactor: 1,
    confirmed: false,
    source:
      'PermenPAN-RB 29/2022 and 4/2023, Pedoman MenPAN-RB 1/2022 and 5/2023; categories unconfirmed',
  },
];
