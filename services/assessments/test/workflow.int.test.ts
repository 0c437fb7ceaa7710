import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import { graphql } from '@mutu/server/testing';
import { useServiceAt } from '@mutu/service';
import type { TestService } from '@mutu/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlQueryCount } from '../src/db.js';
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

type Result = Record<string, unknown> & { __typename: string };

async function mutate(field: string, args: string, variables: Record<string, unknown>) {
  const { data, errors } = await graphql<Record<string, Result>>(
    subgraph.url,
    `mutation(${args}) { r: ${field} {
      __typename
      ... on MutationError { message field }
      ... on AlreadyExistsError { existingId }
      ... on IllegalTransitionError { status }
      ... on NotFoundError { id }
      ... on ${field.charAt(0).toUpperCase()}${field.slice(1, field.indexOf('('))}Success {
        ${field.includes('Cycle') ? 'cycle { id status announcedOn methodology { id } }' : ASSESSMENT}
      }
    } }`,
    variables,
  );
  expect(errors).toBeUndefined();
  return data?.r as Result;
}

const ASSESSMENT = `assessment { id status score revision current returnReason correctionReason
  band { grade label }
  lokus { unit { id } score components { component score points } } }`;

const all = (value: number) =>
  ['input', 'proses', 'output', 'pengaduan', 'kepercayaan'].map((component) => ({
    component,
    score: value,
  }));

const DINKES = '17.01.dinas-kesehatan';
const DUKCAPIL = '17.01.dukcapil';
const UNEVEN = [
  { component: 'input', score: 90 },
  { component: 'proses', score: 70 },
  { component: 'output', score: 60 },
  { component: 'pengaduan', score: 50 },
  { component: 'kepercayaan', score: 100 },
];

const CREATE_CYCLE = ['createCycle(input: $input)', '$input: CreateCycleInput!'] as const;
const CREATE = ['createAssessment(input: $input)', '$input: CreateAssessmentInput!'] as const;
const RECORD = [
  'recordLokusScores(assessmentId: $id, expectedVersion: $v, lokus: $lokus)',
  '$id: ID!, $v: Int!, $lokus: [LokusInput!]!',
] as const;

/** The version of an assessment as a client would have read it before changing it. */
async function versionOf(id: string): Promise<number> {
  const { data } = await graphql<{ assessment: { version: number } | null }>(
    subgraph.url,
    'query($id: ID!) { assessment(id: $id) { version } }',
    { id },
  );
  return data?.assessment?.version ?? 0;
}

/** A PEKPPP lokus scored at one level on each of the 30 indicators of its instrument. */
const levels = (level: number, from = 1, to = 30) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ indicator: String(from + i), score: level }));
const step = (name: string) => [`${name}(id: $id)`, '$id: ID!'] as const;
/** A step of an assessment's workflow: taken on the version read. */
const versioned = (name: string) =>
  [`${name}(id: $id, expectedVersion: $v)`, '$id: ID!, $v: Int!'] as const;
const withReason = (name: string) =>
  [
    `${name}(id: $id, expectedVersion: $v, reason: $reason)`,
    '$id: ID!, $v: Int!, $reason: String!',
  ] as const;

