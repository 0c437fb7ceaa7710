/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where an assessment cycle stands. */
export type CycleStatus =
  /** No new assessments; verification under way. */
  | 'CLOSED'
  /** Assessments are being recorded and scored. */
  | 'OPEN'
  /** Announced; assessments not yet recorded. */
  | 'PLANNED'
  /** Results are public. */
  | 'PUBLISHED';

/** What kind of gathering an event was. */
export type EventKind =
  /** Bimbingan teknis: hands-on technical training. */
  | 'BIMTEK'
  /** Penganugerahan: an award ceremony. */
  | 'PENGANUGERAHAN'
  /** Rapat koordinasi: a coordination meeting. */
  | 'RAKOR'
  /** Sosialisasi: a briefing that introduces a rule or programme. */
  | 'SOSIALISASI'
  /** Workshop pendampingan: a mentoring workshop, e.g. before a compliance assessment. */
  | 'WORKSHOP_PENDAMPINGAN';

/** What an assessing office asks of the organisation that must act. */
export type FindingKind =
  /** Temuan: a shortfall found against the standard. */
  | 'FINDING'
  /** Rekomendasi: a formal recommendation, binding to follow up. */
  | 'REKOMENDASI'
  /** Saran perbaikan: improvement advice. */
  | 'SARAN_PERBAIKAN'
  /** Tindakan korektif: a corrective action the Ombudsman requires. */
  | 'TINDAKAN_KOREKTIF';

/** Where the tindak lanjut (follow-up) of a finding stands: the unit plans, works and completes it; the assessing office verifies or reopens it. */
export type FindingStatus =
  /** The unit reports it done; the assessing office has yet to verify it. */
  | 'DONE'
  /** The follow-up is under way. */
  | 'IN_PROGRESS'
  /** Recorded; no follow-up yet. */
  | 'OPEN'
  /** The unit has planned its follow-up. */
  | 'PLANNED'
  /** The assessing office found it not done; back with the unit. */
  | 'REOPENED'
  /** The assessing office verified it: the finding is closed. */
  | 'VERIFIED';

/** An assessment framework Mutu records. */
export type Framework =
  /** Indeks Pelayanan Publik by KemenPAN-RB, 0-5, categories A to F: PermenPAN-RB 17/2017 to 2021, PEKPPP (PermenPAN-RB 29/2022) from 2022. */
  | 'IPP'
  /** Ombudsman RI's assessment of public service providers, 0-100: product surveys with zones 2013-2019, zones in 2021 (none in 2020), opinion grades A-E 2022-2024 (Penilaian Kepatuhan), and from 2025 the Penilaian Maladministrasi, whose Opini Ombudsman adds a maladministration finding to the grade. */
  | 'OMBUDSMAN_COMPLIANCE'
  /** Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): the converted IKM, 25-100, mutu pelayanan A to D. */
  | 'SKM'
  /** Indeks SPBE (e-government maturity), predikat only: PermenPAN-RB 5/2018 for 2018-2019, 59/2020 from 2020. */
  | 'SPBE';

/** Where a Mal Pelayanan Publik stands. */
export type MallStatus =
  /** No longer serving citizens. */
  | 'CLOSED'
  /** Being prepared; not yet serving citizens. */
  | 'IN_PREPARATION'
  /** Serving citizens. */
  | 'OPEN';

/** What kind of body an organisation is. */
export type OrganisationKind =
  /** A city government (Pemerintah Kota). */
  | 'CITY_GOVERNMENT'
  /** A national ministry (kementerian) or agency (lembaga), e.g. KemenPAN-RB. */
  | 'NATIONAL_AGENCY'
  /** Ombudsman RI or one of its provincial offices (Perwakilan). */
  | 'OMBUDSMAN_OFFICE'
  /** Organisasi Perangkat Daerah: a regional government's department or agency (dinas, badan, bagian of the Setda). */
  | 'OPD'
  /** A provincial government (Pemerintah Provinsi). */
  | 'PROVINCIAL_GOVERNMENT'
  /** Mal Pelayanan Publik (MPP): one building where many agencies serve citizens (Perpres 89/2021). */
  | 'PUBLIC_SERVICE_MALL'
  /** A regency government (Pemerintah Kabupaten). */
  | 'REGENCY_GOVERNMENT'
  /** A unit that serves citizens directly: puskesmas, UPT, sekolah, RSUD. */
  | 'SERVICE_UNIT';

/** Whether a second-level region is a kabupaten (regency) or a kota (city). */
export type RegencyKind =
  /** Kabupaten: a regency, headed by a bupati. */
  | 'KABUPATEN'
  /** Kota: a city, headed by a wali kota. */
  | 'KOTA';

