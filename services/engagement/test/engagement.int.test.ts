import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import { graphql } from '@mutu/server/testing';
import { addDays, todayInIndonesia } from '@mutu/service';
import type { TestService } from '@mutu/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma, sqlQueryCount } from '../src/db.js';
import { seedDemoData } from '../src/seed/demo-data.js';
import { startTestSubgraph, type TestSubgraph, tableCounts } from '../src/testing.js';

let organisations: TestService;
let subgraph: TestSubgraph;
beforeAll(async () => {
  organisations = await startOrganisations();
  subgraph = await startTestSubgraph({ services: { organisations: organisations.url } });
});
afterAll(async () => {
  await subgraph?.close();
  await organisations?.close();
});

type Result = Record<string, unknown> & { __typename: string; message?: string; field?: string };

async function mutate(field: string, args: string, selection: string, variables: object) {
  const { data, errors } = await graphql<{ r: Result }>(
    subgraph.url,
    `mutation(${args}) { r: ${field} { __typename
      ... on MutationError { message field }
      ... on NotFoundError { id }
      ... on VersionConflictError { currentVersion }
      ${selection} } }`,
    variables as Record<string, unknown>,
  );
  expect(errors).toBeUndefined();
  return data?.r as Result;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = todayInIndonesia();

const AGREEMENT = [
  'createAgreement(input: $input)',
  '$input: CreateAgreementInput!',
  '... on CreateAgreementSuccess { agreement { id title status daysLeft version parties { name role organisation { id } } } }',
] as const;
const EVENT = [
  'createEvent(input: $input)',
  '$input: CreateEventInput!',
  '... on CreateEventSuccess { event { id kind startsOn endsOn framework cycle { id } province { code } host { id } speakers { id } participants { id } } }',
] as const;
const AWARD = [
  'createAward(input: $input)',
  '$input: CreateAwardInput!',
  '... on CreateAwardSuccess { award { id title recipient { id } cycle { id } assessment { id } event { id } } }',
] as const;

const agreementInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Perjanjian Kerja Sama Pengelolaan Pengaduan',
  kind: 'PERJANJIAN_KERJA_SAMA',
  signedOn: iso(addDays(today, -300)),
  validUntil: iso(addDays(today, 30)),
  parties: [
    { organisationId: '15.01', role: 'Pihak Pertama', signatoryName: 'Bupati Kerinci' },
    { organisationId: 'ombudsman-ri.jambi', role: 'Pihak Kedua' },
  ],
  ...overrides,
});

