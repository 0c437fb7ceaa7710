import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

type Result = Record<string, unknown> & {
  __typename: string;
  organisation?: Record<string, unknown>;
};

async function mutate(
  mutation: string,
  variables: Record<string, unknown>,
  actor = 'admin@mutu.test',
): Promise<Result> {
  const body = await graphql<Record<string, Result>>(subgraph.url, mutation, variables, {
    as: { sub: actor, role: 'admin', regions: [] },
  });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const [result] = Object.values(body.data ?? {});
  if (!result) throw new Error('no result');
  return result;
}

const RESULT = `__typename
  ... on MutationError { message field }
  ... on NotFoundError { id }
  ... on DuplicateNameError { existingId }
  ... on VersionConflictError { currentVersion }`;
const ORG =
  'organisation { id name shortName kind sector status version parent { id } regency { code } province { code } }';

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  ${RESULT} ... on CreateOrganisationSuccess { ${ORG} } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, expectedVersion: $v, input: $input) {
  ${RESULT} ... on UpdateOrganisationSuccess { ${ORG} } } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $parent: ID) { moveOrganisation(id: $id, expectedVersion: $v, parentId: $parent) {
  ${RESULT} ... on MoveOrganisationSuccess { ${ORG} } } }`;
const MERGE = `mutation($id: ID!, $v: Int!, $into: ID!, $on: Date!) { mergeOrganisation(id: $id, expectedVersion: $v, intoId: $into, on: $on) {
  ${RESULT} ... on MergeOrganisationSuccess { organisation { id status endedOn mergedInto { id } children { id } version } } } }`;
const DISSOLVE = `mutation($id: ID!, $v: Int!, $on: Date!) { dissolveOrganisation(id: $id, expectedVersion: $v, on: $on) {
  ${RESULT} ... on DissolveOrganisationSuccess { organisation { id status endedOn version } } } }`;

async function footprint() {
  const [organisations, audit] = await Promise.all([
    prisma().organisation.findMany({ orderBy: { id: 'asc' } }),
    prisma().auditEntry.count(),
  ]);
  return { organisations, audit };
}

async function version(id: string): Promise<number> {
  return (await prisma().organisation.findUniqueOrThrow({ where: { id } })).version;
}

describe('createOrganisation', () => {
  it('adds an OPD under a regency government, inheriting its region, with an audit entry', async () => {
    const result = await mutate(CREATE, {
      input: {
        kind: 'OPD',
        name: '  Dinas   Kesehatan  Kabupaten Kerinci ',
        shortName: 'Dinkes',
        sector: 'KESEHATAN',
        parentId: '15.01',
        slug: 'dinas-kesehatan',
      },
    });
    expect(result).toEqual({
      __typename: 'CreateOrganisationSuccess',
      organisation: {
        id: '15.01.dinas-kesehatan',
        name: 'Dinas Kesehatan Kabupaten Kerinci',
        shortName: 'Dinkes',
        kind: 'OPD',
        sector: 'KESEHATAN',
        status: 'ACTIVE',
        version: 1,
        parent: { id: '15.01' },
        regency: { code: '15.01' },
        province: { code: '15' },
      },
    });
    const trail = await prisma().auditEntry.findMany({
      where: { entityId: '15.01.dinas-kesehatan' },
    });
    expect(trail).toMatchObject([
      {
        action: 'create',
        actor: 'admin@mutu.test',
        before: null,
        after: { name: 'Dinas Kesehatan Kabupaten Kerinci' },
      },
    ]);
  });

  it.each([
    [
      'a name already used under the parent, ignoring case and accents',
      {
        kind: 'OPD',
        name: 'DÍNAS KESEHATAN kabupaten kerinci',
        parentId: '15.01',
        slug: 'dinkes-2',
      },
      { __typename: 'DuplicateNameError', field: 'name', existingId: '15.01.dinas-kesehatan' },
    ],
    [
      'an unknown parent',
      { kind: 'OPD', name: 'Dinas Sosial', parentId: '15.99' },
      { __typename: 'NotFoundError', field: 'parentId', id: '15.99' },
    ],
    [
      'a regency outside the province given',
      { kind: 'OPD', name: 'Dinas Sosial', provinceCode: '15', regencyCode: '64.08' },
      { __typename: 'InvalidRegionError', field: 'regencyCode' },
    ],
    [
      'an unknown regency',
      { kind: 'OPD', name: 'Dinas Sosial', regencyCode: '15.98' },
      { __typename: 'InvalidRegionError', field: 'regencyCode' },
    ],
    [
      "a region other than the parent's",
      { kind: 'OPD', name: 'Dinas Sosial', parentId: '15.01', regencyCode: '15.02' },
      { __typename: 'InvalidRegionError', field: 'regencyCode' },
    ],
    [
      'an OPD with no region at all',
      { kind: 'OPD', name: 'Dinas Sosial' },
      { __typename: 'InvalidRegionError', field: 'provinceCode' },
    ],
    [
      'a regional government',
      { kind: 'REGENCY_GOVERNMENT', name: 'Pemerintah Kabupaten Baru', regencyCode: '15.01' },
      { __typename: 'InvalidInputError', field: 'kind' },
    ],
    [
      'a one-letter name',
      { kind: 'OPD', name: ' x ', parentId: '15.01' },
      { __typename: 'InvalidInputError', field: 'name' },
    ],
    [
      'a name of 201 characters',
      { kind: 'OPD', name: 'a'.repeat(201), parentId: '15.01' },
      { __typename: 'InvalidInputError', field: 'name' },
    ],
    [
      'a malformed slug',
      { kind: 'OPD', name: 'Dinas Sosial', parentId: '15.01', slug: 'Dinas Sosial' },
      { __typename: 'InvalidInputError', field: 'slug' },
    ],
  ])('refuses %s, writing nothing', async (_case, input, expected) => {
    const before = await footprint();
    expect(await mutate(CREATE, { input })).toMatchObject(expected);
    expect(await footprint()).toEqual(before);
  });
});

describe('updateOrganisation and optimistic concurrency', () => {
  it('two editors who read the same version: the second gets a conflict, not a silent overwrite', async () => {
    const read = await version('15.01.dinas-kesehatan');
    const first = await mutate(
      UPDATE,
      { id: '15.01.dinas-kesehatan', v: read, input: { shortName: 'Dinkes Kerinci' } },
      'editor-a',
    );
    expect(first).toMatchObject({
      __typename: 'UpdateOrganisationSuccess',
      organisation: { shortName: 'Dinkes Kerinci', version: read + 1 },
    });
    const before = await footprint();
    const second = await mutate(
      UPDATE,
      { id: '15.01.dinas-kesehatan', v: read, input: { shortName: 'DK' } },
      'editor-b',
    );
    expect(second).toMatchObject({
      __typename: 'VersionConflictError',
      field: 'expectedVersion',
      currentVersion: read + 1,
    });
    expect(await footprint()).toEqual(before);
  });

  it('clears an optional field with null and keeps omitted ones; the audit entry holds before and after', async () => {
    const v = await version('15.01.dinas-kesehatan');
    const result = await mutate(UPDATE, {
      id: '15.01.dinas-kesehatan',
      v,
      input: { shortName: null },
    });
    expect(result.organisation).toMatchObject({
      shortName: null,
      sector: 'KESEHATAN',
      name: 'Dinas Kesehatan Kabupaten Kerinci',
    });
    const { data } = (await graphql(
      subgraph.url,
      '{ organisation(id: "15.01.dinas-kesehatan") { auditTrail { action actor before after } } }',
    )) as {
      data: {
        organisation: {
          auditTrail: {
            action: string;
            actor: string;
            before: { shortName: string };
            after: { shortName: string | null };
          }[];
        };
      };
    };
    const [latest] = data.organisation.auditTrail;
    expect(latest).toMatchObject({
      action: 'update',
      actor: 'admin@mutu.test',
      before: { shortName: 'Dinkes Kerinci' },
      after: { shortName: null },
    });
    expect(data.organisation.auditTrail.map((e) => e.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
  });

  it('an unknown id is a NotFoundError', async () => {
    expect(
      await mutate(UPDATE, { id: '15.01.nope', v: 1, input: { name: 'Dinas Nope' } }),
    ).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });
});

describe('moveOrganisation', () => {
  it('refuses to put a body under itself or under its own unit', async () => {
    const before = await footprint();
    const v = await version('17.71.dinas-kesehatan');
    expect(
      await mutate(MOVE, { id: '17.71.dinas-kesehatan', v, parent: '17.71.dinas-kesehatan' }),
    ).toMatchObject({ __typename: 'HierarchyCycleError', field: 'parentId' });
    expect(
      await mutate(MOVE, {
        id: '17.71.dinas-kesehatan',
        v,
        parent: '17.71.dinas-kesehatan.puskesmas-kandang',
      }),
    ).toMatchObject({
      __typename: 'HierarchyCycleError',
      field: 'parentId',
    });
    expect(await footprint()).toEqual(before);
  });

  it("refuses a parent in another regency: the body's region must fit", async () => {
    const v = await version('17.71.dinas-sosial');
    expect(await mutate(MOVE, { id: '17.71.dinas-sosial', v, parent: '15.01' })).toMatchObject({
      __typename: 'InvalidRegionError',
    });
  });

  it('moves a puskesmas to another OPD of the same regency; its id stays', async () => {
    const v = await version('17.71.dinas-kesehatan.puskesmas-kandang');
    const result = await mutate(MOVE, {
      id: '17.71.dinas-kesehatan.puskesmas-kandang',
      v,
      parent: '17.71.dinas-sosial',
    });
    expect(result.organisation).toMatchObject({
      id: '17.71.dinas-kesehatan.puskesmas-kandang',
      parent: { id: '17.71.dinas-sosial' },
      version: v + 1,
    });
    await mutate(MOVE, {
      id: '17.71.dinas-kesehatan.puskesmas-kandang',
      v: v + 1,
      parent: '17.71.dinas-kesehatan',
    });
  });

  it('refuses to move a regional government', async () => {
    expect(await mutate(MOVE, { id: '15.01', v: 1, parent: '15' })).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'id',
    });
  });
});

describe('mergeOrganisation and dissolveOrganisation', () => {
  it("a merge whose units would clash with the target's writes nothing at all", async () => {
    await mutate(CREATE, {
      input: {
        kind: 'OPD',
        name: 'Dinas Kesehatan dan Keluarga Berencana',
        parentId: '17.71',
        slug: 'dinkes-kb',
      },
    });
    await mutate(CREATE, {
      input: { kind: 'SERVICE_UNIT', name: 'Puskesmas Kandang', parentId: '17.71.dinkes-kb' },
    });
    const before = await footprint();
    const v = await version('17.71.dinas-kesehatan');
    expect(
      await mutate(MERGE, {
        id: '17.71.dinas-kesehatan',
        v,
        into: '17.71.dinkes-kb',
        on: '2026-01-02',
      }),
    ).toMatchObject({
      __typename: 'DuplicateNameError',
      existingId: '17.71.dinkes-kb.puskesmas-kandang',
    });
    expect(await footprint()).toEqual(before);
  });

  it('merges a body: it ends on the date, points to the absorbing body, and its units move there', async () => {
    const vKandang = await version('17.71.dinkes-kb.puskesmas-kandang');
    expect(
      await mutate(DISSOLVE, {
        id: '17.71.dinkes-kb.puskesmas-kandang',
        v: vKandang,
        on: '2026-01-01',
      }),
    ).toMatchObject({
      organisation: { status: 'DISSOLVED', endedOn: '2026-01-01' },
    });
    const v = await version('17.71.dinas-kesehatan');
    const result = await mutate(MERGE, {
      id: '17.71.dinas-kesehatan',
      v,
      into: '17.71.dinkes-kb',
      on: '2026-01-02',
    });
    expect(result).toEqual({
      __typename: 'MergeOrganisationSuccess',
      organisation: {
        id: '17.71.dinas-kesehatan',
        status: 'MERGED',
        endedOn: '2026-01-02',
        mergedInto: { id: '17.71.dinkes-kb' },
        children: [],
        version: v + 1,
      },
    });
    const units = await prisma().organisation.findMany({
      where: { parentId: '17.71.dinkes-kb', status: 'ACTIVE' },
      select: { id: true },
    });
    expect(units.map((u) => u.id).sort()).toEqual([
      '17.71.dinas-kesehatan.puskesmas-beringin-raya',
      '17.71.dinas-kesehatan.puskesmas-kandang',
    ]);
    expect(
      await prisma().auditEntry.count({
        where: { entityId: '17.71.dinas-kesehatan.puskesmas-kandang', action: 'move' },
      }),
    ).toBeGreaterThan(0);
  });

  it('a merged body changes no more', async () => {
    const v = await version('17.71.dinas-kesehatan');
    expect(
      await mutate(UPDATE, { id: '17.71.dinas-kesehatan', v, input: { name: 'Dinas Lain' } }),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'id' });
  });

  it('dissolving a body with active units is refused; without them it is recorded', async () => {
    const v = await version('17.71.dinkes-kb');
    expect(await mutate(DISSOLVE, { id: '17.71.dinkes-kb', v, on: '2026-02-01' })).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'id',
    });
    const vDukcapil = await version('17.01.dukcapil');
    expect(
      await mutate(DISSOLVE, { id: '17.01.dukcapil', v: vDukcapil, on: '2026-02-01' }),
    ).toMatchObject({
      organisation: { status: 'DISSOLVED', endedOn: '2026-02-01', version: vDukcapil + 1 },
    });
  });

  it('a malformed date is refused before anything runs', async () => {
    await expect(
      mutate(DISSOLVE, { id: '17.71.dinas-sosial', v: 1, on: '2026-02-30' }),
    ).rejects.toThrow(/not a calendar date/);
  });
});

describe('updatePublicServiceMall', () => {
  const MALL = `mutation($id: ID!, $v: Int!, $input: UpdatePublicServiceMallInput!) { updatePublicServiceMall(id: $id, expectedVersion: $v, input: $input) {
    ${RESULT} ... on UpdatePublicServiceMallSuccess { mall { id status address openedOn serviceCount tenants { id } } } } }`;

  it('records the details and tenants of an MPP, with an audit entry', async () => {
    const v = await version('21.71.mpp');
    const result = await mutate(MALL, {
      id: '21.71.mpp',
      v,
      input: {
        address: 'Jl. Engku Putri, Batam Centre',
        openedOn: '2023-05-10',
        serviceCount: 120,
        tenantIds: ['kemenpan-rb', '21.71'],
      },
    });
    expect(result).toEqual({
      __typename: 'UpdatePublicServiceMallSuccess',
      mall: {
        id: '21.71.mpp',
        status: 'OPEN',
        address: 'Jl. Engku Putri, Batam Centre',
        openedOn: '2023-05-10',
        serviceCount: 120,
        tenants: [{ id: '21.71' }, { id: 'kemenpan-rb' }],
      },
    });
    expect(await version('21.71.mpp')).toBe(v + 1);
    const entry = await prisma().auditEntry.findFirstOrThrow({
      where: { entityId: '21.71.mpp', action: 'update-mall' },
    });
    expect(entry.before).toMatchObject({ mall: { address: null, tenants: [] } });
    expect(entry.after).toMatchObject({ mall: { serviceCount: 120 } });
  });

  it('an unknown tenant is a NotFoundError naming its position, and nothing changes', async () => {
    const before = await footprint();
    const mallBefore = await prisma().publicServiceMall.findUnique({
      where: { organisationId: '21.71.mpp' },
      include: { tenants: true },
    });
    const v = await version('21.71.mpp');
    expect(
      await mutate(MALL, {
        id: '21.71.mpp',
        v,
        input: { serviceCount: 5, tenantIds: ['kemenpan-rb', 'no-such-agency'] },
      }),
    ).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.tenantIds[1]',
    });
    expect(await footprint()).toEqual(before);
    expect(
      await prisma().publicServiceMall.findUnique({
        where: { organisationId: '21.71.mpp' },
        include: { tenants: true },
      }),
    ).toEqual(mallBefore);
  });

  it('refuses an organisation that is not an MPP, and a negative service count', async () => {
    expect(await mutate(MALL, { id: '21.71', v: 1, input: { serviceCount: 3 } })).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'id',
    });
    expect(
      await mutate(MALL, { id: '21.72.mpp', v: 1, input: { serviceCount: -1 } }),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'input.serviceCount' });
  });
});

describe('concurrent writers', () => {
  // On PostgreSQL (test:db) these run at once on the subgraph's pool: the partial unique index
  // of active sibling names decides the one winner, whatever the checks before it saw.
  it('creates of the same name under one parent: exactly one wins, the others are told its id', async () => {
    const before = await footprint();
    const results = await Promise.all(
      ['satu', 'dua', 'tiga', 'empat'].map((slug) =>
        mutate(CREATE, {
          input: {
            kind: 'OPD',
            name: 'Dinas Perhubungan Kabupaten Kerinci',
            slug,
            parentId: '15.01',
          },
        }),
      ),
    );
    const winners = results.filter((r) => r.__typename === 'CreateOrganisationSuccess');
    expect(winners).toHaveLength(1);
    const winnerId = (winners[0]?.organisation as { id: string } | undefined)?.id;
    for (const loser of results.filter((r) => r !== winners[0])) {
      expect(loser).toMatchObject({
        __typename: 'DuplicateNameError',
        field: 'name',
        existingId: winnerId,
      });
    }
    const after = await footprint();
    expect(after.organisations.length - before.organisations.length).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });

  it('a rename racing a create of the same name: one of them wins', async () => {
    const made = await mutate(CREATE, {
      input: { kind: 'OPD', name: 'Dinas Pertanian Kabupaten Kerinci', parentId: '15.01' },
    });
    const id = (made.organisation as { id: string; version: number }).id;
    const results = await Promise.all([
      mutate(UPDATE, { id, v: 1, input: { name: 'Dinas Pangan Kabupaten Kerinci' } }),
      mutate(CREATE, {
        input: { kind: 'OPD', name: 'Dinas Pangan Kabupaten Kerinci', parentId: '15.01' },
      }),
    ]);
    expect(results.map((r) => r.__typename).filter((t) => t.endsWith('Success'))).toHaveLength(1);
    expect(results.map((r) => r.__typename)).toContain('DuplicateNameError');
    const named = await prisma().organisation.count({
      where: { parentId: '15.01', name: 'Dinas Pangan Kabupaten Kerinci', status: 'ACTIVE' },
    });
    expect(named).toBe(1);
  });
});
