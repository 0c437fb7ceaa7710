import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma, sqlQueryCount } from '../src/db.js';
import { seedDemoData } from '../src/demo-data.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

const RESULTS = `query($r: [_Any!]!, $f: Framework!) { _entities(representations: $r) { ... on Organisation { id
  results(framework: $f) { cycle { id year framework } score origin band { grade label zone } change { previousYear previousScore delta } } } } }`;

describe('results (graph contract)', () => {
  it("Kerinci's IPP: 3.66 (B, Baik) in 2024, up 2.54 from 1.12 (E) in 2023, newest first", async () => {
    const { data, errors } = await graphql(subgraph.url, RESULTS, {
      r: [{ __typename: 'Organisation', id: '15.01' }],
      f: 'IPP',
    });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          id: '15.01',
          results: [
            {
              cycle: { id: 'ipp-2024', year: 2024, framework: 'IPP' },
              score: 3.66,
              origin: 'PUBLISHED_TOTAL',
              band: { grade: 'B', label: 'Baik', zone: null },
              change: { previousYear: 2023, previousScore: 1.12, delta: 2.54 },
            },
            {
              cycle: { id: 'ipp-2023', year: 2023, framework: 'IPP' },
              score: 1.12,
              origin: 'PUBLISHED_TOTAL',
              band: { grade: 'E', label: 'Sangat Buruk', zone: null },
              change: null,
            },
          ],
        },
      ],
    });
  });

  it('Pemprov Kalimantan Tengah: Ombudsman 2023 86.6, green zone, Kualitas Tinggi', async () => {
    const { data } = await graphql<{ _entities: { results: unknown[] }[] }>(subgraph.url, RESULTS, {
      r: [{ __typename: 'Organisation', id: '62' }],
      f: 'OMBUDSMAN_COMPLIANCE',
    });
    expect(data?._entities[0]?.results).toEqual([
      {
        cycle: { id: 'ombudsman-compliance-2023', year: 2023, framework: 'OMBUDSMAN_COMPLIANCE' },
        score: 86.6,
        origin: 'PUBLISHED_TOTAL',
        band: { grade: 'B', label: 'Kualitas Tinggi', zone: 'GREEN' },
        change: null,
      },
    ]);
  });

  it('results of many organisations cost the same SQL as of one', async () => {
    const count = async (ids: string[]) => {
      const before = sqlQueryCount();
      await graphql(subgraph.url, RESULTS, {
        r: ids.map((id) => ({ __typename: 'Organisation', id })),
        f: 'IPP',
      });
      return sqlQueryCount() - before;
    };
    const one = await count(['15.01']);
    const many = await count([
      '15.01',
      '64.01',
      '64.02',
      '64.03',
      '64.07',
      '64.08',
      '64.09',
      '64.11',
      '64.71',
      '64.72',
      '64.74',
      '32',
      '35',
    ]);
    expect(many).toBe(one);
  });
});

describe('ranking (graph contract)', () => {
  it('IPP 2024 in Kalimantan Timur: Kutai Timur is 6th of 10, values marked synthetic', async () => {
    const { data, errors } = await graphql<{
      ranking: {
        rank: number;
        organisation: { id: string };
        score: number;
        band: { grade: string };
        assessment: { synthetic: boolean };
      }[];
    }>(
      subgraph.url,
      '{ ranking(framework: IPP, year: 2024, provinceCode: "64") { rank organisation { id } score band { grade label } assessment { synthetic } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.ranking).toHaveLength(10);
    expect(data?.ranking.find((e) => e.organisation.id === '64.08')).toMatchObject({
      rank: 6,
      score: 3.61,
      band: { grade: 'B' },
    });
    expect(data?.ranking.every((e) => e.assessment.synthetic)).toBe(true);
    expect(data?.ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('provincial governments 2024: ties share a rank (DKI Jakarta and Jawa Tengah both 6th at 4.53)', async () => {
    const { data } = await graphql<{
      ranking: { rank: number; organisation: { id: string }; score: number }[];
    }>(
      subgraph.url,
      '{ ranking(framework: IPP, year: 2024, level: PROVINCE) { rank organisation { id } score } }',
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

  it('a ranking is one SQL statement, whatever its size', async () => {
    for (const query of [
      '{ ranking(framework: IPP, year: 2024, provinceCode: "64") { rank band { grade } organisation { id } } }',
      '{ ranking(framework: IPP, year: 2024, level: PROVINCE) { rank band { grade } organisation { id } } }',
    ]) {
      const before = sqlQueryCount();
      await graphql(subgraph.url, query);
      expect(sqlQueryCount() - before).toBe(1);
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
  });
});

describe('lokus', () => {
  it("shows which lokus pulled Bengkulu Selatan's 2024 compliance score down (synthetic)", async () => {
    const { data, errors } = await graphql<{
      assessment: {
        score: number;
        origin: string;
        synthetic: boolean;
        lokus: {
          unit: { id: string };
          score: number;
          band: { grade: string };
          components: { component: string }[];
        }[];
      };
    }>(
      subgraph.url,
      `{ assessment(id: "ombudsman-compliance-2024.17.01") { score origin synthetic
        lokus { unit { id } score band { grade } components { component } } } }`,
    );
    expect(errors).toBeUndefined();
    const a = data?.assessment;
    expect(a).toMatchObject({ score: 86.16, origin: 'COMPUTED', synthetic: true });
    expect(a?.lokus).toHaveLength(7);
    expect(a?.lokus[0]).toMatchObject({
      unit: { id: '17.01.dinas-kesehatan.puskesmas-sulau' },
      score: 79.49,
      band: { grade: 'B' },
    });
    expect(a?.lokus[0]?.components.map((c) => c.component)).toEqual([
      'input',
      'output',
      'pengaduan',
      'proses',
    ]);
    // The government's score is the mean of its lokus (ombudsman-2022 method).
    const mean = (a?.lokus ?? []).reduce((sum, l) => sum + l.score, 0) / 7;
    expect(Math.abs(mean - 86.16)).toBeLessThan(0.01);
  });
});

describe('demo data', () => {
  it('seeding again creates nothing', async () => {
    expect(await seedDemoData(prisma())).toEqual({ created: 0 });
  });

  it('cycles carry the methodology in force that year', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ cycles(framework: OMBUDSMAN_COMPLIANCE) { id status methodology { id confirmed } } }',
    );
    expect(data).toEqual({
      cycles: [
        {
          id: 'ombudsman-compliance-2024',
          status: 'PUBLISHED',
          methodology: { id: 'ombudsman-2022', confirmed: true },
        },
        {
          id: 'ombudsman-compliance-2023',
          status: 'PUBLISHED',
          methodology: { id: 'ombudsman-2022', confirmed: true },
        },
      ],
    });
  });
});
