import { type Identity, PUBLIC } from '@mutu/server';
import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentVersion, startWithRegister, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startWithRegister();
});
afterAll(async () => {
  await subgraph?.close();
});

// Two assessors of the Jambi perwakilan, one of Bengkulu's.
const JAMBI_A: Identity = { sub: 'asesor-a@jambi', role: 'assessor', regions: ['15'] };
const JAMBI_B: Identity = { sub: 'asesor-b@jambi', role: 'assessor', regions: ['15'] };
const BENGKULU: Identity = { sub: 'asesor@bengkulu', role: 'assessor', regions: ['17'] };
const ANALYST: Identity = { sub: 'analis@bappenas', role: 'analyst', regions: [] };
const ADMIN: Identity = { sub: 'evaluator@kemenpan', role: 'admin', regions: [] };
const CYCLE = 'ipp-2031';

const ALL_INDICATORS = Array.from({ length: 30 }, (_, i) => ({
  indicator: String(i + 1),
  score: 3,
}));

async function run(q: string, as: Identity, variables?: Record<string, unknown>) {
  const { data, errors } = await graphql<{ r: Record<string, unknown> }>(
    subgraph.url,
    q,
    variables,
    { as },
  );
  expect(errors).toBeUndefined();
  return data?.r as Record<string, unknown> & { __typename: string };
}

async function lokusOf(subject: string) {
  const { data } = await graphql<{ assessment: { lokus: { id: string; version: number }[] } }>(
    subgraph.url,
    `{ assessment(id: "${CYCLE}.${subject}") { lokus { id version } } }`,
  );
  const found = data?.assessment.lokus[0];
  if (!found) throw new Error(`${subject} has a lokus`);
  return found;
}

/** An assessor drafts a government scored as one lokus; optionally scores and submits it. */
async function draft(subject: string, as: Identity, submit: boolean) {
  await run(
    `mutation { r: createAssessment(input: { cycleId: "${CYCLE}", subjectId: "${subject}", lokus: [{ unitId: "${subject}" }] }) { __typename } }`,
    as,
  );
  if (!submit) return;
  const l = await lokusOf(subject);
  expect(
    await run(
      'mutation($id: ID!, $v: Int!, $s: [IndicatorScoreInput!]!) { r: recordIndicatorScores(lokusId: $id, expectedVersion: $v, scores: $s) { __typename } }',
      as,
      { id: l.id, v: l.version, s: ALL_INDICATORS },
    ),
  ).toMatchObject({ __typename: 'RecordIndicatorScoresSuccess' });
  expect(
    await run(
      `mutation { r: submitAssessment(id: "${CYCLE}.${subject}", expectedVersion: ${await assessmentVersion(`${CYCLE}.${subject}`)}) { __typename } }`,
      as,
    ),
  ).toMatchObject({ __typename: 'SubmitAssessmentSuccess' });
}

async function decide(subject: string, as: Identity, input: Record<string, unknown>) {
  const l = await lokusOf(subject);
  expect(
    await run(
      'mutation($id: ID!, $v: Int!, $input: VerificationInput!) { r: recordVerification(lokusId: $id, expectedVersion: $v, input: $input) { __typename } }',
      as,
      { id: l.id, v: l.version, input },
    ),
  ).toMatchObject({ __typename: 'RecordVerificationSuccess' });
}

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; status: string } }[];
};

async function worklist(filter: Record<string, unknown>, as: Identity, page = '') {
  const { data, errors } = await graphql<{ assessments: Page }>(
    subgraph.url,
    `query($filter: AssessmentFilter) { assessments(filter: $filter${page}) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`,
    { filter },
    { as },
  );
  expect(errors).toBeUndefined();
  return data?.assessments as Page;
}

const ids = (page: Page) => page.edges.map((e) => e.node.id.replace(`${CYCLE}.`, ''));

