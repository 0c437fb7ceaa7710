import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { KNOWN_BODIES } from '../src/seed/known-bodies.js';
import { seedReferenceData } from '../src/seed/reference-data.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

describe('regions', () => {
  it('holds all 38 provinces and 514 regencies and cities (416 kabupaten, 98 kota)', async () => {
    const { data } = await graphql<{
      provinces: { code: string; name: string; regencies: { kind: string }[] }[];
    }>(subgraph.url, '{ provinces { code name regencies { kind } } }');
    expect(data?.provinces).toHaveLength(38);
    const regencies = data?.provinces.flatMap((p) => p.regencies) ?? [];
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => r.kind === 'KABUPATEN')).toHaveLength(416);
    expect(regencies.filter((r) => r.kind === 'KOTA')).toHaveLength(98);
    expect(data?.provinces[0]).toMatchObject({ code: '11', name: 'Aceh' });
  });

  it('finds Kerinci in Jambi, with its government', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ regency(code: "15.01") { code name kind province { code name } government { id name kind } } }',
    );
    expect(data).toEqual({
      regency: {
        code: '15.01',
        name: 'Kabupaten Kerinci',
        kind: 'KABUPATEN',
        province: { code: '15', name: 'Jambi' },
        government: {
          id: '15.01',
          name: 'Pemerintah Kabupaten Kerinci',
          kind: 'REGENCY_GOVERNMENT',
        },
      },
    });
  });

  it('a city is a kota with a city government', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ regency(code: "15.71") { name kind government { kind } } }',
    );
    expect(data).toEqual({
      regency: { name: 'Kota Jambi', kind: 'KOTA', government: { kind: 'CITY_GOVERNMENT' } },
    });
  });

  it('a province has its provincial government', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ province(code: "64") { name government { id name kind } } }',
    );
    expect(data).toEqual({
      province: {
        name: 'Kalimantan Timur',
        government: {
          id: '64',
          name: 'Pemerintah Provinsi Kalimantan Timur',
          kind: 'PROVINCIAL_GOVERNMENT',
        },
      },
    });
  });

  it('unknown codes are null, not errors', async () => {
    const result = await graphql(
      subgraph.url,
      '{ province(code: "99") { name } regency(code: "15.98") { name } organisation(id: "15.98") { name } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ province: null, regency: null, organisation: null });
  });

  it.each([
    ['province', '{ province(code: "1") { name } }', 'code'],
    ['province', '{ province(code: "Jambi") { name } }', 'code'],
    ['regency', '{ regency(code: "1501") { name } }', 'code'],
    ['organisation', '{ organisation(id: "Pemerintah Kerinci") { name } }', 'id'],
  ])('a malformed %s argument is BAD_USER_INPUT naming it: %s', async (_field, query, argument) => {
    const result = await graphql(subgraph.url, query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toContain(argument);
  });

  it('the organisation query resolves a regional government with its region', async () => {
    const { data } = await graphql(
      subgraph.url,
      '{ organisation(id: "15.01") { name kind parent { id } children { id } regency { name province { name } } province { code } } }',
    );
    expect(data).toEqual({
      organisation: {
        name: 'Pemerintah Kabupaten Kerinci',
        kind: 'REGENCY_GOVERNMENT',
        parent: null,
        children: [{ id: '15.01.bagian-organisasi' }],
        regency: { name: 'Kabupaten Kerinci', province: { name: 'Jambi' } },
        province: { code: '15' },
      },
    });
  });

  it('resolves entity references for the gateway, every field included', async () => {
    const { data, errors } = await graphql<{ _entities: unknown[] }>(
      subgraph.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Organisation { id name shortName kind regency { code } }
        ... on Regency { code name regencyKind: kind }
        ... on Province { code name }
      } }`,
      {
        r: [
          { __typename: 'Organisation', id: '15.01' },
          { __typename: 'Regency', code: '64.08' },
          { __typename: 'Province', code: '15' },
          { __typename: 'Organisation', id: 'no.such.body' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      {
        id: '15.01',
        name: 'Pemerintah Kabupaten Kerinci',
        shortName: null,
        kind: 'REGENCY_GOVERNMENT',
        regency: { code: '15.01' },
      },
      { code: '64.08', name: 'Kabupaten Kutai Timur', regencyKind: 'KABUPATEN' },
      { code: '15', name: 'Jambi' },
      null,
    ]);
  });
});

describe('reference data seed', () => {
  it('is idempotent: a second run creates and updates nothing', async () => {
    const before = await prisma().organisation.findUnique({ where: { id: '15.01' } });
    expect(await seedReferenceData(prisma())).toEqual({ created: 0, updated: 0 });
    const after = await prisma().organisation.findUnique({ where: { id: '15.01' } });
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    // 552 regional governments and the bodies of known-bodies.ts.
    expect(await prisma().organisation.count()).toBe(38 + 514 + KNOWN_BODIES.length);
  });

  it('repairs a changed row and only that row', async () => {
    await prisma().province.update({ where: { code: '15' }, data: { name: 'Jambi (typo)' } });
    expect(await seedReferenceData(prisma())).toEqual({ created: 0, updated: 1 });
    expect((await prisma().province.findUnique({ where: { code: '15' } }))?.name).toBe('Jambi');
  });
});