/** The Ombudsman compliance method's traffic-light zone. */
export type Zone =
  /** Zona hijau: high compliance. */
  | 'GREEN'
  /** Zona merah: low compliance. */
  | 'RED'
  /** Zona kuning: medium compliance. */
  | 'YELLOW';

export type CycleProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type CycleProgressQuery = { cycle: { id: string, framework: Framework, year: number, period: string | null, status: CycleStatus, progress: { all: { provinceCode: string | null, assessments: number, draft: number, submitted: number, verified: number, published: number, province: { name: string } | null, lokus: { total: number, accepted: number } }, byProvince: Array<{ provinceCode: string | null, assessments: number, draft: number, submitted: number, verified: number, published: number, province: { name: string } | null, lokus: { total: number, accepted: number } }> } } | null };

export type WorkFragment = { provinceCode: string | null, assessments: number, draft: number, submitted: number, verified: number, published: number, province: { name: string } | null, lokus: { total: number, accepted: number } };

export type CyclesQueryVariables = Exact<{
  framework?: Framework | null | undefined;
}>;


export type CyclesQuery = { cycles: Array<{ id: string, framework: Framework, year: number, period: string | null, status: CycleStatus }> };

export type RaporLinkQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type RaporLinkQuery = { raporFile: { path: string, filename: string } };

export type ProvinceFilesQueryVariables = Exact<{
  provinceCode: string;
  framework: Framework;
  year: number;
}>;


export type ProvinceFilesQuery = { provinceRaporFile: { path: string, filename: string }, xlsx: { path: string, filename: string } };

export type WorklistFilesQueryVariables = Exact<{
  cycleId: string | number;
}>;


export type WorklistFilesQuery = { xlsx: { path: string, filename: string }, csv: { path: string, filename: string } };

export type GovernmentQueryVariables = Exact<{
  id: string | number;
}>;


export type GovernmentQuery = { organisation: { id: string, name: string, kind: OrganisationKind, regency: { code: string, name: string, province: { code: string, name: string } } | null, province: { code: string, name: string } | null, compliance: Array<{ score: number, cycle: { year: number, framework: Framework }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string, methodologyName: string }, change: { previousYear: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null, assessment: { id: string, source: string } }> | null, ipp: Array<{ score: number, cycle: { year: number, framework: Framework }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string, methodologyName: string }, change: { previousYear: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null, assessment: { id: string, source: string } }> | null, skm: Array<{ score: number, cycle: { year: number, framework: Framework }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string, methodologyName: string }, change: { previousYear: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null, assessment: { id: string, source: string } }> | null, findings: Array<{ id: string, kind: FindingKind, text: string, indicator: string | null, dueOn: string, status: FindingStatus, overdue: boolean, lokusUnit: { name: string } | null }>, awards: Array<{ id: string, title: string, awardedOn: string, cycle: { year: number, framework: Framework } | null }> | null, agreements: Array<{ id: string, title: string, signedOn: string, validUntil: string | null, parties: Array<{ name: string }> }> | null, events: Array<{ id: string, title: string, kind: EventKind, startsOn: string, venue: string | null }> | null } | null };

export type ResultPointFragment = { score: number, cycle: { year: number, framework: Framework }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string, methodologyName: string }, change: { previousYear: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null, assessment: { id: string, source: string } };

export type AssessmentLokusQueryVariables = Exact<{
  id: string | number;
}>;


export type AssessmentLokusQuery = { assessment: { id: string, lokus: Array<{ id: string, score: number | null, unit: { id: string, name: string }, band: { grade: string | null, label: string, zone: Zone | null } | null, indicators: Array<{ score: number, indicator: { key: string, name: string, minLevel: number, maxLevel: number } }> }> | null } | null };

export type NationalMapQueryVariables = Exact<{
  framework: Framework;
  year: number;
}>;


export type NationalMapQuery = { provinces: Array<{ code: string, name: string }>, provincial: Array<{ rank: number, score: number, organisation: { id: string, name: string, province: { code: string } | null }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } }> };

export type NationalLeagueQueryVariables = Exact<{
  framework: Framework;
  year: number;
}>;


export type NationalLeagueQuery = { regencies: Array<{ rank: number, score: number, organisation: { id: string, name: string }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } }>, cities: Array<{ rank: number, score: number, organisation: { id: string, name: string }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } }> };

export type RankRowFragment = { rank: number, score: number, organisation: { id: string, name: string }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } };

export type ProvinceQueryVariables = Exact<{
  code: string;
  framework: Framework;
  year: number;
}>;