describe('worklists', () => {
  beforeAll(async () => {
    await run(
      'mutation { r: createCycle(input: { framework: IPP, year: 2031 }) { __typename } }',
      ADMIN,
    );
    await run(`mutation { r: openCycle(id: "${CYCLE}") { __typename } }`, ADMIN);
    await draft('15.01', JAMBI_A, true); // waits at the administrative check
    await draft('15.02', JAMBI_A, false); // a draft
    await draft('15.03', JAMBI_B, true); // waits at the administrative check
    await draft('15.71', JAMBI_B, true); // accepted once, then returned from the field
    await decide('15.71', JAMBI_A, { stage: 'ADMINISTRATIVE', decision: 'ACCEPT' });
    await decide('15.71', JAMBI_A, {
      stage: 'FIELD',
      decision: 'RETURN',
      comments: [
        { indicator: '12', decision: 'RETURN', note: 'Maklumat pelayanan tidak dipajang' },
      ],
    });
    await draft('17.01', BENGKULU, false);
  });

  it('gives each assessor their own queue: what to score and what to verify in their region', async () => {
    const cycle = { cycleId: CYCLE };
    expect(ids(await worklist({ ...cycle, queue: 'TO_SCORE' }, JAMBI_A))).toEqual([
      '15.02',
      '15.71',
    ]);
    // A verifier never sees the lokus they scored themselves.
    expect(ids(await worklist({ ...cycle, queue: 'TO_VERIFY' }, JAMBI_A))).toEqual(['15.03']);
    expect(ids(await worklist({ ...cycle, queue: 'TO_VERIFY' }, JAMBI_B))).toEqual(['15.01']);
    expect(ids(await worklist({ ...cycle, queue: 'TO_SCORE' }, BENGKULU))).toEqual(['17.01']);
    expect(ids(await worklist({ ...cycle, queue: 'TO_VERIFY' }, BENGKULU))).toEqual([]);
    // Analysts follow the work but assess nothing: no queue of their own.
    expect(await worklist({ ...cycle, queue: 'TO_SCORE' }, ANALYST)).toMatchObject({
      totalCount: 0,
      edges: [],
    });
    expect(ids(await worklist({ ...cycle, queue: 'TO_VERIFY' }, ADMIN))).toEqual([
      '15.01',
      '15.03',
    ]);
  });

  it('narrows by status, stage, review, province and regency', async () => {
    const cycle = { cycleId: CYCLE };
    expect(ids(await worklist({ ...cycle, status: ['DRAFT'] }, ANALYST))).toEqual([
      '15.02',
      '17.01',
    ]);
    expect(ids(await worklist({ ...cycle, stage: 'ADMINISTRATIVE' }, ANALYST))).toEqual([
      '15.01',
      '15.03',
    ]);
    // Returned from the field: not waiting there.
    expect(ids(await worklist({ ...cycle, stage: 'FIELD' }, ANALYST))).toEqual([]);
    expect(ids(await worklist({ ...cycle, review: 'RETURNED' }, ANALYST))).toEqual(['15.71']);
    expect(ids(await worklist({ ...cycle, provinceCode: '17' }, ANALYST))).toEqual(['17.01']);
    expect(ids(await worklist({ ...cycle, regencyCode: '15.71' }, ANALYST))).toEqual(['15.71']);
    expect(
      ids(await worklist({ framework: 'IPP', year: 2031, provinceCode: '15' }, ANALYST)),
    ).toEqual(['15.01', '15.02', '15.03', '15.71']);
    expect(ids(await worklist({ framework: 'OMBUDSMAN_COMPLIANCE', year: 2031 }, ANALYST))).toEqual(
      [],
    );
  });

  it('shows the public only published assessments, and drafts to signed-in roles', async () => {
    expect(await worklist({ cycleId: CYCLE }, PUBLIC)).toMatchObject({ totalCount: 0, edges: [] });
    const published = await worklist({ framework: 'IPP', year: 2024 }, PUBLIC);
    expect(published.totalCount).toBeGreaterThan(0);
    expect(new Set(published.edges.map((e) => e.node.status))).toEqual(new Set(['PUBLISHED']));
    expect((await worklist({ cycleId: CYCLE }, ANALYST)).totalCount).toBe(5);
  });

  it('pages by cursor, and the cycle shows the same worklist', async () => {
    const first = await worklist({ cycleId: CYCLE }, ANALYST, ', first: 2');
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const rest = await worklist(
      { cycleId: CYCLE },
      ANALYST,
      `, first: 10, after: "${first.pageInfo.endCursor}"`,
    );
    expect([...ids(first), ...ids(rest)]).toEqual(['15.01', '15.02', '15.03', '15.71', '17.01']);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const { data } = await graphql<{ cycle: { assessments: Page } }>(
      subgraph.url,
      `{ cycle(id: "${CYCLE}") { assessments(filter: { queue: TO_SCORE }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } } }`,
      undefined,
      { as: JAMBI_A },
    );
    expect(data?.cycle.assessments.totalCount).toBe(2);
    expect(ids(data?.cycle.assessments as Page)).toEqual(['15.02', '15.71']);
  });

  it('counts progress over the cycle and per province, within what the caller may know of', async () => {
    const query = `{ cycle(id: "${CYCLE}") { progress {
      all { assessments draft submitted verified published
            lokus { total drafting inReview returned accepted atAdministrative atField atFinal } }
      byProvince { provinceCode assessments draft submitted lokus { total inReview returned } } } } }`;
    const { data } = await graphql<{ cycle: { progress: unknown } }>(
      subgraph.url,
      query,
      undefined,
      {
        as: ANALYST,
      },
    );
    expect(data?.cycle.progress).toEqual({
      all: {
        assessments: 5,
        draft: 2,
        submitted: 3,
        verified: 0,
        published: 0,
        lokus: {
          total: 5,
          drafting: 2,
          inReview: 2,
          returned: 1,
          accepted: 0,
          atAdministrative: 2,
          atField: 0,
          atFinal: 0,
        },
      },
      byProvince: [
        {
          provinceCode: '15',
          assessments: 4,
          draft: 1,
          submitted: 3,
          lokus: { total: 4, inReview: 2, returned: 1 },
        },
        {
          provinceCode: '17',
          assessments: 1,
          draft: 1,
          submitted: 0,
          lokus: { total: 1, inReview: 0, returned: 0 },
        },
      ],
    });
    const unsigned = await graphql<{
      cycle: { progress: { all: { assessments: number }; byProvince: unknown[] } };
    }>(
      subgraph.url,
      `{ cycle(id: "${CYCLE}") { progress { all { assessments } byProvince { provinceCode } } } }`,
      undefined,
      { as: PUBLIC },
    );
    expect(unsigned.data?.cycle.progress).toEqual({ all: { assessments: 0 }, byProvince: [] });
  });

  it('refuses a malformed region naming the field', async () => {
    for (const [filter, field] of [
      [{ provinceCode: '1' }, 'filter.provinceCode'],
      [{ regencyCode: '15' }, 'filter.regencyCode'],
      [{ year: 20 }, 'filter.year'],
    ] as const) {
      const { errors } = await graphql(
        subgraph.url,
        'query($filter: AssessmentFilter) { assessments(filter: $filter) { totalCount } }',
        { filter },
        { as: ANALYST },
      );
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
    }
  });
});
