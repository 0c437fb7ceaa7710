import { componentScoresOf, instrumentOf, methodologyById, weightedTotal } from '@mutu/scoring';
import type { Identity } from '@mutu/server';
import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentVersion,
  startWithRegister,
  type TestSubgraph,
  tableCounts,
} from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startWithRegister();
});
afterAll(async () => {
  await subgraph?.close();
});

const ASSESSOR: Identity = { sub: 'asesor-a@jambi', role: 'assessor', regions: ['15'] };
const VERIFIER: Identity = { sub: 'verifikator-b@jambi', role: 'assessor', regions: ['15'] };
const ADMIN: Identity = { sub: 'evaluator@kemenpan', role: 'admin', regions: [] };
const ID = 'ipp-2029.15.01';

type Result = Record<string, unknown> & { __typename: string };

async function run(q: string, variables: Record<string, unknown>, as: Identity) {
  const { data, errors } = await graphql<Record<string, Result>>(subgraph.url, q, variables, {
    as,
  });
  expect(errors).toBeUndefined();
  return data?.r as Result;
}

const LOKUS_FIELDS = 'id version review stage score';
const VERIFY = `mutation($id: ID!, $v: Int!, $input: VerificationInput!) {
  r: recordVerification(lokusId: $id, expectedVersion: $v, input: $input) {
    __typename
    ... on MutationError { field message }
    ... on RecordVerificationSuccess { lokus { ${LOKUS_FIELDS} } } } }`;
const SCORE = `mutation($id: ID!, $v: Int!, $scores: [IndicatorScoreInput!]!) {
  r: recordIndicatorScores(lokusId: $id, expectedVersion: $v, scores: $scores) {
    __typename ... on MutationError { field } ... on RecordIndicatorScoresSuccess { lokus { ${LOKUS_FIELDS} } } } }`;
const RESUBMIT = `mutation($id: ID!, $v: Int!) { r: resubmitLokus(lokusId: $id, expectedVersion: $v) {
  __typename ... on MutationError { field } ... on ResubmitLokusSuccess { lokus { ${LOKUS_FIELDS} } } } }`;

type Lokus = {
  id: string;
  version: number;
  review: string;
  stage: string | null;
  score: number | null;
};

async function lokus(as: Identity = ADMIN): Promise<Lokus> {
  const { data } = await graphql<{ assessment: { lokus: Lokus[] } }>(
    subgraph.url,
    `{ assessment(id: "${ID}") { lokus { ${LOKUS_FIELDS} } } }`,
    undefined,
    { as },
  );
  const found = data?.assessment.lokus[0];
  if (!found) throw new Error('the assessment has its lokus');
  return found;
}

const levels: Record<string, number> = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [String(i + 1), (i % 4) + 2]),
);
const asScores = (given: Record<string, number>) =>
  Object.entries(given).map(([indicator, score]) => ({ indicator, score }));

