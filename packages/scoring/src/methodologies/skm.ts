import type { Band, Component, Methodology } from '../types.js';

const ANSWER_SCALE = { min: 1, max: 4 } as const;

/** The nine unsur of PermenPAN-RB 14/2017, in the order of the questionnaire. */
const ELEMENTS: readonly Component[] = [
  ['persyaratan', 'Persyaratan'],
  ['prosedur', 'Sistem, Mekanisme dan Prosedur'],
  ['waktu', 'Waktu Penyelesaian'],
  ['biaya', 'Biaya/Tarif'],
  ['produk', 'Produk Spesifikasi Jenis Pelayanan'],
  ['kompetensi', 'Kompetensi Pelaksana'],
  ['perilaku', 'Perilaku Pelaksana'],
  ['pengaduan', 'Penanganan Pengaduan, Saran dan Masukan'],
  ['sarpras', 'Sarana dan Prasarana'],
].map(([key = '', name = '']) => ({ key, name, weight: 1, scale: ANSWER_SCALE }));

/**
 * Mutu pelayanan on the converted 25-100 scale, as published (two decimals). The annex's IKM
 * ranges on the 1-4 scale (3.5324, 3.0644, 2.60 ...) are exactly these bounds divided by 25.
 * Source: PermenPAN-RB 14/2017 annex, as applied in published unit reports.
 */
const MUTU_PELAYANAN: readonly Band[] = [
  { grade: 'D', label: 'Tidak Baik', zone: null, min: 25, max: 64.99 },
  { grade: 'C', label: 'Kurang Baik', zone: null, min: 65, max: 76.6 },
  { grade: 'B', label: 'Baik', zone: null, min: 76.61, max: 88.3 },
  { grade: 'A', label: 'Sangat Baik', zone: null, min: 88.31, max: 100 },
];

export const SKM_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'skm-2017',
    framework: 'SKM',
    name: 'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017)',
    // PermenPAN-RB 14/2017 replaced KepmenPAN 25/2004 (14 elements), which Mutu does not model.
    fromYear: 2017,
    untilYear: null,
    scale: { min: 25, max: 100 },
    // 9 x 1 x 0.111 x 25 = 24.975: a unit weighing by the annex's 0.111 publishes 24.98 at worst.
    reach: { min: 24.98, max: 100 },
    precision: 2,
    bands: MUTU_PELAYANAN,
    componentKind: 'element',
    // Each element weighs 1/9 (the annex rounds this to 0.111); IKM x 25 is the converted value.
    components: ELEMENTS,
    series: 'skm-2017',
    // A survey scores one service unit.
    aggregation: { rule: 'WHOLE' },
    outline: null,
    lokusPlans: [],
    findings: null,
    totalFactor: 25,
    confirmed: true,
    source: 'PermenPAN-RB 14/2017',
  },
];