describe('agreements', () => {
  it("records an agreement with the register's names and derives its status from its dates", async () => {
    const result = await mutate(...AGREEMENT, { input: agreementInput() });
    expect(result).toMatchObject({
      __typename: 'CreateAgreementSuccess',
      agreement: {
        title: 'Perjanjian Kerja Sama Pengelolaan Pengaduan',
        status: 'EXPIRING',
        daysLeft: 30,
        version: 1,
        parties: [
          {
            name: 'Pemerintah Kabupaten Kerinci',
            role: 'Pihak Pertama',
            organisation: { id: '15.01' },
          },
          {
            name: 'Ombudsman RI Perwakilan Provinsi Jambi',
            role: 'Pihak Kedua',
            organisation: { id: 'ombudsman-ri.jambi' },
          },
        ],
      },
    });
  });

  it('lists agreements ending soon, soonest first, and no others', async () => {
    const later = await mutate(...AGREEMENT, {
      input: agreementInput({
        title: 'Nota Kesepakatan Ending Later',
        validUntil: iso(addDays(today, 200)),
      }),
    });
    expect(later).toMatchObject({ agreement: { status: 'ACTIVE' } });
    await mutate(...AGREEMENT, {
      input: agreementInput({
        title: 'Nota Kesepakatan Already Ended',
        signedOn: iso(addDays(today, -800)),
        validUntil: iso(addDays(today, -1)),
      }),
    });
    const { data } = await graphql<{ expiringAgreements: { title: string; status: string }[] }>(
      subgraph.url,
      '{ expiringAgreements(withinDays: 90) { title status daysLeft } }',
    );
    expect(data?.expiringAgreements).toEqual([
      { title: 'Perjanjian Kerja Sama Pengelolaan Pengaduan', status: 'EXPIRING', daysLeft: 30 },
    ]);
    const wider = await graphql<{ expiringAgreements: { title: string }[] }>(
      subgraph.url,
      '{ expiringAgreements(withinDays: 365, provinceCode: "15") { title } }',
    );
    expect(wider.data?.expiringAgreements.map((a) => a.title)).toEqual([
      'Perjanjian Kerja Sama Pengelolaan Pengaduan',
      'Nota Kesepakatan Ending Later',
    ]);
    const bad = await graphql(subgraph.url, '{ expiringAgreements(withinDays: 0) { title } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'withinDays',
    });
  });

  it('extends an agreement at the version read, and refuses a stale version', async () => {
    const { data } = await graphql<{
      agreements: { edges: { node: { id: string; version: number } }[] };
    }>(
      subgraph.url,
      '{ agreements(filter: { organisationId: "15.01" }, first: 1) { edges { node { id version } } } }',
    );
    const node = data?.agreements.edges[0]?.node;
    const UPDATE = [
      'updateAgreement(id: $id, expectedVersion: $v, input: $input)',
      '$id: ID!, $v: Int!, $input: UpdateAgreementInput!',
      '... on UpdateAgreementSuccess { agreement { version status validUntil history { action } } }',
    ] as const;
    const extended = await mutate(...UPDATE, {
      id: node?.id,
      v: node?.version,
      input: { validUntil: iso(addDays(today, 1000)) },
    });
    expect(extended).toMatchObject({
      agreement: {
        version: 2,
        status: 'ACTIVE',
        history: [{ action: 'create' }, { action: 'update' }],
      },
    });
    expect(
      await mutate(...UPDATE, { id: node?.id, v: 1, input: { title: 'Renamed meanwhile' } }),
    ).toMatchObject({ __typename: 'VersionConflictError', currentVersion: 2 });
  });

  const refused: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'one party only',
      { parties: [{ organisationId: '15.01' }] },
      { __typename: 'InvalidInputError', field: 'input.parties' },
    ],
    [
      'the same party twice',
      { parties: [{ organisationId: '15.01' }, { organisationId: '15.01' }] },
      { __typename: 'InvalidInputError', field: 'input.parties[1].organisationId' },
    ],
    [
      'valid until before it was signed',
      { signedOn: '2025-01-10', validUntil: '2025-01-09' },
      { __typename: 'InvalidInputError', field: 'input.validUntil' },
    ],
    [
      'an unknown party',
      { parties: [{ organisationId: '15.01' }, { organisationId: '15.01.no-such-dinas' }] },
      { __typename: 'NotFoundError', field: 'input.parties[1].organisationId' },
    ],
    [
      'a signing day outside the event it names',
      {
        signedOn: '2024-06-05',
        eventId: '2024-06-04-workshop-penilaian-kepatuhan-kalimantan-tengah',
      },
      { __typename: 'InvalidInputError', field: 'input.signedOn' },
    ],
  ];
  for (const [what, overrides, expected] of refused) {
    it(`refuses ${what}, writing nothing`, async () => {
      const before = await tableCounts();
      expect(await mutate(...AGREEMENT, { input: agreementInput(overrides) })).toMatchObject(
        expected,
      );
      expect(await tableCounts()).toEqual(before);
    });
  }
});