export type ProvinceQuery = { province: { code: string, name: string, government: { id: string, name: string } | null, regencies: Array<{ code: string, name: string, kind: RegencyKind, government: { id: string, name: string } | null }> } | null, regencies: Array<{ rank: number, score: number, organisation: { id: string, name: string, regency: { code: string } | null, results: Array<{ cycle: { year: number }, change: { previousYear: number, previousScore: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null }> | null }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } }>, cities: Array<{ rank: number, score: number, organisation: { id: string, name: string, regency: { code: string } | null, results: Array<{ cycle: { year: number }, change: { previousYear: number, previousScore: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null }> | null }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } }>, publicServiceMalls: Array<{ id: string, name: string, status: MallStatus, openedOn: string | null, serviceCount: number | null, regency: { code: string, name: string } | null }>, expiringAgreements: Array<{ id: string, title: string, validUntil: string | null, daysLeft: number | null, parties: Array<{ name: string }> }> };

export type ProvinceRankFragment = { rank: number, score: number, organisation: { id: string, name: string, regency: { code: string } | null, results: Array<{ cycle: { year: number }, change: { previousYear: number, previousScore: number, delta: number | null, comparable: boolean, methodologyBreak: string | null } | null }> | null }, band: { grade: string | null, label: string, zone: Zone | null, methodology: string } };

export const WorkFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Work"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessments"}},{"kind":"Field","name":{"kind":"Name","value":"draft"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"lokus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}}]} as unknown as DocumentNode<WorkFragment, unknown>;
export const ResultPointFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResultPoint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Result"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}}]}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"band"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"}},{"kind":"Field","name":{"kind":"Name","value":"methodologyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousYear"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"comparable"}},{"kind":"Field","name":{"kind":"Name","value":"methodologyBreak"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<ResultPointFragment, unknown>;
export const RankRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankingEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"band"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"}}]}}]}}]} as unknown as DocumentNode<RankRowFragment, unknown>;
export const ProvinceRankFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProvinceRank"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankingEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"framework"},"value":{"kind":"Variable","name":{"kind":"Name","value":"framework"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousYear"}},{"kind":"Field","name":{"kind":"Name","value":"previousScore"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"comparable"}},{"kind":"Field","name":{"kind":"Name","value":"methodologyBreak"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"band"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"zone"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"}}]}}]}}]} as unknown as DocumentNode<ProvinceRankFragment, unknown>;
export const CycleProgressDocument = {"__meta__":{"hash":"sha256:bb3664bf80303f893ad37ebb28a3271ec41f58e0f26109dc3e01f3ad55241943"}} as unknown as DocumentNode<CycleProgressQuery, CycleProgressQueryVariables>;
export const CyclesDocument = {"__meta__":{"hash":"sha256:8119f843fa0da75bbbea9c2b48da802d07e429441b23d103e3e763214b713315"}} as unknown as DocumentNode<CyclesQuery, CyclesQueryVariables>;
export const RaporLinkDocument = {"__meta__":{"hash":"sha256:00d75edc98fc0a6366aaa37495492e22061804d73c97a7074b684f5afe6a30c0"}} as unknown as DocumentNode<RaporLinkQuery, RaporLinkQueryVariables>;
export const ProvinceFilesDocument = {"__meta__":{"hash":"sha256:e10832d394c82763cd78fd6a6c57084487836b2484ad4ff7f14f33c71e042a96"}} as unknown as DocumentNode<ProvinceFilesQuery, ProvinceFilesQueryVariables>;
export const WorklistFilesDocument = {"__meta__":{"hash":"sha256:81edf5ae5469df7e6ff2eb84cd7eb416e48d8c72f6468a7f107675ddea4a6ff7"}} as unknown as DocumentNode<WorklistFilesQuery, WorklistFilesQueryVariables>;
export const GovernmentDocument = {"__meta__":{"hash":"sha256:914e351c49a0ebbb2b06afaf3ff4acd10321de5278acfd3b8c1c3cea81d44fa4"}} as unknown as DocumentNode<GovernmentQuery, GovernmentQueryVariables>;
export const AssessmentLokusDocument = {"__meta__":{"hash":"sha256:67071e800b4f127d4c660a8d7e21da6f8c474939f1c2f103c8ab477d11af3f27"}} as unknown as DocumentNode<AssessmentLokusQuery, AssessmentLokusQueryVariables>;
export const NationalMapDocument = {"__meta__":{"hash":"sha256:863bf6cb221794f07f3d857fa9b0a8c13d188ea66cedb2b8d05e7fa6210fa47f"}} as unknown as DocumentNode<NationalMapQuery, NationalMapQueryVariables>;
export const NationalLeagueDocument = {"__meta__":{"hash":"sha256:a26e72824f17907fdcec8faae2d48aaa3ec18dc6dca21a32bfef667e2aad7473"}} as unknown as DocumentNode<NationalLeagueQuery, NationalLeagueQueryVariables>;
export const ProvinceDocument = {"__meta__":{"hash":"sha256:8a0951ec0bad874b8f5a4a364c29e9a9fb8e70b1856834ac20b59474931116fe"}} as unknown as DocumentNode<ProvinceQuery, ProvinceQueryVariables>;