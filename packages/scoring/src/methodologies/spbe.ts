import type { Band, Component, Methodology } from '../types.js';

const DOMAIN_SCALE = { min: 1, max: 5 } as const;

/**
 * Predikat of the Indeks SPBE, seen in public implementations and press (2.61 and 2.93 Baik,
 * 2.55 and 2.59 Cukup, 1.55 Kurang; Pemprov Gorontalo 4.13 "Sangat Baik" in 2024). Every
 * indicator of 59/2020 is scored on a 1-5 maturity scale, so the index cannot fall below 1. The
 * regulation's own table was not seen; the 4.2 bound of Memuaskan is unconfirmed.
 */
const PREDIKAT_2020: readonly Band[] = [
  { grade: null, label: 'Kurang', zone: null, min: 1, max: 1.79 },
  { grade: null, label: 'Cukup', zone: null, min: 1.8, max: 2.59 },
  { grade: null, label: 'Baik', zone: null, min: 2.6, max: 3.49 },
  { grade: null, label: 'Sangat Baik', zone: null, min: 3.5, max: 4.19 },
  { grade: null, label: 'Memuaskan', zone: null, min: 4.2, max: 5 },
];

/**
 * Under PermenPAN-RB 5/2018 the questionnaire starts at level 0, so the index runs 0-5; the
 * "Baik" line at 2.6 is confirmed for 2018 (Okezone, 28 March 2019), the other bounds are the
 * 59/2020 ones, unconfirmed.
 */
const PREDIKAT_2018: readonly Band[] = [
  { grade: null, label: 'Kurang', zone: null, min: 0, max: 1.79 },
  ...PREDIKAT_2020.slice(1),
];

/**
 * Domain weights, PermenPAN-RB 59/2020: layanan 45.5% (aspects 27.5% + 18%, Pemkab Purbalingga's
 * SPBE page, 5 May 2021) and manajemen 16.5% (Pemprov Gorontalo) are seen; kebijakan internal
 * and tata kelola share the remaining 38%, and the 13 / 25 split is unconfirmed.
 */
const DOMAINS_2020: readonly Component[] = [
  { key: 'kebijakan', name: 'Kebijakan Internal SPBE', weight: 13, scale: DOMAIN_SCALE },
  { key: 'tataKelola', name: 'Tata Kelola SPBE', weight: 25, scale: DOMAIN_SCALE },
  { key: 'manajemen', name: 'Manajemen SPBE', weight: 16.5, scale: DOMAIN_SCALE },
  { key: 'layanan', name: 'Layanan SPBE', weight: 45.5, scale: DOMAIN_SCALE },
];

export const SPBE_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'spbe-2018',
    framework: 'SPBE',
    name: 'Evaluasi Sistem Pemerintahan Berbasis Elektronik (PermenPAN-RB 5/2018)',
    fromYear: 2018,
    untilYear: 2019,
    scale: { min: 0, max: 5 },
    precision: 2,
    bands: PREDIKAT_2018,
    componentKind: 'domain',
    // The weights of its domains were not found, so totals only.
    components: null,
    series: 'spbe-2018',
    // An instansi is evaluated as a whole.
    aggregation: { rule: 'WHOLE' },
    outline: {
      domains: ['Kebijakan Internal SPBE', 'Tata Kelola SPBE', 'Layanan SPBE'],
      aspects: 7,
      indicators: 35,
      source:
        "PermenPAN-RB 5/2018 beside 59/2020 in KemenPAN-RB's briefing on KepmenPAN-RB 962/2021 (47 indicators, the 5/2018 ones they overlap)",
    },
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    confirmed: false,
    source: 'PermenPAN-RB 5/2018; predikat ranges other than Baik (2.6) unconfirmed',
  },
  {
    id: 'spbe-2020',
    framework: 'SPBE',
    name: 'Evaluasi Sistem Pemerintahan Berbasis Elektronik (PermenPAN-RB 59/2020)',
    fromYear: 2020,
    untilYear: null,
    scale: { min: 1, max: 5 },
    precision: 2,
    bands: PREDIKAT_2020,
    componentKind: 'domain',
    components: DOMAINS_2020,
    series: 'spbe-2020',
    aggregation: { rule: 'WHOLE' },
    outline: {
      // The weighted domains are the outline's: one list, not two.
      domains: DOMAINS_2020.map((d) => d.name),
      aspects: 8,
      indicators: 47,
      source: 'PermenPAN-RB 59/2020; KepmenPAN-RB 962/2021 (47 indicators)',
    },
    lokusPlans: [],
    findings: null,
    totalFactor: 1,
    confirmed: false,
    source: 'PermenPAN-RB 59/2020; predikat ranges and the kebijakan/tata kelola split unconfirmed',
  },
];
