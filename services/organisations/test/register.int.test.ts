import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma, sqlQueryCount } from '../src/db.js';
import { seedReferenceData } from '../src/seed/reference-data.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

type Page = {
  organisations: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

async function ids(filter: Record<string, unknown>, first = 100): Promise<string[]> {
  const { data, errors } = await graphql<Page>(
    subgraph.url,
    'query($f: OrganisationFilter, $n: Int) { organisations(filter: $f, first: $n) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    { f: filter, n: first },
  );
  expect(errors).toBeUndefined();
  return data?.organisations.edges.map((e) => e.node.id) ?? [];
}

describe('the seeded register', () => {
  it('holds every regional government and the bodies public reports name', async () => {
    expect(
      await prisma().organisation.count({
        where: { kind: { in: ['PROVINCIAL_GOVERNMENT', 'REGENCY_GOVERNMENT', 'CITY_GOVERNMENT'] } },
      }),
    ).toBe(552);
    const { data } = await graphql(
      subgraph.url,
      `{ organisation(id: "17.71.dinas-kesehatan.puskesmas-kandang") {
          name kind sector status version provenance { source }
          parent { id shortName } ancestors { id } regency { name } } }`,
    );
    expect(data).toEqual({
      organisation: {
        name: 'Puskesmas Kandang',
        kind: 'SERVICE_UNIT',
        sector: 'KESEHATAN',
        status: 'ACTIVE',
        version: 1,
        provenance: { source: expect.stringContaining('5 PD dan 2 Puskesmas') },
        parent: { id: '17.71.dinas-kesehatan', shortName: 'Dinkes' },
        ancestors: [{ id: '17.71' }, { id: '17.71.dinas-kesehatan' }],
        regency: { name: 'Kota Bengkulu' },
      },
    });
  });

  it('seeding again changes nothing', async () => {
    expect(await seedReferenceData(prisma())).toEqual({ created: 0, updated: 0 });
  });

  it('re-seeding leaves an edited record to its editor', async () => {
    await prisma().organisation.update({
      where: { id: 'kemendagri' },
      data: { shortName: 'Kemdagri', version: 2 },
    });
    expect(await seedReferenceData(prisma())).toEqual({ created: 0, updated: 0 });
    expect(
      (await prisma().organisation.findUnique({ where: { id: 'kemendagri' } }))?.shortName,
    ).toBe('Kemdagri');
  });
});

describe('organisations: filters, search and pages', () => {
  it('filters by kind and regency: the five OPDs of Bengkulu Selatan', async () => {
    expect(await ids({ kind: ['OPD'], regencyCode: '17.01' })).toEqual([
      '17.01.dinas-kesehatan',
      '17.01.dinas-pendidikan',
      '17.01.dinas-sosial',
      '17.01.dpmptsp',
      '17.01.dukcapil',
    ]);
  });

  it('filters by sector, province and parent', async () => {
    expect(await ids({ sector: ['PENGAWASAN'], provinceCode: '15' })).toEqual([
      'ombudsman-ri.jambi',
    ]);
    // The perwakilan offices that assessed the demo's results.
    expect(await ids({ parentId: 'ombudsman-ri' })).toEqual([
      'ombudsman-ri.bengkulu',
      'ombudsman-ri.gorontalo',
      'ombudsman-ri.jambi',
      'ombudsman-ri.kalimantan-tengah',
      'ombudsman-ri.kalimantan-timur',
      'ombudsman-ri.lampung',
      'ombudsman-ri.maluku-utara',
      'ombudsman-ri.sulawesi-selatan',
    ]);
  });

  it('names the bodies as their sources write them: Bengkulu Selatan and Kutai Timur', async () => {
    const { data, errors } = await graphql<{
      organisationsByIds: { name: string; provenance: { source: string } }[];
    }>(
      subgraph.url,
      `{ organisationsByIds(ids: ["17.01.dinas-pendidikan", "17.01.dukcapil", "17.01.dpmptsp", "64.08.bagian-organisasi"]) { name provenance { source } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.organisationsByIds.map((o) => o.name)).toEqual([
      // Harian Bengkulu Ekspress and Rakyat Benteng, on the 2024 lokus of Bengkulu Selatan.
      'Dinas Pendidikan dan Kebudayaan Kabupaten Bengkulu Selatan',
      'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bengkulu Selatan',
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Bengkulu Selatan',
      // Liputan Kaltim, 13 December 2024, quoting its head Herwin.
      'Bagian Organisasi dan Tata Laksana Sekretariat Kabupaten Kutai Timur',
    ]);
    expect(data?.organisationsByIds[0]?.provenance.source).toContain('Harian Bengkulu Ekspress');
    expect(data?.organisationsByIds[3]?.provenance.source).toContain('Liputan Kaltim');
  });

  it('searches names and short names ignoring case and accents', async () => {
    expect(await ids({ search: 'DÍNAS  kesehatan', regencyCode: '17.01' })).toEqual([
      '17.01.dinas-kesehatan',
    ]);
    expect(await ids({ search: 'dpmptsp' })).toEqual(['17.01.dpmptsp', '17.71.dpmptsp']);
    expect(await ids({ search: 'kerinci', kind: ['REGENCY_GOVERNMENT'] })).toEqual(['15.01']);
  });

  it('pages with cursors until the end, counting the whole result', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: Page } = await graphql<Page>(
        subgraph.url,
        'query($a: String) { organisations(filter: { provinceCode: "15" }, first: 4, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      const page = result.data?.organisations;
      if (!page) throw new Error('no page');
      expect(page.totalCount).toBe(14); // Pemprov Jambi, 11 regencies/cities, Ombudsman Jambi, Bagian Organisasi Kerinci
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
    expect(seen[0]).toBe('15');
  });

  it('returns several by id in the order asked, null for unknown ids', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ organisationsByIds(ids: ["64.08", "nope", "15"]) { id } }',
    );
    expect(data).toEqual({ organisationsByIds: [{ id: '64.08' }, null, { id: '15' }] });
  });

  it.each([
    ['{ organisations(first: 101) { totalCount } }', 'first'],
    ['{ organisations(filter: { provinceCode: "Jambi" }) { totalCount } }', 'filter.provinceCode'],
    ['{ organisations(filter: { regencyCode: "15" }) { totalCount } }', 'filter.regencyCode'],
    ['{ organisations(filter: { search: "   " }) { totalCount } }', 'filter.search'],
    ['{ organisationsByIds(ids: ["15", "Bad Id"]) { id } }', 'ids[1]'],
  ])('%s is BAD_USER_INPUT naming %s', async (query, argument) => {
    const result = await graphql(subgraph.url, query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('Mal Pelayanan Publik', () => {
  it("Kepulauan Riau's MPPs as of today: Batam's (since 20 September 2018) and Tanjungpinang's are open", async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ publicServiceMalls(provinceCode: "21") { id name status regency { name } organisation { parent { name } } tenants { id } } }',
    );
    expect(data).toEqual({
      publicServiceMalls: [
        {
          id: '21.71.mpp',
          name: 'Mal Pelayanan Publik Kota Batam',
          status: 'OPEN',
          regency: { name: 'Kota Batam' },
          organisation: { parent: { name: 'Pemerintah Kota Batam' } },
          tenants: [],
        },
        {
          id: '21.72.mpp',
          name: 'Mal Pelayanan Publik Kota Tanjungpinang',
          // In preparation in 2021 (the Kepri rakor), operating since 2022 (KemenPAN-RB, 2024).
          status: 'OPEN',
          regency: { name: 'Kota Tanjung Pinang' },
          organisation: { parent: { name: 'Pemerintah Kota Tanjung Pinang' } },
          tenants: [],
        },
      ],
    });
  });

  it('an organisation of kind MPP carries its mall', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ organisation(id: "21.71.mpp") { kind mall { status } } }',
    );
    expect(data).toEqual({
      organisation: { kind: 'PUBLIC_SERVICE_MALL', mall: { status: 'OPEN' } },
    });
  });
});

describe('SQL statements per request stay bounded whatever the list size', () => {
  async function countFor(query: string, variables?: Record<string, unknown>): Promise<number> {
    const before = sqlQueryCount();
    const result = await graphql(subgraph.url, query, variables);
    expect(result.errors).toBeUndefined();
    return sqlQueryCount() - before;
  }

  const PAGE = `query($n: Int) { organisations(first: $n) { edges { node {
      id name parent { id name } children { id name } ancestors { id }
      regency { name province { name } } province { name } } } } }`;

  it('a page of organisations with parents, children, ancestors and regions', async () => {
    const ten = await countFor(PAGE, { n: 10 });
    const hundred = await countFor(PAGE, { n: 100 });
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(8);
  });

  it('_entities for N organisations, with their children', async () => {
    const ENTITIES =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id name children { id } parent { id } } } }';
    const rows = await prisma().organisation.findMany({
      select: { id: true },
      take: 100,
      orderBy: { id: 'asc' },
    });
    const reps = (n: number) =>
      rows.slice(0, n).map((r) => ({ __typename: 'Organisation', id: r.id }));
    const ten = await countFor(ENTITIES, { r: reps(10) });
    const hundred = await countFor(ENTITIES, { r: reps(100) });
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(4);
  });
});