describe('events and awards', () => {
  it('records an event with its cycle, framework and province', async () => {
    const result = await mutate(...EVENT, {
      input: {
        kind: 'BIMTEK',
        title: 'Bimtek Standar Pelayanan',
        hostId: 'ombudsman-ri.jambi',
        speakerIds: ['ombudsman-ri'],
        participantIds: ['15.01', '15.01.bagian-organisasi'],
        startsOn: '2025-02-10',
        endsOn: '2025-02-11',
        cycleId: 'ombudsman-compliance-2025',
      },
    });
    expect(result).toMatchObject({
      event: {
        id: '2025-02-10-bimtek-standar-pelayanan',
        kind: 'BIMTEK',
        endsOn: '2025-02-11',
        framework: 'OMBUDSMAN_COMPLIANCE',
        cycle: { id: 'ombudsman-compliance-2025' },
        province: { code: '15' },
        host: { id: 'ombudsman-ri.jambi' },
        speakers: [{ id: 'ombudsman-ri' }],
        participants: [{ id: '15.01' }, { id: '15.01.bagian-organisasi' }],
      },
    });
  });

  const refusedEvents: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['an end before the start', { endsOn: '2025-02-09' }, { field: 'input.endsOn' }],
    ['a malformed cycle', { cycleId: 'compliance 2025' }, { field: 'input.cycleId' }],
    [
      'a framework the cycle contradicts',
      { cycleId: 'ipp-2025', framework: 'SKM' },
      { field: 'input.framework' },
    ],
    ['an unknown host', { hostId: '99' }, { __typename: 'NotFoundError', field: 'input.hostId' }],
  ];
  for (const [what, overrides, expected] of refusedEvents) {
    it(`refuses an event with ${what}, writing nothing`, async () => {
      const before = await tableCounts();
      const input = {
        kind: 'RAKOR',
        title: 'Rakor',
        hostId: '15.01',
        startsOn: '2025-02-10',
        ...overrides,
      };
      expect(await mutate(...EVENT, { input })).toMatchObject(expected);
      expect(await tableCounts()).toEqual(before);
    });
  }

  it('updates an event after the fact: summary and participants, never ending before it starts', async () => {
    const UPDATE = [
      'updateEvent(id: $id, expectedVersion: $v, input: $input)',
      '$id: ID!, $v: Int!, $input: UpdateEventInput!',
      '... on UpdateEventSuccess { event { version summary host { id } participants { id } speakers { id } history { action } } }',
    ] as const;
    const eventId = '2025-02-10-bimtek-standar-pelayanan';
    const before = await tableCounts();
    expect(
      await mutate(...UPDATE, { id: eventId, v: 1, input: { endsOn: '2025-02-09' } }),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'input.endsOn' });
    expect(
      await mutate(...UPDATE, { id: eventId, v: 1, input: { participantIds: ['15.01', '15.98'] } }),
    ).toMatchObject({ __typename: 'NotFoundError', field: 'input.participantIds[1]' });
    expect(await tableCounts()).toEqual(before);
    const updated = await mutate(...UPDATE, {
      id: eventId,
      v: 1,
      input: { summary: 'Standar pelayanan of five OPDs reviewed', participantIds: ['15.01'] },
    });
    expect(updated).toMatchObject({
      event: {
        version: 2,
        summary: 'Standar pelayanan of five OPDs reviewed',
        host: { id: 'ombudsman-ri.jambi' },
        speakers: [{ id: 'ombudsman-ri' }],
        participants: [{ id: '15.01' }],
        history: [{ action: 'create' }, { action: 'update' }],
      },
    });
    expect(await mutate(...UPDATE, { id: eventId, v: 1, input: { title: 'Late' } })).toMatchObject({
      __typename: 'VersionConflictError',
      currentVersion: 2,
    });
  });

  it('records an award; its recipient must exist', async () => {
    const before = await tableCounts();
    const input = {
      recipientId: '15.01.no-such-dinas',
      awardingId: '15.01',
      title: 'Predikat Kepatuhan Standar Pelayanan Publik',
      assessmentId: 'ombudsman-compliance-2024.15.01',
      awardedOn: '2025-02-11',
    };
    expect(await mutate(...AWARD, { input })).toMatchObject({
      __typename: 'NotFoundError',
      field: 'input.recipientId',
      id: '15.01.no-such-dinas',
    });
    expect(
      await mutate(...AWARD, { input: { ...input, recipientId: '15.01', cycleId: 'ipp-2024' } }),
    ).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.assessmentId',
    });
    expect(await tableCounts()).toEqual(before);
    expect(
      await mutate(...AWARD, { input: { ...input, recipientId: '15.01.bagian-organisasi' } }),
    ).toMatchObject({
      award: {
        recipient: { id: '15.01.bagian-organisasi' },
        cycle: { id: 'ombudsman-compliance-2024' },
        assessment: { id: 'ombudsman-compliance-2024.15.01' },
      },
    });
  });

  type AwardPage = {
    awards: {
      totalCount: number;
      edges: { node: { recipient: { id: string } } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  it('filters and pages awards by province and cycle', async () => {
    const PAGE = `query($after: String) { awards(filter: { provinceCode: "17", cycleId: "ombudsman-compliance-2024" }, first: 3, after: $after) {
      totalCount edges { node { recipient { id } } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const { data }: { data?: AwardPage } = await graphql<AwardPage>(subgraph.url, PAGE, {
        after,
      });
      // Kota Bengkulu's seven units, and Kaur and Bengkulu Selatan.
      expect(data?.awards.totalCount).toBe(9);
      seen.push(...(data?.awards.edges.map((e) => e.node.recipient.id) ?? []));
      if (!data?.awards.pageInfo.hasNextPage) break;
      after = data.awards.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen.every((id) => id.startsWith('17.'))).toBe(true);
    const tooMany = await graphql(subgraph.url, '{ awards(first: 101) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ argument: 'first' });
  });

  it('filters events by kind and period', async () => {
    const { data } = await graphql<{ events: { edges: { node: { title: string } }[] } }>(
      subgraph.url,
      '{ events(filter: { kind: [RAKOR], from: "2025-01-01", until: "2025-12-31" }) { edges { node { title } } } }',
    );
    expect(data?.events.edges.map((e) => e.node.title)).toEqual([
      'Rakor Pelayanan Publik Tahun 2025 Kabupaten Kerinci',
      'Rapat Koordinasi Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik',
    ]);
  });

  it('an award carries the result it rewards, banded by its cycle: Puskesmas Kandang 93.57, A, green', async () => {
    const { data } = await graphql<{
      awards: { edges: { node: Record<string, unknown> }[] };
    }>(
      subgraph.url,
      `{ awards(filter: { organisationId: "17.71.dinas-kesehatan.puskesmas-kandang" }) { edges { node {
        title awardingBody { id } result { score grade label zone methodology } source } } } }`,
    );
    expect(data?.awards.edges[0]?.node).toMatchObject({
      awardingBody: { id: 'ombudsman-ri.bengkulu' },
      result: {
        score: 93.57,
        grade: 'A',
        label: 'Kualitas Tertinggi',
        zone: 'GREEN',
        methodology: 'ombudsman-2024',
      },
      source: expect.stringContaining('5 PD dan 2 Puskesmas'),
    });
  });

  it("refuses a rewarded score off its cycle's scale, or without a cycle, writing nothing", async () => {
    const before = await tableCounts();
    const award = (extra: Record<string, unknown>) =>
      mutate(...AWARD, {
        input: {
          recipientId: '17.71.dinas-sosial',
          awardingId: 'ombudsman-ri.bengkulu',
          title: 'Piagam Uji',
          awardedOn: '2025-01-01',
          ...extra,
        },
      });
    expect(await award({ cycleId: 'ipp-2024', score: 90 })).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.score',
    });
    expect(await award({ score: 90 })).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.score',
    });
    expect(await tableCounts()).toEqual(before);
  });
});

describe('concurrent writers', () => {
  it('agreements of the same day and title signed at once each get an id of their own', async () => {
    const input = agreementInput({ title: 'Nota Kesepakatan Serentak' });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => mutate(...AGREEMENT, { input })),
    );
    expect(results.map((r) => r.__typename)).toEqual(Array(4).fill('CreateAgreementSuccess'));
    const ids = results.map((r) => (r.agreement as { id: string }).id);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('lists on many organisations cost a bounded number of SQL statements', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id
    agreements { title parties { name } event { title } }
    events { title host { id } participants { id } awards { title } }
    awards { title event { title } } } } }`;

  async function countFor(ids: string[]) {
    const before = sqlQueryCount();
    const result = await graphql(subgraph.url, ENTITIES, {
      r: ids.map((id) => ({ __typename: 'Organisation', id })),
    });
    expect(result.errors).toBeUndefined();
    return sqlQueryCount() - before;
  }

  it('100 organisations cost the statements of 2', async () => {
    const lokus = (await prisma().award.findMany({ select: { recipientId: true } })).map(
      (a) => a.recipientId,
    );
    const many = [...new Set([...lokus, '62', 'ombudsman-ri', '17.01', '15.01'])];
    while (many.length < 100) many.push(`99.${String(many.length).padStart(2, '0')}`);
    const few = await countFor(['62', '17.01.dinas-kesehatan']);
    const hundred = await countFor(many);
    expect(hundred).toBe(few);
    expect(hundred).toBeLessThanOrEqual(14);
  });
});

describe('demo data', () => {
  it('seeding again creates nothing', async () => {
    expect(await seedDemoData(prisma())).toEqual({ created: 0 });
  });
});
