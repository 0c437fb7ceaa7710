import { IDENTITY_HEADER, type Identity, PUBLIC } from '@mutu/server';
import { graphql, testCallToken } from '@mutu/server/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithRegister, type TestSubgraph, tableCounts } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startWithRegister();
});
afterAll(async () => {
  await subgraph?.close();
});

const ADMIN: Identity = { sub: 'admin@kemenpan', role: 'admin', regions: [] };
const unit = (organisation: string): Identity => ({
  sub: `admin@${organisation}`,
  role: 'unit',
  regions: [],
  organisation,
});
const DUKCAPIL = unit('17.71.dukcapil');
const DINSOS = unit('17.71.dinas-sosial');

type Answer = Record<string, unknown> & { __typename: string };
async function run(q: string, variables: Record<string, unknown>, as: Identity) {
  const { data, errors } = await graphql<Record<string, Answer>>(subgraph.url, q, variables, {
    as,
  });
  expect(errors).toBeUndefined();
  return data?.r as Answer;
}

const OPEN = `mutation($input: OpenSurveyPeriodInput!) { r: openSurveyPeriod(input: $input) {
  __typename ... on MutationError { field message } ... on AlreadyExistsError { existingId }
  ... on OpenSurveyPeriodSuccess { survey { id version } } } }`;
const RECORD = `mutation($id: ID!, $r: [SurveyResponseInput!]!) { r: recordSurveyResponses(periodId: $id, responses: $r) {
  __typename ... on MutationError { field message } ... on RecordSurveyResponsesSuccess { survey { version } } } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { r: publishSurveyPeriod(id: $id, expectedVersion: $v) {
  __typename ... on MutationError { field } ... on PublishSurveyPeriodSuccess { survey { status } } } }`;

/** 400 respondents, reproducibly: element e of respondent r answers 1-4 by a fixed rule. */
const ANSWERS = Array.from({ length: 400 }, (_, r) =>
  Array.from({ length: 9 }, (_, e) => {
    const x = (r * 31 + e * 17 + ((r * e) % 7)) % 10;
    // Waktu (element 3) is answered worst; most answers are 3 or 4.
    return e === 2 ? (x < 4 ? 2 : 3) : x < 1 ? 2 : x < 5 ? 3 : 4;
  }),
);

/** IKM by hand, as PermenPAN-RB 14/2017 computes it: element means, their mean, x 25. */
function byHand(answers: number[][]) {
  const means = Array.from(
    { length: 9 },
    (_, e) => answers.reduce((s, a) => s + (a[e] ?? 0), 0) / answers.length,
  );
  const ikm = means.reduce((s, m) => s + m, 0) / 9;
  return { means, ikm, converted: Math.round(ikm * 25 * 100) / 100 };
}

let cycleId = '';
let surveyId = '';

