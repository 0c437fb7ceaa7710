/**
 * The official peer groups of league tables: the Ombudsman and KemenPAN-RB rank pemerintah
 * kabupaten and pemerintah kota apart ("kategori Kota" for Kota Madiun), and provinces,
 * ministries and agencies each apart (../shared/domain/bands.md, corrections of December 2026;
 * the Ombudsman's 2025 round: 38 kementerian, 8 lembaga, 38 provinsi, 56 kota, 170 kabupaten).
 */
export const PEER_GROUPS = ['PROVINCE', 'REGENCY', 'CITY', 'MINISTRY', 'AGENCY', 'OTHER'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const PEER_GROUP_DESCRIPTIONS: Readonly<Record<PeerGroup, string>> = {
  PROVINCE: 'Pemerintah provinsi: provincial governments.',
  REGENCY: 'Pemerintah kabupaten: regency governments.',
  CITY: 'Pemerintah kota: city governments, ranked apart from regencies.',
  MINISTRY: 'Kementerian: national ministries.',
  AGENCY: 'Lembaga and badan: national agencies other than ministries.',
  OTHER: 'OPDs and service units, ranked among themselves only where a framework does so.',
};
