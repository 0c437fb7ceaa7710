import { componentScoresOf, instrumentOf, methodologyById, weightedTotal } from '@mutu/scoring';
import { type Identity, PUBLIC } from '@mutu/server';
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

const CYCLE = 'ipp-2033';
const UNIT = '17.71.dukcapil';
const ADMIN: Identity = { sub: 'evaluator@kemenpan', role: 'admin', regions: [] };
const EVALUATOR: Identity = { sub: 'evaluator@bengkulu', role: 'assessor', regions: ['17'] };
const unit = (organisation: string): Identity => ({
  sub: `admin@${organisation}`,
  role: 'unit',
  regions: [],
  organisation,
});
const DUKCAPIL = unit(UNIT);
const DINSOS = unit('17.71.dinas-sosial');
const ORTALA = unit('17.71');

/** The unit rates itself 4 everywhere; the evaluator sees 2 to 5 by indicator. */
const OWN: Record<string, number> = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [String(i + 1), 4]),
);
const EVALUATED: Record<string, number> = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [String(i + 1), (i % 4) + 2]),
);
const asScores = (levels: Record<string, number>) =>
  Object.entries(levels).map(([indicator, score]) => ({ indicator, score }));

type Answer = Record<string, unknown> & { __typename: string };
async function call(q: string, variables: Record<string, unknown>, as: Identity) {
  return graphql<Record<string, Answer>>(subgraph.url, q, variables, { as });
}
async function run(q: string, variables: Record<string, unknown>, as: Identity) {
  const { data, errors } = await call(q, variables, as);
  expect(errors).toBeUndefined();
  return data?.r as Answer;
}

const RECORD = `mutation($c: ID!, $o: ID!, $v: Int!, $s: [IndicatorScoreInput!]!) {
  r: recordSelfScores(cycleId: $c, organisationId: $o, expectedVersion: $v, scores: $s) {
    __typename ... on MutationError { field message } ... on NotResponsibleError { mustAct }
    ... on RecordSelfScoresSuccess { selfEvaluation { id version status score missingIndicators } } } }`;

type Evaluation = {
  id: string;
  version: number;
  status: string;
  score: number | null;
  missingIndicators: string[];
  gaps: {
    indicator: { key: string };
    selfScore: number;
    evaluatorScore: number | null;
    gap: number | null;
  }[];
};

async function evaluation(as: Identity): Promise<Evaluation | null> {
  const { data } = await graphql<{ selfEvaluation: Evaluation | null }>(
    subgraph.url,
    `{ selfEvaluation(cycleId: "${CYCLE}", organisationId: "${UNIT}") {
      id version status score missingIndicators
      gaps { indicator { key } selfScore evaluatorScore gap } } }`,
    undefined,
    { as },
  );
  return data?.selfEvaluation ?? null;
}

const methodology = methodologyById('ipp-2022');
const instrument = methodology && instrumentOf(methodology);
const totalOf = (levels: Record<string, number>) => {
  if (!methodology || !instrument) throw new Error('ipp-2022 has an instrument');
  return weightedTotal(methodology, componentScoresOf(instrument, levels).components).total;
};