describe('assessment workflow', () => {
  it('runs a cycle from PLANNED to PUBLISHED, scoring lokus by packages/scoring', async () => {
    const cycle = await mutate(...CREATE_CYCLE, {
      input: { framework: 'OMBUDSMAN_COMPLIANCE', year: 2026 },
    });
    expect(cycle).toMatchObject({
      __typename: 'CreateCycleSuccess',
      cycle: {
        id: 'ombudsman-compliance-2026',
        status: 'PLANNED',
        announcedOn: null,
        methodology: { id: 'ombudsman-2025' },
      },
    });
    // Nothing is recorded in a PLANNED cycle.
    const early = await mutate(...CREATE, {
      input: { cycleId: 'ombudsman-compliance-2026', subjectId: '17.01' },
    });
    expect(early).toMatchObject({
      __typename: 'IllegalTransitionError',
      field: 'input.cycleId',
      status: 'PLANNED',
    });
    expect(
      (await mutate(...step('openCycle'), { id: 'ombudsman-compliance-2026' })).cycle,
    ).toMatchObject({
      status: 'OPEN',
    });

    const created = await mutate(...CREATE, {
      input: {
        cycleId: 'ombudsman-compliance-2026',
        subjectId: '17.01',
        assessorId: 'ombudsman-ri',
        lokus: [
          { unitId: DINKES, scores: all(80) },
          { unitId: DUKCAPIL, scores: UNEVEN },
        ],
      },
    });
    // Dukcapil: 15.295*0.9 + 22.659*0.7 + 16.968*0.6 + 15.078*0.5 + 30*1.0 = 77.3466 -> 77.35;
    // the government's score is the mean of the unrounded units: 78.6733 -> 78.67 (grade B).
    expect(created).toMatchObject({
      __typename: 'CreateAssessmentSuccess',
      assessment: {
        id: 'ombudsman-compliance-2026.17.01',
        status: 'DRAFT',
        score: 78.67,
        band: { grade: 'B', label: 'Kualitas Tinggi' },
        revision: 1,
        current: true,
        lokus: [
          { unit: { id: DUKCAPIL }, score: 77.35 },
          { unit: { id: DINKES }, score: 80 },
        ],
      },
    });
    const id = 'ombudsman-compliance-2026.17.01';

    // Dukcapil's low public-service standard score is what pulled the total down.
    const points = Object.fromEntries(
      (
        (created.assessment as { lokus: { components: { component: string; points: number }[] }[] })
          .lokus[0]?.components ?? []
      ).map((c) => [c.component, c.points]),
    );
    expect(points.pengaduan).toBeCloseTo(7.539, 3);
    expect(points.kepercayaan).toBeCloseTo(30, 10);

    // Rescoring a lokus in the draft recomputes the total.
    const rescored = await mutate(...RECORD, {
      id,
      v: await versionOf(id),
      lokus: [{ unitId: DUKCAPIL, scores: all(90) }],
    });
    expect(rescored.assessment).toMatchObject({ score: 85, lokus: [{ score: 80 }, { score: 90 }] });

    expect(
      (await mutate(...versioned('submitAssessment'), { id, v: await versionOf(id) })).assessment,
    ).toMatchObject({
      status: 'SUBMITTED',
    });
    const returned = await mutate(...withReason('returnAssessment'), {
      id,
      v: await versionOf(id),
      reason: 'Dukcapil interview forms missing',
    });
    expect(returned.assessment).toMatchObject({
      status: 'DRAFT',
      returnReason: 'Dukcapil interview forms missing',
    });
    await mutate(...versioned('submitAssessment'), { id, v: await versionOf(id) });
    expect(
      (await mutate(...versioned('verifyAssessment'), { id, v: await versionOf(id) })).assessment,
    ).toMatchObject({
      status: 'VERIFIED',
      returnReason: null,
    });

    // Published only once the cycle is closed.
    const tooEarly = await mutate(...versioned('publishAssessment'), {
      id,
      v: await versionOf(id),
    });
    expect(tooEarly).toMatchObject({ __typename: 'IllegalTransitionError', field: 'id' });
    expect(tooEarly.message).toContain('OPEN');
    await mutate(...step('closeCycle'), { id: 'ombudsman-compliance-2026' });
    const published = await mutate(...step('publishCycle'), { id: 'ombudsman-compliance-2026' });
    // Announced today, as the day is counted in Indonesia (WIB).
    expect(published.cycle).toMatchObject({
      status: 'PUBLISHED',
      announcedOn: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
    });

    const { data } = await graphql<{
      _entities: { results: { score: number; cycle: { id: string } }[] }[];
    }>(
      subgraph.url,
      `query { _entities(representations: [{ __typename: "Organisation", id: "17.01" }]) {
        ... on Organisation { results(framework: OMBUDSMAN_COMPLIANCE) { score cycle { id } } } } }`,
    );
    // Newest first, above the published demo results of 2024 and 2023.
    expect(data?._entities[0]?.results).toEqual([
      { score: 85, cycle: { id: 'ombudsman-compliance-2026' } },
      { score: 95.57, cycle: { id: 'ombudsman-compliance-2024' } },
      { score: 94.08, cycle: { id: 'ombudsman-compliance-2023' } },
    ]);
  });

  it('keeps published assessments immutable; a correction is a new revision with history', async () => {
    const id = 'ombudsman-compliance-2026.17.01';
    const before = await tableCounts();
    const refused = await mutate(...RECORD, {
      id,
      v: await versionOf(id),
      lokus: [{ unitId: DINKES, scores: all(10) }],
    });
    expect(refused).toMatchObject({
      __typename: 'IllegalTransitionError',
      field: 'assessmentId',
      status: 'PUBLISHED',
    });
    expect(await tableCounts()).toEqual(before);

    const correction = await mutate(...withReason('correctAssessment'), {
      id,
      v: await versionOf(id),
      reason: 'Dinas Kesehatan complaints data re-verified',
    });
    expect(correction.assessment).toMatchObject({
      id: `${id}~r2`,
      status: 'DRAFT',
      revision: 2,
      current: false,
      score: 85,
      correctionReason: 'Dinas Kesehatan complaints data re-verified',
    });
    // A second correction while one is open is refused.
    expect(
      await mutate(...withReason('correctAssessment'), {
        id,
        v: await versionOf(id),
        reason: 'again',
      }),
    ).toMatchObject({
      __typename: 'AlreadyExistsError',
      existingId: `${id}~r2`,
    });

    await mutate(...RECORD, {
      id: `${id}~r2`,
      v: await versionOf(`${id}~r2`),
      lokus: [{ unitId: DINKES, scores: all(70) }],
    });
    for (const name of ['submitAssessment', 'verifyAssessment', 'publishAssessment']) {
      await mutate(...versioned(name), { id: `${id}~r2`, v: await versionOf(`${id}~r2`) });
    }
    const { data } = await graphql<{ assessment: Record<string, unknown> }>(
      subgraph.url,
      `query { assessment(id: "${id}") { current status score
        revisions { id revision current status score }
        history { action actor } } }`,
    );
    expect(data?.assessment).toMatchObject({
      current: false,
      status: 'PUBLISHED',
      score: 85,
      revisions: [
        { id, revision: 1, current: false, status: 'PUBLISHED', score: 85 },
        { id: `${id}~r2`, revision: 2, current: true, status: 'PUBLISHED', score: 80 },
      ],
    });
    expect(
      (data?.assessment.history as { action: string }[] | undefined)?.map((h) => h.action),
    ).toEqual(['create', 'record-scores', 'submit', 'return', 'submit', 'verify', 'publish']);
  });
});