describe('SKM surveys', () => {
  beforeAll(async () => {
    const created = await run(
      'mutation { r: createCycle(input: { framework: SKM, year: 2026, period: "S1" }) { __typename ... on CreateCycleSuccess { cycle { id } } } }',
      {},
      ADMIN,
    );
    cycleId = (created.cycle as { id: string }).id;
    await run(`mutation { r: openCycle(id: "${cycleId}") { __typename } }`, {}, ADMIN);
  });

  it('is opened by the unit itself, with the population it served', async () => {
    const before = await tableCounts();
    const input = { cycleId, organisationId: '17.71.dukcapil', population: 500 };
    expect(await run(OPEN, { input }, DINSOS)).toMatchObject({
      __typename: 'NotResponsibleError',
      field: 'input.organisationId',
    });
    expect(await run(OPEN, { input: { ...input, population: 0 } }, DUKCAPIL)).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.population',
    });
    expect(await run(OPEN, { input: { ...input, cycleId: 'ipp-2024' } }, DUKCAPIL)).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.cycleId',
    });
    expect(await tableCounts()).toEqual(before);
    const opened = await run(OPEN, { input }, DUKCAPIL);
    surveyId = (opened.survey as { id: string }).id;
    expect(await run(OPEN, { input }, DUKCAPIL)).toMatchObject({
      __typename: 'AlreadyExistsError',
      existingId: surveyId,
    });
  });

  it('refuses a respondent outside 1-4, with a missing element or a personal field, writing none', async () => {
    const before = await tableCounts();
    const good = { answers: [4, 4, 3, 4, 4, 3, 4, 4, 4] };
    expect(
      await run(
        RECORD,
        { id: surveyId, r: [good, { answers: [4, 4, 3, 4, 4, 3, 4, 4] }] },
        DUKCAPIL,
      ),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'responses[1].answers' });
    expect(
      await run(
        RECORD,
        { id: surveyId, r: [good, { answers: [4, 4, 3, 5, 4, 3, 4, 4, 4] }] },
        DUKCAPIL,
      ),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'responses[1].answers[3]' });
    const personal = await graphql(
      subgraph.url,
      RECORD,
      { id: surveyId, r: [{ ...good, name: 'Budi', phone: '0812' }] },
      { as: DUKCAPIL },
    );
    expect(personal.errors?.[0]?.message).toMatch(/"name"/);
    expect(await tableCounts()).toEqual(before);
  });

  it('computes the IKM a hand computation of 400 answers gives, element by element', async () => {
    for (let i = 0; i < 400; i += 100) {
      const batch = ANSWERS.slice(i, i + 100).map((answers, k) => ({
        answers,
        sex: k % 2 ? 'PEREMPUAN' : 'LAKI_LAKI',
        education: 'SMA',
        service: 'KTP-el',
      }));
      expect(await run(RECORD, { id: surveyId, r: batch }, DUKCAPIL)).toMatchObject({
        __typename: 'RecordSurveyResponsesSuccess',
      });
    }
    const { data } = await graphql<{
      surveyPeriod: {
        result: {
          respondents: number;
          requiredSample: number;
          sampleSufficient: boolean;
          ikm: number;
          score: number;
          band: { grade: string; label: string };
          elements: { element: string; mean: number }[];
        };
      };
    }>(
      subgraph.url,
      `{ surveyPeriod(id: "${surveyId}") { result { respondents requiredSample sampleSufficient ikm score
        band { grade label } elements { element mean } } } }`,
      undefined,
      { as: DUKCAPIL },
    );
    const expected = byHand(ANSWERS);
    const result = data?.surveyPeriod.result;
    expect(result).toMatchObject({
      respondents: 400,
      requiredSample: 217,
      sampleSufficient: true,
      score: expected.converted,
    });
    expect(result?.ikm).toBeCloseTo(expected.ikm, 12);
    // Waktu penyelesaian pulled it down.
    expect(result?.elements[0]).toMatchObject({ element: 'waktu' });
    expect(result?.elements[0]?.mean).toBeCloseTo(expected.means[2] ?? 0, 12);
  });

  it("is published as the unit's SKM result at the version read; the public sees aggregates only", async () => {
    const unpublished = await graphql<{ surveyPeriod: unknown }>(
      subgraph.url,
      `{ surveyPeriod(id: "${surveyId}") { id } }`,
      undefined,
      { as: PUBLIC },
    );
    expect(unpublished.data?.surveyPeriod).toBeNull();
    expect(await run(PUBLISH, { id: surveyId, v: 1 }, DUKCAPIL)).toMatchObject({
      __typename: 'VersionConflictError',
    });
    expect(await run(PUBLISH, { id: surveyId, v: 5 }, DUKCAPIL)).toMatchObject({
      survey: { status: 'PUBLISHED' },
    });
    const expected = byHand(ANSWERS);
    const { data, errors } = await graphql<{
      surveyPeriod: {
        result: { score: number };
        responses: unknown;
        published: {
          score: number;
          lokus: { components: { component: string; score: number }[] }[];
        };
      };
    }>(
      subgraph.url,
      `{ surveyPeriod(id: "${surveyId}") { result { score } responses { answers }
        published { score lokus { components { component score } } } } }`,
      undefined,
      { as: PUBLIC },
    );
    expect(data?.surveyPeriod.result.score).toBe(expected.converted);
    expect(data?.surveyPeriod.published.score).toBe(expected.converted);
    expect(data?.surveyPeriod.published.lokus[0]?.components).toHaveLength(9);
    // The single answers stay with the unit and staff.
    expect(data?.surveyPeriod.responses).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await run(RECORD, { id: surveyId, r: [{ answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }] }, DUKCAPIL),
    ).toMatchObject({ __typename: 'IllegalTransitionError', field: 'periodId' });
  });

  it('marks a result whose sample is below the table', async () => {
    const opened = await run(
      OPEN,
      { input: { cycleId, organisationId: '17.71.dinas-sosial', population: 1000 } },
      DINSOS,
    );
    const id = (opened.survey as { id: string }).id;
    await run(RECORD, { id, r: ANSWERS.slice(0, 10).map((answers) => ({ answers })) }, DINSOS);
    await run(PUBLISH, { id, v: 2 }, DINSOS);
    const { data } = await graphql<{
      surveyPeriod: {
        result: { sampleSufficient: boolean; requiredSample: number };
        published: { note: string };
      };
    }>(
      subgraph.url,
      `{ surveyPeriod(id: "${id}") { result { sampleSufficient requiredSample } published { note } } }`,
    );
    expect(data?.surveyPeriod.result).toEqual({ sampleSufficient: false, requiredSample: 278 });
    expect(data?.surveyPeriod.published.note).toContain('10 of the 278');
  });

  it('weighed by 0.111 as its report does: all 1s publish 24.98, band D, and the result reads back', async () => {
    const KESEHATAN = unit('17.71.dinas-kesehatan');
    const opened = await run(
      OPEN,
      {
        input: {
          cycleId,
          organisationId: '17.71.dinas-kesehatan',
          population: 20,
          weighting: 'ANNEX',
        },
      },
      KESEHATAN,
    );
    const id = (opened.survey as { id: string }).id;
    const ones = Array.from({ length: 19 }, () => ({ answers: Array(9).fill(1) }));
    await run(RECORD, { id, r: ones }, KESEHATAN);
    expect(await run(PUBLISH, { id, v: 2 }, KESEHATAN)).toMatchObject({
      survey: { status: 'PUBLISHED' },
    });
    const { data, errors } = await graphql<{
      surveyPeriod: { result: unknown; published: unknown };
    }>(
      subgraph.url,
      `{ surveyPeriod(id: "${id}") { result { score weighting band { grade } otherWeighting { score } }
        published { score band { grade label } } } }`,
    );
    expect(errors).toBeUndefined();
    // 1/9 would give 25.00, band D too: nothing to note.
    expect(data?.surveyPeriod.result).toEqual({
      score: 24.98,
      weighting: 'ANNEX',
      band: { grade: 'D' },
      otherWeighting: null,
    });
    expect(data?.surveyPeriod.published).toEqual({
      score: 24.98,
      band: { grade: 'D', label: 'Tidak Baik' },
    });
  });

  it('near the A bound says what the other weighting gives: 88.33 (A) by 1/9 is 88.25 (B) by 0.111', async () => {
    const DIKBUD = unit('17.71.dinas-pendidikan-dan-kebudayaan');
    const opened = await run(
      OPEN,
      {
        input: { cycleId, organisationId: '17.71.dinas-pendidikan-dan-kebudayaan', population: 50 },
      },
      DIKBUD,
    );
    const id = (opened.survey as { id: string }).id;
    // 50 respondents, 450 answers: 240 fours and 210 threes sum to 1590, element means to 31.8.
    const answers = Array.from({ length: 50 }, (_, r) => ({
      answers: Array.from({ length: 9 }, (_, e) => (r * 9 + e < 240 ? 4 : 3)),
    }));
    await run(RECORD, { id, r: answers }, DIKBUD);
    const { data } = await graphql<{ surveyPeriod: { result: unknown } }>(
      subgraph.url,
      `{ surveyPeriod(id: "${id}") { result { score weighting band { grade }
        otherWeighting { weighting score band { grade label } } } } }`,
      undefined,
      { as: DIKBUD },
    );
    expect(data?.surveyPeriod.result).toEqual({
      score: 88.33,
      weighting: 'EXACT',
      band: { grade: 'A' },
      otherWeighting: { weighting: 'ANNEX', score: 88.25, band: { grade: 'B', label: 'Baik' } },
    });
  });

  describe('imported from a file', () => {
    const DPMPTSP = unit('17.71.dpmptsp');
    let periodId = '';
    beforeAll(async () => {
      const opened = await run(
        OPEN,
        { input: { cycleId, organisationId: '17.71.dpmptsp', population: 2000 } },
        DPMPTSP,
      );
      periodId = (opened.survey as { id: string }).id;
    });

    async function send(body: Buffer, as: Identity, query = '') {
      const response = await fetch(
        new URL(`/imports/skm?periodId=${periodId}${query}`, subgraph.url),
        {
          method: 'POST',
          headers: { [IDENTITY_HEADER]: await testCallToken(subgraph.url, as) },
          body,
        },
      );
      return {
        status: response.status,
        report: (await response.json()) as {
          rows: number;
          imported: number;
          badRows: number;
          problems: { message: string }[];
        },
      };
    }
    const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
    const HEADER = 'no;u1;u2;u3;u4;u5;u6;u7;u8;u9;umur;jenis_kelamin;pendidikan';

    it('refuses bad rows naming row and column, and a personal column, writing nothing', async () => {
      const before = await tableCounts();
      const bad = await send(
        csv([
          HEADER,
          '1;4;4;3;4;4;3;4;4;4;35;P;S1',
          '2;4;4;3;7;4;3;4;4;4;35;P;S1',
          '3;4;4;3;4;4;3;4;4;4;200;X;S1',
        ]),
        DPMPTSP,
      );
      expect(bad.status).toBe(200);
      expect(bad.report).toMatchObject({ rows: 3, imported: 0, badRows: 2 });
      expect(bad.report.problems.map((p) => p.message)).toEqual([
        'row 3, column u4: answers are whole numbers 1 to 4, got "7"',
        'row 4, column umur: umur is an age in years, 10-120',
        'row 4, column jenis_kelamin: jenis_kelamin is L or P',
      ]);
      const personal = await send(
        csv([`${HEADER};nama;no_hp`, '1;4;4;3;4;4;3;4;4;4;35;P;S1;Budi;0812']),
        DPMPTSP,
      );
      expect(personal.report.problems.map((p) => p.message)).toEqual([
        'row 1, column nama: respondents stay anonymous: remove this column, it is never kept',
        'row 1, column no_hp: respondents stay anonymous: remove this column, it is never kept',
      ]);
      const dry = await send(csv([HEADER, '1;4;4;3;4;4;3;4;4;4;35;P;S1']), DPMPTSP, '&dryRun=true');
      expect(dry.report).toMatchObject({ rows: 1, imported: 0, problems: [] });
      expect((await send(csv([HEADER, '1;4;4;3;4;4;3;4;4;4;35;P;S1']), DINSOS)).status).toBe(403);
      expect(await tableCounts()).toEqual(before);
      // Asked to, it skips the bad rows and keeps the good one.
      const skipped = await send(
        csv([HEADER, '1;4;4;3;4;4;3;4;4;4;35;P;S1', '2;4;4;3;7;4;3;4;4;4;35;P;S1']),
        DPMPTSP,
        '&skipBadRows=true',
      );
      expect(skipped.report).toMatchObject({ rows: 2, imported: 1, badRows: 1 });
      expect((await tableCounts()).responses).toBe(before.responses + 1);
    });

    it('imports 400 answers from an XLSX file to the IKM a hand computation gives', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('SKM Semester I');
      sheet.addRow([
        'No',
        'U1',
        'U2',
        'U3',
        'U4',
        'U5',
        'U6',
        'U7',
        'U8',
        'U9',
        'Umur',
        'Jenis_Kelamin',
      ]);
      for (const [r, answers] of ANSWERS.entries()) {
        sheet.addRow([r + 1, ...answers, 20 + (r % 40), r % 3 ? 'L' : 'P']);
      }
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const sent = await send(file, DPMPTSP);
      expect(sent.report).toMatchObject({ rows: 400, imported: 400, problems: [] });
      const { data } = await graphql<{
        surveyPeriod: {
          result: { respondents: number; score: number; ikm: number; sampleSufficient: boolean };
        };
      }>(
        subgraph.url,
        `{ surveyPeriod(id: "${periodId}") { result { respondents score ikm sampleSufficient } } }`,
        undefined,
        { as: DPMPTSP },
      );
      // The one row the previous test kept is part of the survey too.
      const expected = byHand([[4, 4, 3, 4, 4, 3, 4, 4, 4], ...ANSWERS]);
      expect(data?.surveyPeriod.result).toMatchObject({
        respondents: 401,
        score: expected.converted,
        sampleSufficient: true,
      });
      expect(data?.surveyPeriod.result.ikm).toBeCloseTo(expected.ikm, 12);
    });
  });
});
