// The example's data. A real partner would read its own database. Published values carry their
// source; Kerinci's are synthetic and say so, as no SPBE index of Kerinci was found published.
const KALTENG =
  'KaltengTerkini and EnterKal, 7 January 2026: "pada 2021 Indeks SPBE Kalteng berada pada angka 1,00 ... 2,87 Kategori Baik pada 2024"';

export const RESULTS = [
  ...[
    [2023, 2.41],
    [2024, 2.87],
  ].map(([year, index]) => ({
    organisationId: '15.01',
    year,
    index,
    source:
      'Example partner data (synthetic: no published SPBE index of Kabupaten Kerinci was found)',
    synthetic: true,
  })),
  ...[
    [2021, 1.0],
    [2022, 1.9],
    [2023, 2.75],
    [2024, 2.87],
  ].map(([year, index]) => ({
    organisationId: '62',
    year,
    index,
    source: KALTENG,
    synthetic: false,
  })),
  {
    organisationId: '64.08',
    year: 2023,
    index: 3.2,
    source: 'Sangattaku, May 2024: SPBE 2023 "dengan nilai 3.20", second of ten kabupaten and kota',
    synthetic: false,
  },
  {
    organisationId: '17.71',
    year: 2023,
    index: 2.61,
    source: 'Harian Bengkulu Ekspress, 13 January 2024: "predikat baik dengan nilai 2,61"',
    synthetic: false,
  },
  {
    organisationId: '17.01',
    year: 2023,
    index: 2.45,
    source: 'RMOL Bengkulu, early 2024: "Bengkulu Selatan 2,45"',
    synthetic: false,
  },
];