describe('self-evaluation (PEKPPP mandiri)', () => {
  beforeAll(async () => {
    await run(
      'mutation { r: createCycle(input: { framework: IPP, year: 2033 }) { __typename } }',
      {},
      ADMIN,
    );
    await run(`mutation { r: openCycle(id: "${CYCLE}") { __typename } }`, {}, ADMIN);
  });

  it('refuses another unit, a stale version, an unknown indicator and a level off the scale, writing nothing', async () => {
    const before = await tableCounts();
    const base = { c: CYCLE, o: UNIT, v: 0, s: asScores({ 1: 4 }) };
    expect(await run(RECORD, base, DINSOS)).toMatchObject({
      __typename: 'NotResponsibleError',
      field: 'organisationId',
      mustAct: UNIT,
    });
    expect(await run(RECORD, { ...base, v: 3 }, DUKCAPIL)).toMatchObject({
      __typename: 'VersionConflictError',
    });
    expect(
      await run(RECORD, { ...base, s: [{ indicator: '31', score: 3 }] }, DUKCAPIL),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'scores[0].indicator' });
    expect(
      await run(RECORD, { ...base, s: [{ indicator: '2', score: 9 }] }, DUKCAPIL),
    ).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'scores[0].score',
    });
    expect(await run(RECORD, { ...base, c: 'ipp-2099' }, DUKCAPIL)).toMatchObject({
      __typename: 'NotFoundError',
      field: 'cycleId',
    });
    // An evaluator does not write a unit's self-evaluation.
    const { errors } = await call(RECORD, base, EVALUATOR);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableCounts()).toEqual(before);
  });

  it('is scored by the unit in parts, totalled by packages/scoring, and submitted once complete', async () => {
    const first = await run(
      RECORD,
      { c: CYCLE, o: UNIT, v: 0, s: asScores(OWN).slice(0, 10) },
      DUKCAPIL,
    );
    expect(first).toMatchObject({ selfEvaluation: { status: 'DRAFT', score: null, version: 1 } });
    const started = first.selfEvaluation as Evaluation;
    expect(started.missingIndicators).toHaveLength(20);
    const submit = `mutation($id: ID!, $v: Int!) { r: submitSelfEvaluation(id: $id, expectedVersion: $v) {
      __typename ... on MutationError { field } ... on SubmitSelfEvaluationSuccess { selfEvaluation { status } } } }`;
    expect(await run(submit, { id: started.id, v: 1 }, DUKCAPIL)).toMatchObject({
      __typename: 'IllegalTransitionError',
      field: 'id',
    });
    const done = await run(
      RECORD,
      { c: CYCLE, o: UNIT, v: 1, s: asScores(OWN).slice(10) },
      DUKCAPIL,
    );
    expect(done).toMatchObject({ selfEvaluation: { score: totalOf(OWN), version: 2 } });
    expect(await run(submit, { id: started.id, v: 2 }, DUKCAPIL)).toMatchObject({
      selfEvaluation: { status: 'SUBMITTED' },
    });
    expect(
      await run(RECORD, { c: CYCLE, o: UNIT, v: 3, s: asScores({ 1: 5 }) }, DUKCAPIL),
    ).toMatchObject({
      __typename: 'IllegalTransitionError',
    });
  });

  it("shows beside the evaluator's levels with the gap, once the unit may read them; never mixed into the result", async () => {
    // The evaluator assesses Kota Bengkulu with Dukcapil as a lokus.
    await run(
      `mutation { r: createAssessment(input: { cycleId: "${CYCLE}", subjectId: "17.71", lokus: [{ unitId: "${UNIT}", indicators: [${asScores(
        EVALUATED,
      )
        .map((s) => `{ indicator: "${s.indicator}", score: ${s.score} }`)
        .join(', ')}] }] }) { __typename } }`,
      {},
      EVALUATOR,
    );
    // While the evaluation is a draft its levels are the evaluator's: the unit sees its own only.
    const meanwhile = await evaluation(DUKCAPIL);
    expect(meanwhile?.gaps.every((g) => g.evaluatorScore === null && g.gap === null)).toBe(true);
    expect((await evaluation(EVALUATOR))?.gaps[1]).toMatchObject({
      indicator: { key: '2' },
      selfScore: 4,
      evaluatorScore: 3,
      gap: 1,
    });

    const id = `${CYCLE}.17.71`;
    await run(
      `mutation { r: submitAssessment(id: "${id}", expectedVersion: ${await assessmentVersion(id)}) { __typename } }`,
      {},
      EVALUATOR,
    );
    await run(
      `mutation { r: verifyAssessment(id: "${id}", expectedVersion: ${await assessmentVersion(id)}) { __typename } }`,
      {},
      ADMIN,
    );
    await run(`mutation { r: closeCycle(id: "${CYCLE}") { __typename } }`, {}, ADMIN);
    await run(`mutation { r: publishCycle(id: "${CYCLE}") { __typename } }`, {}, ADMIN);

    const published = await evaluation(DUKCAPIL);
    expect(published?.gaps).toHaveLength(30);
    for (const g of published?.gaps ?? []) {
      const key = g.indicator.key;
      expect(g).toEqual({
        indicator: { key },
        selfScore: OWN[key],
        evaluatorScore: EVALUATED[key],
        gap: (OWN[key] ?? 0) - (EVALUATED[key] ?? 0),
      });
    }
    // Over-rated where the evaluator saw 2 or 3.
    expect(published?.gaps.filter((g) => (g.gap ?? 0) > 0).map((g) => g.indicator.key)).toEqual([
      '1',
      '2',
      '5',
      '6',
      '9',
      '10',
      '13',
      '14',
      '17',
      '18',
      '21',
      '22',
      '25',
      '26',
      '29',
      '30',
    ]);
    const { data } = await graphql<{ assessment: { score: number } }>(
      subgraph.url,
      `{ assessment(id: "${id}") { score } }`,
      undefined,
      { as: PUBLIC },
    );
    expect(data?.assessment.score).toBe(totalOf(EVALUATED));
  });

  it('is read by the unit, the government above it and staff, never by another unit or the public', async () => {
    expect(await evaluation(ORTALA)).not.toBeNull();
    expect(await evaluation(DINSOS)).toBeNull();
    expect(await evaluation(PUBLIC)).toBeNull();
    const { data } = await graphql<{ _entities: { selfEvaluations: { score: number }[] }[] }>(
      subgraph.url,
      `{ _entities(representations: [{ __typename: "Organisation", id: "${UNIT}" }]) {
        ... on Organisation { selfEvaluations { score } } } }`,
      undefined,
      { as: DUKCAPIL },
    );
    expect(data?._entities[0]?.selfEvaluations).toEqual([{ score: totalOf(OWN) }]);
  });

  it('is refused once its cycle is no longer open', async () => {
    expect(
      await run(RECORD, { c: CYCLE, o: '17.71.dinas-sosial', v: 0, s: asScores({ 1: 3 }) }, DINSOS),
    ).toMatchObject({ __typename: 'IllegalTransitionError', field: 'cycleId' });
  });
});