describe('bad input: typed errors naming the field, nothing written', () => {
  let before: Awaited<ReturnType<typeof tableCounts>>;
  beforeAll(async () => {
    await mutate(...CREATE_CYCLE, { input: { framework: 'IPP', year: 2027 } });
    await mutate(...step('openCycle'), { id: 'ipp-2027' });
    await mutate(...CREATE_CYCLE, { input: { framework: 'OMBUDSMAN_COMPLIANCE', year: 2027 } });
    await mutate(...step('openCycle'), { id: 'ombudsman-compliance-2027' });
    await mutate(...CREATE, {
      input: {
        cycleId: 'ipp-2027',
        subjectId: '15.01',
        lokus: [{ unitId: '15.01', indicators: levels(4) }],
      },
    });
    before = await tableCounts();
  });

  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'a score outside its scale',
      {
        cycleId: 'ombudsman-compliance-2027',
        subjectId: '15.02',
        lokus: [
          {
            unitId: '15.02',
            scores: all(80).map((c) => (c.component === 'proses' ? { ...c, score: 101 } : c)),
          },
        ],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].scores.proses' },
    ],
    [
      'a missing component',
      {
        cycleId: 'ombudsman-compliance-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', scores: [{ component: 'input', score: 80 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].scores.proses' },
    ],
    [
      'an unknown component',
      {
        cycleId: 'ombudsman-compliance-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', scores: [{ component: 'speed', score: 3 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].scores.speed' },
    ],
    [
      'indicators where the method has no instrument',
      {
        cycleId: 'ombudsman-compliance-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', indicators: [{ indicator: '1', score: 3 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].indicators' },
    ],
    [
      'aspect scores typed where the instrument computes them',
      {
        cycleId: 'ipp-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', scores: [{ component: 'kebijakan', score: 3 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].scores' },
    ],
    [
      'a unit total typed where the instrument computes it',
      { cycleId: 'ipp-2027', subjectId: '15.02', lokus: [{ unitId: '15.02', total: 3.5 }] },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].total' },
    ],
    [
      'an indicator the instrument does not have',
      {
        cycleId: 'ipp-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', indicators: [{ indicator: '31', score: 3 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].indicators[0].indicator' },
    ],
    [
      "a level outside the indicator's scale",
      {
        cycleId: 'ipp-2027',
        subjectId: '15.02',
        lokus: [{ unitId: '15.02', indicators: [{ indicator: '7', score: 6 }] }],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].indicators[0].score' },
    ],
    [
      'the same indicator twice',
      {
        cycleId: 'ipp-2027',
        subjectId: '15.02',
        lokus: [
          {
            unitId: '15.02',
            indicators: [
              { indicator: '7', score: 2 },
              { indicator: '7', score: 3 },
            ],
          },
        ],
      },
      { __typename: 'InvalidInputError', field: 'input.lokus[0].indicators[1].indicator' },
    ],
    [
      'an unknown organisation',
      { cycleId: 'ipp-2027', subjectId: '15.99' },
      { __typename: 'NotFoundError', field: 'input.subjectId', id: '15.99' },
    ],
    [
      'an unknown cycle',
      { cycleId: 'ipp-2031', subjectId: '15.02' },
      { __typename: 'NotFoundError', field: 'input.cycleId', id: 'ipp-2031' },
    ],
    [
      'a second assessment of the same subject in the cycle',
      { cycleId: 'ipp-2027', subjectId: '15.01' },
      { __typename: 'AlreadyExistsError', field: 'input.subjectId', existingId: 'ipp-2027.15.01' },
    ],
  ];

  it("shows a draft's scores to its region's assessor and administrators, its existence to analysts, nothing to the public", async () => {
    const Q =
      '{ assessment(id: "ipp-2027.15.01") { status score band { grade } lokus { score } } }';
    const as = (role: 'public' | 'analyst' | 'assessor', regions: string[] = []) => ({
      as: { sub: role, role, regions },
    });
    expect((await graphql(subgraph.url, Q, undefined, as('public'))).data).toEqual({
      assessment: null,
    });
    // Analysts and assessors of other regions learn that it exists and where it stands; each
    // score field is null with a FORBIDDEN error of its own, and the rest answers.
    for (const who of [as('analyst'), as('assessor', ['64'])]) {
      const { data, errors } = await graphql(subgraph.url, Q, undefined, who);
      expect(data).toEqual({
        assessment: { status: 'DRAFT', score: null, band: null, lokus: null },
      });
      expect(errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([
        ['FORBIDDEN', ['assessment', 'score']],
        ['FORBIDDEN', ['assessment', 'band']],
        ['FORBIDDEN', ['assessment', 'lokus']],
      ]);
    }
    expect((await graphql(subgraph.url, Q, undefined, as('assessor', ['15']))).data).toEqual({
      assessment: { status: 'DRAFT', score: 4, band: { grade: 'B' }, lokus: [{ score: 4 }] },
    });
  });

  it("keeps a draft's workflow snapshots from those who may not read its scores, and its reference from the public", async () => {
    const H = '{ assessment(id: "ipp-2027.15.01") { history { action before after } } }';
    const analyst = { as: { sub: 'a', role: 'analyst' as const, regions: [] } };
    const seen = await graphql<{ assessment: { history: Record<string, unknown>[] } }>(
      subgraph.url,
      H,
      undefined,
      analyst,
    );
    expect(seen.data?.assessment.history.length).toBeGreaterThan(0);
    for (const entry of seen.data?.assessment.history ?? []) {
      expect(entry).toMatchObject({ before: null, after: null });
    }
    expect(new Set(seen.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const admin = await graphql<{ assessment: { history: { after: { total: number } }[] } }>(
      subgraph.url,
      H,
    );
    expect(admin.errors).toBeUndefined();
    expect(admin.data?.assessment.history.at(-1)?.after.total).toBe(4);

    // What an award in the engagement subgraph reaches: the gateway asks for the entity.
    const ENTITY =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Assessment { id status } } }';
    const r = [{ __typename: 'Assessment', id: 'ipp-2027.15.01' }];
    const anonymous = { as: { sub: 'anonymous', role: 'public' as const, regions: [] } };
    expect((await graphql(subgraph.url, ENTITY, { r }, anonymous)).data).toEqual({
      _entities: [null],
    });
    expect((await graphql(subgraph.url, ENTITY, { r }, analyst)).data).toEqual({
      _entities: [{ id: 'ipp-2027.15.01', status: 'DRAFT' }],
    });
  });

  for (const [what, input, expected] of cases) {
    it(`refuses ${what}`, async () => {
      expect(await mutate(...CREATE, { input })).toMatchObject(expected);
      expect(await tableCounts()).toEqual(before);
    });
  }

  it('refuses an unknown lokus unit, naming which one', async () => {
    const v = await versionOf('ipp-2027.15.01');
    const result = await mutate(...RECORD, {
      id: 'ipp-2027.15.01',
      v,
      lokus: [
        { unitId: '15.01', indicators: [{ indicator: '1', score: 9 }] },
        { unitId: '15.01.no-such-dinas', indicators: levels(3) },
      ],
    });
    // Scores are checked before the register is asked: the first lokus has a level off scale.
    expect(result).toMatchObject({ field: 'lokus[0].indicators[0].score' });
    expect(
      await mutate(...RECORD, {
        id: 'ipp-2027.15.01',
        v,
        lokus: [
          { unitId: '15.01.bagian-organisasi', indicators: levels(3) },
          { unitId: '15.01.no-such-dinas', indicators: levels(3) },
        ],
      }),
    ).toMatchObject({ __typename: 'NotFoundError', field: 'lokus[1].unitId' });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses illegal transitions with the current status', async () => {
    expect(
      await mutate(...versioned('verifyAssessment'), {
        id: 'ipp-2027.15.01',
        v: await versionOf('ipp-2027.15.01'),
      }),
    ).toMatchObject({
      __typename: 'IllegalTransitionError',
      status: 'DRAFT',
    });
    expect(await mutate(...step('publishCycle'), { id: 'ipp-2027' })).toMatchObject({
      __typename: 'IllegalTransitionError',
      status: 'OPEN',
    });
    expect(
      await mutate(...withReason('returnAssessment'), {
        id: 'ipp-2027.15.01',
        v: await versionOf('ipp-2027.15.01'),
        reason: 'x',
      }),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'reason' });
    expect(
      await mutate(...withReason('returnAssessment'), {
        id: 'ipp-2027.15.01',
        v: await versionOf('ipp-2027.15.01'),
        reason: 'Recount the SDM evidence',
      }),
    ).toMatchObject({
      __typename: 'IllegalTransitionError',
    });
    expect(
      await mutate(...CREATE_CYCLE, { input: { framework: 'IPP', year: 2024 } }),
    ).toMatchObject({
      __typename: 'AlreadyExistsError',
      existingId: 'ipp-2024',
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('will not publish a cycle while an assessment is unverified', async () => {
    await mutate(...step('closeCycle'), { id: 'ipp-2027' });
    const result = await mutate(...step('publishCycle'), { id: 'ipp-2027' });
    expect(result).toMatchObject({ __typename: 'IllegalTransitionError', status: 'CLOSED' });
    expect(result.message).toContain('ipp-2027.15.01');
    const { data } = await graphql<{ cycle: { status: string } }>(
      subgraph.url,
      'query { cycle(id: "ipp-2027") { status } }',
    );
    expect(data?.cycle.status).toBe('CLOSED');
  });

  it('fails closed when the register cannot be asked', async () => {
    const counts = await tableCounts();
    useServiceAt('organisations', 'http://127.0.0.1:9/graphql');
    try {
      const { data, errors } = await graphql(
        subgraph.url,
        `mutation { recordPublishedTotal(input: { cycleId: "ipp-2024", subjectId: "15.02", score: 3.1, source: "test" }) { __typename } }`,
      );
      expect(data?.recordPublishedTotal).toBeFalsy();
      expect(errors?.[0]?.extensions?.code).toBe('ORGANISATIONS_UNAVAILABLE');
      expect(await tableCounts()).toEqual(counts);
    } finally {
      useServiceAt('organisations', organisations.url);
    }
  });
});

describe('published totals', () => {
  const RECORD_TOTAL = [
    'recordPublishedTotal(input: $input)',
    '$input: PublishedTotalInput!',
  ] as const;

  it('checks the scale and precision of the cycle', async () => {
    const before = await tableCounts();
    for (const [score, message] of [
      [5.2, 'between 0 and 5'],
      [3.456, '2 decimals'],
    ] as const) {
      const result = await mutate(...RECORD_TOTAL, {
        input: { cycleId: 'ipp-2024', subjectId: '15.02', score, source: 'test' },
      });
      expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'input.score' });
      expect(result.message).toContain(message);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('records a press-release total, and a corrected one only with a reason', async () => {
    const input = { cycleId: 'ipp-2024', subjectId: '15.02', score: 3.1, source: 'Press release' };
    expect(await mutate(...RECORD_TOTAL, { input })).toMatchObject({
      assessment: { id: 'ipp-2024.15.02', status: 'PUBLISHED', score: 3.1, revision: 1 },
    });
    expect(await mutate(...RECORD_TOTAL, { input: { ...input, score: 3.2 } })).toMatchObject({
      __typename: 'AlreadyExistsError',
      existingId: 'ipp-2024.15.02',
    });
    expect(
      await mutate(...RECORD_TOTAL, {
        input: { ...input, score: 3.2, correctionReason: 'Erratum to KepmenPAN-RB' },
      }),
    ).toMatchObject({
      assessment: { id: 'ipp-2024.15.02~r2', score: 3.2, revision: 2, current: true },
    });
  });

  it('a correction is what the next read sees, though the read before it was kept', async () => {
    const READ = `{
      _entities(representations: [{ __typename: "Organisation", id: "15.02" }]) {
        ... on Organisation { results(framework: IPP) { cycle { year } score } } }
      ranking(framework: IPP, year: 2024, provinceCode: "15") { organisation { id } score } }`;
    type Read = {
      _entities: { results: { cycle: { year: number }; score: number }[] }[];
      ranking: { organisation: { id: string }; score: number }[];
    };
    const scores = async () => {
      const { data, errors } = await graphql<Read>(subgraph.url, READ);
      expect(errors).toBeUndefined();
      return [
        data?._entities[0]?.results.find((r) => r.cycle.year === 2024)?.score,
        data?.ranking.find((e) => e.organisation.id === '15.02')?.score,
      ];
    };
    expect(await scores()).toEqual([3.2, 3.2]);
    const counted = sqlQueryCount();
    expect(await scores()).toEqual([3.2, 3.2]);
    // Kept from the first read: published results are not read again until something changes.
    expect(sqlQueryCount() - counted).toBe(0);
    const input = {
      cycleId: 'ipp-2024',
      subjectId: '15.02',
      score: 3.3,
      source: 'Press release',
      correctionReason: 'Second erratum',
    };
    expect(await mutate(...RECORD_TOTAL, { input })).toMatchObject({
      assessment: { score: 3.3, revision: 3, current: true },
    });
    expect(await scores()).toEqual([3.3, 3.3]);
  });

  it('records the five sectors a 2021 government was sampled in beside its published total', async () => {
    const units = ['dinas-kesehatan', 'dinas-sosial', 'dpmptsp', 'dukcapil', 'dinas-pendidikan'];
    const input = {
      cycleId: 'ombudsman-compliance-2021',
      subjectId: '17.01',
      score: 85.89,
      source: 'test: five sectors, one unit total published',
      lokus: units.map((u, i) => ({ unitId: `17.01.${u}`, ...(i === 0 ? { total: 88.1 } : {}) })),
    };
    const before = await tableCounts();
    // Each unit once, each on the scale, each in the register; nothing written otherwise.
    for (const [lokus, field, typename] of [
      [[input.lokus[0], input.lokus[0]], 'input.lokus[1].unitId', 'InvalidInputError'],
      [[{ unitId: '17.01.dinas-sosial', total: 101 }], 'input.lokus[0].total', 'InvalidInputError'],
      [
        [input.lokus[0], { unitId: '17.01.no-such-unit' }],
        'input.lokus[1].unitId',
        'NotFoundError',
      ],
    ] as const) {
      expect(await mutate(...RECORD_TOTAL, { input: { ...input, lokus } })).toMatchObject({
        __typename: typename,
        field,
      });
    }
    expect(await tableCounts()).toEqual(before);

    expect(await mutate(...RECORD_TOTAL, { input })).toMatchObject({
      assessment: { id: 'ombudsman-compliance-2021.17.01', status: 'PUBLISHED', score: 85.89 },
    });
    const { data } = await graphql<{
      assessment: { score: number; lokus: { unit: { id: string }; score: number | null }[] };
    }>(
      subgraph.url,
      '{ assessment(id: "ombudsman-compliance-2021.17.01") { score lokus { unit { id } score review } } }',
    );
    // The published total stands as given; the units are what the source says was sampled.
    expect(data?.assessment.score).toBe(85.89);
    expect(data?.assessment.lokus).toHaveLength(5);
    expect(data?.assessment.lokus).toContainEqual({
      unit: { id: '17.01.dinas-kesehatan' },
      score: 88.1,
      review: 'ACCEPTED',
    });
    expect(data?.assessment.lokus).toContainEqual({
      unit: { id: '17.01.dukcapil' },
      score: null,
      review: 'ACCEPTED',
    });
  });
});

describe('concurrent writers', () => {
  // On PostgreSQL (test:db) the subgraph's pool runs these at once; the database's constraints
  // and status-guarded updates, not the checks before them, decide the one winner.

  it('two creates of the same assessment: one is recorded, the other is told it exists', async () => {
    await mutate(...CREATE_CYCLE, { input: { framework: 'IPP', year: 2031 } });
    await mutate(...step('openCycle'), { id: 'ipp-2031' });
    const input = {
      cycleId: 'ipp-2031',
      subjectId: '15.01',
      lokus: [{ unitId: '15.01', indicators: levels(3) }],
    };
    const before = await tableCounts();
    const results = await Promise.all([mutate(...CREATE, { input }), mutate(...CREATE, { input })]);
    expect(results.map((r) => r.__typename).sort()).toEqual([
      'AlreadyExistsError',
      'CreateAssessmentSuccess',
    ]);
    expect(results.find((r) => r.__typename === 'AlreadyExistsError')).toMatchObject({
      field: 'input.subjectId',
      existingId: 'ipp-2031.15.01',
    });
    const after = await tableCounts();
    expect(after.assessments - before.assessments).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });

  it('two publishes of one verified assessment: one publishes, the other is told it changed', async () => {
    const id = 'ipp-2031.15.01';
    await mutate(...versioned('submitAssessment'), { id, v: await versionOf(id) });
    await mutate(...versioned('verifyAssessment'), { id, v: await versionOf(id) });
    await mutate(...step('closeCycle'), { id: 'ipp-2031' });
    const before = await tableCounts();
    const v = await versionOf(id);
    const results = await Promise.all([
      mutate(...versioned('publishAssessment'), { id, v }),
      mutate(...versioned('publishAssessment'), { id, v }),
    ]);
    expect(results.map((r) => r.__typename)).toContain('PublishAssessmentSuccess');
    // The loser read the assessment either after the winner committed (it is PUBLISHED now) or
    // before (its version is stale): both tell it to reload.
    const loser = results.find((r) => r.__typename !== 'PublishAssessmentSuccess');
    if (loser?.__typename === 'IllegalTransitionError') {
      expect(loser).toMatchObject({ field: 'id', status: 'PUBLISHED' });
    } else {
      expect(loser).toMatchObject({ __typename: 'VersionConflictError', field: 'expectedVersion' });
    }
    // One publication in the history, one current revision.
    expect((await tableCounts()).audit - before.audit).toBe(1);
    const { data } = await graphql<{ assessment: { revisions: { current: boolean }[] } }>(
      subgraph.url,
      `{ assessment(id: "${id}") { revisions { current } } }`,
    );
    expect(data?.assessment.revisions).toEqual([{ current: true }]);
  });

  it('two corrections of one published assessment: one new revision, the other names it', async () => {
    const id = 'ipp-2031.15.01';
    const v = await versionOf(id);
    const results = await Promise.all([
      mutate(...withReason('correctAssessment'), { id, v, reason: 'Salah ketik pada aspek SDM' }),
      mutate(...withReason('correctAssessment'), { id, v, reason: 'Koreksi aspek inovasi' }),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual([
      'AlreadyExistsError',
      'CorrectAssessmentSuccess',
    ]);
    expect(results.find((r) => r.__typename === 'AlreadyExistsError')).toMatchObject({
      existingId: 'ipp-2031.15.01~r2',
    });
  });
});

describe('ministries and agencies rank apart', () => {
  it('kementerian among kementerian, badan among lembaga and badan, each named on its entries', async () => {
    // A national agency the register does not hold yet, as a partner would register one.
    const created = await graphql<{ createOrganisation: { organisation: { id: string } } }>(
      organisations.url,
      `mutation { createOrganisation(input: { kind: NATIONAL_AGENCY, name: "Badan Pusat Statistik", slug: "bps", source: "test" }) {
        ... on CreateOrganisationSuccess { organisation { id } } } }`,
    );
    expect(created.data?.createOrganisation.organisation.id).toBe('bps');
    await mutate(...CREATE_CYCLE, { input: { framework: 'OMBUDSMAN_COMPLIANCE', year: 2028 } });
    await mutate(...step('openCycle'), { id: 'ombudsman-compliance-2028' });
    for (const [subjectId, score] of [
      ['kemendagri', 85.3],
      ['bps', 92.4],
      ['kemenpan-rb', 88.15],
      ['15.01', 95.1],
    ] as const) {
      expect(
        await mutate('recordPublishedTotal(input: $input)', '$input: PublishedTotalInput!', {
          input: { cycleId: 'ombudsman-compliance-2028', subjectId, score, source: 'test' },
        }),
      ).toMatchObject({ assessment: { status: 'PUBLISHED' } });
    }
    const ranking = async (args: string) =>
      (
        await graphql<{ ranking: { rank: number; group: string; organisation: { id: string } }[] }>(
          subgraph.url,
          `{ ranking(framework: OMBUDSMAN_COMPLIANCE, year: 2028, ${args}) { rank group organisation { id } } }`,
        )
      ).data?.ranking.map((e) => [e.rank, e.group, e.organisation.id]);
    expect(await ranking('group: MINISTRY')).toEqual([
      [1, 'MINISTRY', 'kemenpan-rb'],
      [2, 'MINISTRY', 'kemendagri'],
    ]);
    // By default, the group of the organisation asked for: BPS is first among agencies only.
    expect(await ranking('organisationId: "bps"')).toEqual([[1, 'AGENCY', 'bps']]);
    expect(await ranking('organisationId: "kemendagri"')).toEqual([
      [1, 'MINISTRY', 'kemenpan-rb'],
      [2, 'MINISTRY', 'kemendagri'],
    ]);
    expect(await ranking('group: REGENCY')).toEqual([[1, 'REGENCY', '15.01']]);
  });
});

describe('methods of their own year', () => {
  it('an SPBE cycle of 2019 is scored by PermenPAN-RB 5/2018: 3 domains, 7 aspects, 35 indicators, 0-5', async () => {
    await mutate(...CREATE_CYCLE, { input: { framework: 'SPBE', year: 2019 } });
    const { data } = await graphql<{ cycle: unknown }>(
      subgraph.url,
      '{ cycle(id: "spbe-2019") { methodology { id scaleMin scaleMax outline { domains aspects indicators } } } }',
    );
    expect(data?.cycle).toEqual({
      methodology: {
        id: 'spbe-2018',
        scaleMin: 0,
        scaleMax: 5,
        outline: {
          domains: ['Kebijakan Internal SPBE', 'Tata Kelola SPBE', 'Layanan SPBE'],
          aspects: 7,
          indicators: 35,
        },
      },
    });
  });
});