describe('verification in stages', () => {
  beforeAll(async () => {
    await run(
      'mutation { r: createCycle(input: { framework: IPP, year: 2029 }) { __typename } }',
      {},
      ADMIN,
    );
    await run('mutation { r: openCycle(id: "ipp-2029") { __typename } }', {}, ADMIN);
    await run(
      'mutation { r: createAssessment(input: { cycleId: "ipp-2029", subjectId: "15.01", lokus: [{ unitId: "15.01" }] }) { __typename } }',
      {},
      ASSESSOR,
    );
    const draft = await lokus();
    expect(
      await run(SCORE, { id: draft.id, v: draft.version, scores: asScores(levels) }, ASSESSOR),
    ).toMatchObject({ __typename: 'RecordIndicatorScoresSuccess' });
    expect(
      await run(
        `mutation { r: submitAssessment(id: "${ID}", expectedVersion: ${await assessmentVersion(ID)}) { __typename } }`,
        {},
        ASSESSOR,
      ),
    ).toMatchObject({ __typename: 'SubmitAssessmentSuccess' });
  });

  it('puts a submitted lokus in the first stage; it no longer changes', async () => {
    const submitted = await lokus();
    expect(submitted).toMatchObject({ review: 'IN_REVIEW', stage: 'ADMINISTRATIVE' });
    const refused = await run(
      SCORE,
      { id: submitted.id, v: submitted.version, scores: asScores({ 1: 5 }) },
      ASSESSOR,
    );
    expect(refused).toMatchObject({ __typename: 'IllegalTransitionError', field: 'lokusId' });
  });

  it('refuses a stage out of order, self-verification and incoherent decisions, writing nothing', async () => {
    const at = await lokus();
    const before = await tableCounts();
    const accept = { stage: 'ADMINISTRATIVE', decision: 'ACCEPT' };
    const cases: [Identity, Record<string, unknown>, Record<string, unknown>][] = [
      [
        ASSESSOR,
        { v: at.version, input: accept },
        { __typename: 'SelfVerificationError', field: 'lokusId' },
      ],
      [
        VERIFIER,
        { v: at.version, input: { ...accept, stage: 'FIELD' } },
        { __typename: 'IllegalTransitionError', field: 'input.stage' },
      ],
      [
        VERIFIER,
        { v: at.version - 1, input: accept },
        { __typename: 'VersionConflictError', field: 'expectedVersion' },
      ],
      [
        VERIFIER,
        {
          v: at.version,
          input: {
            ...accept,
            comments: [{ indicator: '3', decision: 'RETURN', note: 'Publikasi kurang' }],
          },
        },
        { __typename: 'InvalidInputError', field: 'input.decision' },
      ],
      [
        VERIFIER,
        { v: at.version, input: { ...accept, decision: 'RETURN' } },
        { __typename: 'InvalidInputError', field: 'input.comments' },
      ],
      [
        VERIFIER,
        {
          v: at.version,
          input: { ...accept, comments: [{ indicator: '31', decision: 'ACCEPT', note: 'Baik' }] },
        },
        { __typename: 'InvalidInputError', field: 'input.comments[0].indicator' },
      ],
    ];
    for (const [who, variables, expected] of cases) {
      expect(await run(VERIFY, { id: at.id, ...variables }, who)).toMatchObject(expected);
    }
    expect(await tableCounts()).toEqual(before);
    expect(await lokus()).toEqual(at);
  });

  it('returns one indicator with a note; the assessor corrects it and resubmits to the same stage', async () => {
    let at = await lokus();
    expect(
      await run(
        VERIFY,
        { id: at.id, v: at.version, input: { stage: 'ADMINISTRATIVE', decision: 'ACCEPT' } },
        VERIFIER,
      ),
    ).toMatchObject({ lokus: { review: 'IN_REVIEW', stage: 'FIELD' } });
    at = await lokus();
    const note = 'Ruang tunggu tanpa kursi prioritas: turunkan ke level 2';
    expect(
      await run(
        VERIFY,
        {
          id: at.id,
          v: at.version,
          input: {
            stage: 'FIELD',
            decision: 'RETURN',
            comments: [
              { indicator: '16', decision: 'RETURN', note },
              { indicator: '17', decision: 'ACCEPT', note: 'Toilet layak' },
            ],
          },
        },
        VERIFIER,
      ),
    ).toMatchObject({ lokus: { review: 'RETURNED', stage: 'FIELD' } });

    // The assessor reads what to correct.
    const { data } = await graphql<{
      assessment: {
        lokus: {
          verifications: {
            stage: string;
            decision: string;
            comments: { indicator: string; note: string }[];
          }[];
        }[];
      };
    }>(
      subgraph.url,
      `{ assessment(id: "${ID}") { lokus { verifications { stage decision comments { indicator decision note } } } } }`,
      undefined,
      { as: ASSESSOR },
    );
    expect(data?.assessment.lokus[0]?.verifications.at(-1)).toMatchObject({
      stage: 'FIELD',
      decision: 'RETURN',
      comments: [{ indicator: '16', note }, { indicator: '17' }],
    });

    at = await lokus();
    levels['16'] = 2;
    expect(
      await run(SCORE, { id: at.id, v: at.version, scores: asScores({ 16: 2 }) }, ASSESSOR),
    ).toMatchObject({
      lokus: { review: 'RETURNED' },
    });
    at = await lokus();
    expect(await run(RESUBMIT, { id: at.id, v: at.version }, ASSESSOR)).toMatchObject({
      lokus: { review: 'IN_REVIEW', stage: 'FIELD' },
    });
    // The corrected score is the assessor's again: the verifier is still someone else.
    at = await lokus();
    expect(
      await run(
        VERIFY,
        { id: at.id, v: at.version, input: { stage: 'FIELD', decision: 'ACCEPT' } },
        ASSESSOR,
      ),
    ).toMatchObject({ __typename: 'SelfVerificationError' });
  });

  it('accepts the corrected lokus through the last stage: the assessment is verified, then published with the computed total', async () => {
    let at = await lokus();
    const readBeforeTheField = await assessmentVersion(ID);
    await run(
      VERIFY,
      { id: at.id, v: at.version, input: { stage: 'FIELD', decision: 'ACCEPT' } },
      VERIFIER,
    );
    // A stage decision changes the assessment: a step on the whole of it read before is refused.
    const counts = await tableCounts();
    expect(
      await run(
        `mutation { r: verifyAssessment(id: "${ID}", expectedVersion: ${readBeforeTheField}) { __typename ... on MutationError { field } } }`,
        {},
        ADMIN,
      ),
    ).toMatchObject({ __typename: 'VersionConflictError', field: 'expectedVersion' });
    expect(await tableCounts()).toEqual(counts);
    at = await lokus();
    expect(
      await run(
        VERIFY,
        { id: at.id, v: at.version, input: { stage: 'FINAL', decision: 'ACCEPT', note: 'Sesuai' } },
        ADMIN,
      ),
    ).toMatchObject({ lokus: { review: 'ACCEPTED', stage: null } });
    const { data } = await graphql<{ assessment: { status: string; score: number } }>(
      subgraph.url,
      `{ assessment(id: "${ID}") { status score } }`,
    );
    expect(data?.assessment.status).toBe('VERIFIED');

    await run('mutation { r: closeCycle(id: "ipp-2029") { __typename } }', {}, ADMIN);
    expect(
      await run(
        `mutation { r: publishAssessment(id: "${ID}", expectedVersion: ${await assessmentVersion(ID)}) { __typename } }`,
        {},
        ADMIN,
      ),
    ).toMatchObject({
      __typename: 'PublishAssessmentSuccess',
    });
    const methodology = methodologyById('ipp-2022');
    const instrument = methodology && instrumentOf(methodology);
    if (!methodology || !instrument) throw new Error('ipp-2022 has an instrument');
    const expected = weightedTotal(
      methodology,
      componentScoresOf(instrument, levels).components,
    ).total;
    const published = await graphql<{
      assessment: { status: string; score: number; history: { action: string; actor: string }[] };
    }>(subgraph.url, `{ assessment(id: "${ID}") { status score history { action actor } } }`);
    expect(published.data?.assessment).toMatchObject({ status: 'PUBLISHED', score: expected });
    expect(published.data?.assessment.history.map((h) => h.action)).toEqual([
      'create',
      'record-indicators',
      'submit',
      'accept-administrative',
      'return-lokus',
      'record-indicators',
      'resubmit-lokus',
      'accept-field',
      'accept-final',
      'verify',
      'publish',
    ]);
  });
});
