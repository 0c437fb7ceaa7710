import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma, sqlQueryCount } from '../src/db.js';
import { published } from '../src/results/published.js';
import { seedDemoData } from '../src/seed/demo-data.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

const RESULTS = `query($r: [_Any!]!, $f: Framework!) { _entities(representations: $r) { ... on Organisation { id
  results(framework: $f) { cycle { id year framework } score origin band { grade label zone } change { previousYear previousScore delta comparable } } } } }`;

async function resultsOf(id: string, framework: string) {
  const { data, errors } = await graphql<{
    _entities: { results: Record<string, unknown>[] }[];
  }>(subgraph.url, RESULTS, { r: [{ __typename: 'Organisation', id }], f: framework });
  expect(errors).toBeUndefined();
  return data?._entities[0]?.results ?? [];
}

describe('results (graph contract)', () => {
  it("Kerinci's IPP: 3.66 (B, Baik) in 2024, up 2.54 from 1.12 (E) in 2023, newest first", async () => {
    expect(await resultsOf('15.01', 'IPP')).toEqual([
      {
        cycle: { id: 'ipp-2024', year: 2024, framework: 'IPP' },
        score: 3.66,
        origin: 'PUBLISHED_TOTAL',
        band: { grade: 'B', label: 'Baik', zone: null },
        change: { previousYear: 2023, previousScore: 1.12, delta: 2.54, comparable: true },
      },
      {
        cycle: { id: 'ipp-2023', year: 2023, framework: 'IPP' },
        score: 1.12,
        origin: 'PUBLISHED_TOTAL',
        band: { grade: 'E', label: 'Sangat Buruk', zone: null },
        change: null,
      },
    ]);
  });

  it('Pemprov Kalimantan Tengah: 77.5 (C, yellow) in 2022, 86.6 (B) in 2023, 90.50 (A) in 2024, one method', async () => {
    const results = await resultsOf('62', 'OMBUDSMAN_COMPLIANCE');
    expect(results.map((r) => [r.score, r.band, r.change])).toEqual([
      [
        90.5,
        { grade: 'A', label: 'Kualitas Tertinggi', zone: 'GREEN' },
        { previousYear: 2023, previousScore: 86.6, delta: 3.9, comparable: true },
      ],
      [
        86.6,
        { grade: 'B', label: 'Kualitas Tinggi', zone: 'GREEN' },
        { previousYear: 2022, previousScore: 77.5, delta: 9.1, comparable: true },
      ],
      [77.5, { grade: 'C', label: 'Kualitas Sedang', zone: 'YELLOW' }, null],
    ]);
  });

  it('Kota Bengkulu 2021 -> 2023 crosses a change of method: flagged, with no delta', async () => {
    const { data } = await graphql<{
      _entities: { results: { score: number; change: Record<string, unknown> | null }[] }[];
    }>(
      subgraph.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation {
        results(framework: OMBUDSMAN_COMPLIANCE) { score band { grade label zone } change { previousYear delta comparable methodologyBreak } } } } }`,
      { r: [{ __typename: 'Organisation', id: '17.71' }] },
    );
    const [y2024, y2023, y2021] = data?._entities[0]?.results ?? [];
    expect(y2024).toMatchObject({ score: 90.74, change: { delta: 6.54, comparable: true } });
    expect(y2023?.change).toMatchObject({ previousYear: 2021, delta: null, comparable: false });
    expect(y2023?.change?.methodologyBreak).toMatch(/^ombudsman-2021 .* -> ombudsman-2022 /);
    // 89.05 in 2021 is a zone only: green, no grade.
    expect(y2021).toMatchObject({
      score: 89.05,
      band: { grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN' },
      change: null,
    });
  });

  it('Luwu Utara 2019 -> 2021 crosses the end of the product surveys: 96.73 and 85.89, both green, no delta', async () => {
    const { data } = await graphql<{
      _entities: { results: { score: number; change: Record<string, unknown> | null }[] }[];
    }>(
      subgraph.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation {
        results(framework: OMBUDSMAN_COMPLIANCE) { score band { zone } change { previousYear delta comparable methodologyBreak } } } } }`,
      { r: [{ __typename: 'Organisation', id: '73.22' }] },
    );
    const [y2021, y2019] = data?._entities[0]?.results ?? [];
    expect(y2021).toMatchObject({
      score: 85.89,
      band: { zone: 'GREEN' },
      change: { previousYear: 2019, delta: null, comparable: false },
    });
    expect(y2021?.change?.methodologyBreak).toMatch(/^ombudsman-2013 .* -> ombudsman-2021 /);
    expect(y2019).toMatchObject({ score: 96.73, band: { zone: 'GREEN' }, change: null });
  });

  it('cycles carry the day their results were announced and the lokus their governments sampled', async () => {
    const { data, errors } = await graphql<{ cycle: Record<string, unknown> }>(
      subgraph.url,
      `{ cycle(id: "ipp-2024") { announcedOn lokusPlans { groups units minUnits maxUnits confirmed source } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.cycle.announcedOn).toBe('2024-12-31');
    expect(data?.cycle.lokusPlans).toEqual([
      expect.objectContaining({
        groups: ['PROVINCE'],
        units: [
          'Dinas Sosial',
          'Rumah Sakit Umum Daerah (RSUD)',
          'Samsat / Badan Pendapatan Daerah',
        ],
        minUnits: 3,
        maxUnits: 3,
        confirmed: false,
      }),
      expect.objectContaining({
        groups: ['REGENCY', 'CITY'],
        source: expect.stringContaining('Kota Madiun'),
      }),
    ]);
    const y2021 = await graphql<{ cycle: { announcedOn: string; lokusPlans: unknown[] } }>(
      subgraph.url,
      `{ cycle(id: "ombudsman-compliance-2021") { announcedOn lokusPlans { minUnits maxUnits units } } }`,
    );
    expect(y2021.data?.cycle).toEqual({
      announcedOn: '2021-12-29',
      lokusPlans: [{ minUnits: 4, maxUnits: 5, units: ['Dinas Pendidikan', 'Puskesmas'] }],
    });
  });

  it('a comparison asked across a change of method is a typed error naming the argument, never a delta', async () => {
    const compare = (from: number, to: number, id = '17.71') =>
      graphql(
        subgraph.url,
        `{ resultComparison(framework: OMBUDSMAN_COMPLIANCE, organisationId: "${id}", fromYear: ${from}, toYear: ${to}) { delta } }`,
      );
    const across = await compare(2021, 2024);
    expect(across.data).toEqual({ resultComparison: null });
    expect(across.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'fromYear',
    });
    expect(across.errors?.[0]?.message).toMatch(/a change of method/);
    expect((await compare(2023, 2024)).data).toEqual({ resultComparison: { delta: 6.54 } });
    const noMethod = await compare(2020, 2021);
    expect(noMethod.errors?.[0]?.extensions).toMatchObject({ argument: 'fromYear' });
    expect(noMethod.errors?.[0]?.message).toMatch(
      /No OMBUDSMAN_COMPLIANCE method applies to year 2020/,
    );
  });

  it('results of many organisations cost the same SQL as of one', async () => {
    const count = async (ids: string[]) => {
      const before = sqlQueryCount();
      await graphql(subgraph.url, RESULTS, {
        r: ids.map((id) => ({ __typename: 'Organisation', id })),
        f: 'OMBUDSMAN_COMPLIANCE',
      });
      return sqlQueryCount() - before;
    };
    const one = await count(['15.01']);
    const many = await count(['15.01', '15', '17', '17.01', '17.71', '62', '64', '64.07', '64.08']);
    expect(many).toBe(one);
  });
});

describe('ranking by official peer group', () => {
  const RANKING = (args: string) =>
    `{ ranking(framework: OMBUDSMAN_COMPLIANCE, year: 2024, ${args}) { rank group organisation { id } score band { grade } } }`;

  it('the kabupaten of Bengkulu in 2024: Kaur first, Bengkulu Selatan second; the kota apart', async () => {
    const { data, errors } = await graphql<{
      ranking: { rank: number; group: string; organisation: { id: string }; score: number }[];
    }>(subgraph.url, RANKING('provinceCode: "17"'));
    expect(errors).toBeUndefined();
    expect(data?.ranking.map((e) => [e.rank, e.organisation.id, e.score])).toEqual([
      [1, '17.04', 96.14],
      [2, '17.01', 95.57],
      [3, '17.07', 93.76],
      [4, '17.02', 93.07],
      [5, '17.08', 92.72],
      [6, '17.09', 91.33],
      [7, '17.05', 89.1],
      [8, '17.03', 88.34],
    ]);
    expect(new Set(data?.ranking.map((e) => e.group))).toEqual(new Set(['REGENCY']));
    const cities = await graphql<{ ranking: { group: string; organisation: { id: string } }[] }>(
      subgraph.url,
      RANKING('provinceCode: "17", group: CITY'),
    );
    expect(cities.data?.ranking).toEqual([
      { rank: 1, group: 'CITY', organisation: { id: '17.71' }, score: 90.74, band: { grade: 'A' } },
    ]);
  });

  it("ranks an organisation among its own group by default: Kota Balikpapan with Kalimantan Timur's kota", async () => {
    const { data } = await graphql<{ ranking: { group: string; organisation: { id: string } }[] }>(
      subgraph.url,
      RANKING('provinceCode: "64", organisationId: "64.71"'),
    );
    expect(data?.ranking.map((e) => [e.group, e.organisation.id])).toEqual([
      ['CITY', '64.71'],
      ['CITY', '64.72'],
    ]);
    const regencies = await graphql<{ ranking: { organisation: { id: string }; rank: number }[] }>(
      subgraph.url,
      RANKING('provinceCode: "64"'),
    );
    expect(regencies.data?.ranking.map((e) => [e.rank, e.organisation.id])).toEqual([
      [1, '64.02'],
      [2, '64.07'],
      [3, '64.08'],
    ]);
  });

  it('provinces are a group of their own; ties share a rank (IPP 2024: DKI Jakarta and Jawa Tengah both 6th at 4.53)', async () => {
    const { data } = await graphql<{
      ranking: { rank: number; organisation: { id: string }; score: number }[];
    }>(
      subgraph.url,
      '{ ranking(framework: IPP, year: 2024, group: PROVINCE) { rank organisation { id } score } }',
    );
    expect(data?.ranking).toEqual([
      { rank: 1, organisation: { id: '32' }, score: 4.76 },
      { rank: 2, organisation: { id: '35' }, score: 4.63 },
      { rank: 3, organisation: { id: '34' }, score: 4.62 },
      { rank: 4, organisation: { id: '16' }, score: 4.6 },
      { rank: 5, organisation: { id: '63' }, score: 4.56 },
      { rank: 6, organisation: { id: '31' }, score: 4.53 },
      { rank: 6, organisation: { id: '33' }, score: 4.53 },
    ]);
  });

  it('a ranking is one SQL statement, whatever its size, and none once kept', async () => {
    for (const query of [
      RANKING('provinceCode: "17"'),
      '{ ranking(framework: IPP, year: 2024, group: PROVINCE) { rank band { grade } organisation { id } } }',
    ]) {
      await published().changed();
      const before = sqlQueryCount();
      const first = await graphql(subgraph.url, query);
      expect(sqlQueryCount() - before).toBe(1);
      const again = sqlQueryCount();
      expect(await graphql(subgraph.url, query)).toEqual(first);
      expect(sqlQueryCount() - again).toBe(0);
    }
  });

  it('an empty table is an empty list; malformed arguments are BAD_USER_INPUT naming them', async () => {
    expect(
      (await graphql(subgraph.url, '{ ranking(framework: SPBE, year: 2024) { rank } }')).data,
    ).toEqual({ ranking: [] });
    const badProvince = await graphql(
      subgraph.url,
      '{ ranking(framework: IPP, year: 2024, provinceCode: "Kaltim") { rank } }',
    );
    expect(badProvince.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'provinceCode',
    });
    const badYear = await graphql(subgraph.url, '{ ranking(framework: IPP, year: 24) { rank } }');
    expect(badYear.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'year',
    });
    const unranked = await graphql(
      subgraph.url,
      '{ ranking(framework: IPP, year: 2024, organisationId: "64.08") { rank } }',
    );
    expect(unranked.errors?.[0]?.extensions).toMatchObject({ argument: 'organisationId' });
  });
});

describe('lokus, combined by the rule of their year', () => {
  const LOKUS = (
    id: string,
  ) => `{ assessment(id: "${id}") { score origin finding band { grade label opinion finding }
      methodology lokus { unit { id } score band { grade } components { component } } } }`;

  it('Kota Bengkulu 2024: seven published unit scores, their mean 90.7457 truncated to the published 90.74', async () => {
    const { data, errors } = await graphql<{
      assessment: {
        score: number;
        origin: string;
        lokus: { unit: { id: string }; score: number; components: unknown[] }[];
      };
    }>(subgraph.url, LOKUS('ombudsman-compliance-2024.17.71'));
    expect(errors).toBeUndefined();
    const a = data?.assessment;
    expect(a).toMatchObject({ score: 90.74, origin: 'COMPUTED', methodology: 'ombudsman-2024' });
    expect(a?.lokus.map((l) => [l.unit.id, l.score])).toEqual([
      ['17.71.dinas-pendidikan-dan-kebudayaan', 86.49],
      ['17.71.dinas-kesehatan', 88.74],
      ['17.71.dinas-sosial', 90.28],
      ['17.71.dinas-kesehatan.puskesmas-beringin-raya', 91.4],
      ['17.71.dpmptsp', 91.4],
      ['17.71.dukcapil', 93.34],
      ['17.71.dinas-kesehatan.puskesmas-kandang', 93.57],
    ]);
    // Published totals, without components.
    expect(a?.lokus.every((l) => l.components.length === 0)).toBe(true);
  });

  it('Pemprov Gorontalo 2025: three units, their mean 76.8167 rounded to 76.82, "Kualitas Sedang Tanpa Maladministrasi"', async () => {
    const { data } = await graphql<{ assessment: Record<string, unknown> }>(
      subgraph.url,
      LOKUS('ombudsman-compliance-2025.75'),
    );
    expect(data?.assessment).toMatchObject({
      score: 76.82,
      finding: 'TANPA_MALADMINISTRASI',
      methodology: 'ombudsman-2025',
      band: {
        grade: 'C',
        label: 'Kualitas Sedang',
        finding: 'TANPA_MALADMINISTRASI',
        opinion: 'Kualitas Sedang Tanpa Maladministrasi',
      },
    });
  });
});

describe('demo data', () => {
  it('seeding again creates nothing', async () => {
    expect(await seedDemoData(prisma())).toEqual({ created: 0 });
  });

  it('cycles carry the methodology in force that year', async () => {
    const { data } = await graphql<{ cycles: { id: string; methodology: { id: string } }[] }>(
      subgraph.url,
      '{ cycles(framework: OMBUDSMAN_COMPLIANCE) { id methodology { id series aggregation { rule rounding } } } }',
    );
    expect(data?.cycles).toEqual([
      {
        id: 'ombudsman-compliance-2025',
        methodology: {
          id: 'ombudsman-2025',
          series: 'ombudsman-maladministrasi-2025',
          aggregation: { rule: 'MEAN', rounding: 'HALF_UP' },
        },
      },
      {
        id: 'ombudsman-compliance-2024',
        methodology: {
          id: 'ombudsman-2024',
          series: 'ombudsman-opini-2022',
          aggregation: { rule: 'MEAN', rounding: 'TRUNCATE' },
        },
      },
      {
        id: 'ombudsman-compliance-2023',
        methodology: {
          id: 'ombudsman-2022',
          series: 'ombudsman-opini-2022',
          aggregation: { rule: 'MEAN', rounding: 'HALF_UP' },
        },
      },
      {
        id: 'ombudsman-compliance-2022',
        methodology: {
          id: 'ombudsman-2022',
          series: 'ombudsman-opini-2022',
          aggregation: { rule: 'MEAN', rounding: 'HALF_UP' },
        },
      },
      {
        id: 'ombudsman-compliance-2021',
        methodology: {
          id: 'ombudsman-2021',
          series: 'ombudsman-kepatuhan-2021',
          aggregation: { rule: 'UNPUBLISHED', rounding: null },
        },
      },
      {
        id: 'ombudsman-compliance-2019',
        methodology: {
          id: 'ombudsman-2013',
          series: 'ombudsman-survei-2013',
          aggregation: { rule: 'UNPUBLISHED', rounding: null },
        },
      },
    ]);
  });
});
