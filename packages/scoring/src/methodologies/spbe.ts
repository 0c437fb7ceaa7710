import type { Band, Component, Methodology } from '../types.js';

const DOMAIN_SCALE = { min: 1, max: 5 } as const;

/**
 * Predikat of the Indeks SPBE, seen in public implementations and press (2.61 and 2.93 Baik,
 * 2.55 and 2.59 Cukup, 1.55 Kurang). Every indicator is scored on a 1-5 maturity scale, so the
 * index cannot fall below 1.
 */
const PREDIKAT: readonly Band[] = [
  { grade: null, label: 'Kurang', zone: null, min: 1, max: 1.79 },
  { grade: null, label: 'Cukup', zone: null, min: 1.8, max: 2.59 },
  { grade: null, label: 'Baik', zone: null, min: 2.6, max: 3.49 },
  { grade: null, label: 'Sangat Baik', zone: null, min: 3.5, max: 4.19 },
  { grade: null, label: 'Memuaskan', zone: null, min: 4.2, max: 5 },
];

/**
 * Domain weights, PermenPAN-RB 59/2020: tata kelola 25% and layanan 45.5% are confirmed;
 * kebijakan internal and manajemen share 29.5%, and the 13 / 16.5 split is unconfirmed.
 */
const DOMAINS: readonly Component[] = [
  { key: 'kebijakan', name: 'Kebijakan Internal SPBE', weight: 13, scale: DOMAIN_SCALE },
  { key: 'tataKelola', name: 'Tata Kelola SPBE', weight: 25, scale: DOMAIN_SCALE },
  { key: 'manajemen', name: 'Manajemen SPBE', weight: 16.5, scale: DOMAIN_SCALE },
  { key: 'layanan', name: 'Layanan SPBE', weight: 45.5, scale: DOMAIN_SCALE },
];

export const SPBE_METHODOLOGIES: readonly Methodology[] = [
  {
    id: 'spbe-2020',
    framework: 'SPBE',
    name: 'Evaluasi Sistem Pemerintahan Berbasis Elektronik (PermenPAN-RB 59/2020)',
    fromYear: null,
    untilYear: null,
    scale: { min: 1, max: 5 },
    precision: 2,
    bands: PREDIKAT,
    componentKind: 'domain',
    components: DOMAINS,
    // An instansi is evaluated as a whole.
    lokusTotal: null,
    totalFactor: 1,
    confirmed: false,
    source: 'PermenPAN-RB 59/2020; predikat ranges and the kebijakan/manajemen split unconfirmed',
  },
];
