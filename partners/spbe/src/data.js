// The example's data. A real partner would read its own database; these values are synthetic
// and say so, so nobody takes them for published SPBE results.
const SOURCE = 'Example partner data (synthetic)';

export const RESULTS = [
  { organisationId: '15.01', year: 2023, index: 2.41 },
  { organisationId: '15.01', year: 2024, index: 2.87 },
  { organisationId: '62', year: 2024, index: 3.62 },
  { organisationId: '17.01', year: 2024, index: 2.55 },
  { organisationId: '64.08', year: 2024, index: 3.12 },
].map((r) => ({ ...r, source: SOURCE, synthetic: true }));
