import { componentScoresOf, instrumentOf, methodologyById, weightedTotal } from '@mutu/scoring';
import { addDays, isoDay, todayInIndonesia, useServiceAt } from '@mutu/service';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type Platform, startPlatform } from './platform.js';

/**
 * After the score, through the gateway as its users reach it: the Ombudsman's assessors of
 * Bengkulu record findings on Kota Bengkulu's published 2024 result, its OPDs follow them up
 * with evidence, the office verifies one and reopens another, and the overdue list is right
 * the day after a due date.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

/** The people of these stories: Bengkulu's Ombudsman office and Kota Bengkulu's units. */
const ASSESSOR_OF_BENGKULU: Person = {
  sub: 'asesor@ombudsman-bengkulu.test',
  role: 'assessor',
  regions: ['17'],
};
const ASSESSOR_OF_KALTIM: Person = {
  sub: 'asesor@ombudsman-kaltim.test',
  role: 'assessor',
  regions: ['64'],
};
const ORTALA: Person = {
  sub: 'kabag@ortala.bengkulukota.test',
  role: 'unit',
  organisation: '17.71',
};
const DUKCAPIL: Person = {
  sub: 'kasi@dukcapil.bengkulukota.test',
  role: 'unit',
  organisation: '17.71.dukcapil',
};
const DPMPTSP: Person = {
  sub: 'kabid@dpmptsp.bengkulukota.test',
  role: 'unit',
  organisation: '17.71.dpmptsp',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
type Headers = Record<string, string>;
type Finding = { id: string; version: number; status: string };

describe('findings followed up, through the gateway', () => {
  it('are recorded, followed up with evidence, verified or reopened, and listed when overdue', async () => {
    const gateway = new URL(platform.gateway.url);
    const assessor = await platform.bearer(ASSESSOR_OF_BENGKULU);
    const dukcapil = await platform.bearer(DUKCAPIL);
    const dpmptsp = await platform.bearer(DPMPTSP);
    const ortala = await platform.bearer(ORTALA);
    const ok = (q: string, variables: Record<string, unknown>, headers: Headers) =>
      platform.ok(q, variables, headers);
    const today = todayInIndonesia();
    const due = (days: number) => isoDay(addDays(today, days));

    const record = async (organisationId: string, text: string, dueOn: string) => {
      const answer = await ok(
        `mutation($input: RecordFindingInput!) { recordFinding(input: $input) {
          __typename ... on RecordFindingSuccess { finding { id version status } } } }`,
        {
          input: {
            assessmentId: 'ombudsman-compliance-2024.17.71',
            kind: 'TINDAKAN_KOREKTIF',
            organisationId,
            text,
            dueOn,
          },
        },
        assessor,
      );
      expect(answer.recordFinding?.__typename).toBe('RecordFindingSuccess');
      return (answer.recordFinding as { finding: Finding }).finding;
    };
    const onDukcapil = await record('17.71.dukcapil', 'Maklumat pelayanan belum dipajang', due(0));
    const onDpmptsp = await record('17.71.dpmptsp', 'Tidak ada sarana pengaduan langsung', due(7));
    const onGovernment = await record('17.71', 'Standar pelayanan OPD belum ditetapkan', due(14));

    const read = async (id: string, headers: Headers = assessor) =>
      (await ok(`{ finding(id: "${id}") { id version status } }`, {}, headers)).finding as Finding;
    const followUp = async (f: Finding, status: string, note: string, headers: Headers) => {
      const answer = await ok(
        `mutation($id: ID!, $v: Int!, $input: FollowUpInput!) {
          recordFollowUp(findingId: $id, expectedVersion: $v, input: $input) {
            __typename ... on MutationError { field } ... on NotResponsibleError { mustAct } } }`,
        { id: f.id, v: f.version, input: { status, note } },
        headers,
      );
      return answer.recordFollowUp;
    };
    const attach = async (f: Finding, headers: Headers) => {
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'bukti-tindak-lanjut.pdf');
      return fetch(new URL(`/evidence?findingId=${f.id}`, gateway), {
        method: 'POST',
        headers,
        body: form,
      });
    };

    // Each OPD follows up its own finding, with evidence; not another's.
    expect(await followUp(onDukcapil, 'PLANNED', 'Dicetak minggu ini', dpmptsp)).toMatchObject({
      __typename: 'NotResponsibleError',
      mustAct: '17.71.dukcapil',
    });
    expect((await attach(onDukcapil, dpmptsp)).status).toBe(403);
    const filed = await attach(onDukcapil, dukcapil);
    expect(filed.status).toBe(201);
    const { evidence } = (await filed.json()) as { evidence: { downloadPath: string } };
    expect(
      await followUp(onDukcapil, 'DONE', 'Maklumat dipajang di loket', dukcapil),
    ).toMatchObject({ __typename: 'RecordFollowUpSuccess' });
    expect((await attach(onDpmptsp, dpmptsp)).status).toBe(201);
    expect(await followUp(onDpmptsp, 'DONE', 'Kotak pengaduan dipasang', dpmptsp)).toMatchObject({
      __typename: 'RecordFollowUpSuccess',
    });
    // The assessor reads the evidence it checks; the Bagian Organisasi follows its government's.
    for (const headers of [assessor, ortala]) {
      const downloaded = await fetch(new URL(evidence.downloadPath, gateway), { headers });
      expect(downloaded.status).toBe(200);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(PDF)).toBe(true);
    }
    expect((await fetch(new URL(evidence.downloadPath, gateway))).status).toBe(401);

    // The office verifies Dukcapil's and reopens DPMPTSP's: a box is not a complaint channel.
    const decide = async (f: Finding, decision: string, note: string) => {
      const current = await read(f.id);
      const answer = await ok(
        `mutation($id: ID!, $v: Int!, $input: FollowUpDecisionInput!) {
          decideFollowUp(findingId: $id, expectedVersion: $v, input: $input) {
            __typename ... on DecideFollowUpSuccess { finding { status } } } }`,
        { id: current.id, v: current.version, input: { decision, note } },
        assessor,
      );
      return answer.decideFollowUp;
    };
    expect(await decide(onDukcapil, 'VERIFY', 'Sesuai observasi')).toMatchObject({
      finding: { status: 'VERIFIED' },
    });
    expect(await decide(onDpmptsp, 'REOPEN', 'Pengaduan belum dikelola petugas')).toMatchObject({
      finding: { status: 'REOPENED' },
    });

    // The overdue list the Bagian Organisasi reads, on a given day.
    const overdue = async (asOf: string) => {
      const answer = await ok(
        `query($f: FindingFilter) { findings(filter: $f) { totalCount edges { node { id } } } }`,
        { f: { subjectId: '17.71', overdue: true, asOf } },
        ortala,
      );
      return (answer.findings as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    };
    expect(await overdue(due(0))).toEqual([]);
    // Dukcapil's was due today but is verified: nothing is overdue tomorrow.
    expect(await overdue(due(1))).toEqual([]);
    // The day after their due dates, the reopened one and the government's own are overdue.
    expect(await overdue(due(7))).toEqual([]);
    expect(await overdue(due(8))).toEqual([onDpmptsp.id]);
    expect(await overdue(due(15))).toEqual([onDpmptsp.id, onGovernment.id]);
    // Findings are not public.
    const anonymous = await platform.query('{ findings { totalCount } }');
    expect(anonymous.data).toEqual({ findings: { totalCount: 0 } });
  });

  it('lists on a rakor the findings it discussed, to those who may read them', async () => {
    const admin = await platform.bearer({ sub: 'humas@ombudsman.test', role: 'admin' });
    const assessor = await platform.bearer(ASSESSOR_OF_BENGKULU);
    const kaltim = await platform.bearer(ASSESSOR_OF_KALTIM);
    const ortala = await platform.bearer(ORTALA);
    const dukcapil = await platform.bearer(DUKCAPIL);
    const ok = (q: string, variables: Record<string, unknown>, headers: Headers) =>
      platform.ok(q, variables, headers);
    // The perwakilan's rakor on the follow-up, as its office would record it (synthetic).
    const created = await ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) {
        ... on CreateEventSuccess { event { id } } } }`,
      {
        input: {
          kind: 'RAKOR',
          title: 'Rakor tindak lanjut hasil penilaian kepatuhan Kota Bengkulu',
          hostId: 'ombudsman-ri.bengkulu',
          participantIds: ['17.71', '17.71.dukcapil', '17.71.dpmptsp'],
          startsOn: isoDay(addDays(todayInIndonesia(), 3)),
        },
      },
      admin,
    );
    const rakor = (created.createEvent as { event: { id: string } }).event.id;
    const raise = async (organisationId: string, text: string, days: number) => {
      const answer = await ok(
        `mutation($input: RecordFindingInput!) { recordFinding(input: $input) {
          ... on RecordFindingSuccess { finding { id } } } }`,
        {
          input: {
            assessmentId: 'ombudsman-compliance-2024.17.71',
            kind: 'SARAN_PERBAIKAN',
            organisationId,
            text,
            dueOn: isoDay(addDays(todayInIndonesia(), days)),
          },
        },
        assessor,
      );
      return (answer.recordFinding as { finding: { id: string } }).finding.id;
    };
    const onDukcapil = await raise('17.71.dukcapil', 'Jam layanan belum sesuai maklumat', 30);
    const onDpmptsp = await raise('17.71.dpmptsp', 'Alur perizinan tidak dipajang', 45);

    const LINK = `mutation($input: RecordFindingsDiscussedInput!) { recordFindingsDiscussed(input: $input) {
      __typename ... on MutationError { field message }
      ... on RecordFindingsDiscussedSuccess { event { id title findings { id } } } } }`;
    const discussedAt = async (finding: string) =>
      (
        (await ok(`{ finding(id: "${finding}") { discussedAt { id kind } } }`, {}, assessor))
          .finding as { discussedAt: { id: string; kind: string }[] }
      ).discussedAt;

    // Refused, nothing linked: another region's assessor, an unknown event or finding, and an
    // engagement subgraph that cannot say whether the event exists.
    const other = await platform.query(
      LINK,
      { input: { eventId: rakor, findingIds: [onDukcapil] } },
      kaltim,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await ok(LINK, { input: { eventId: 'no-such-rakor', findingIds: [onDukcapil] } }, assessor))
        .recordFindingsDiscussed,
    ).toMatchObject({ __typename: 'NotFoundError', field: 'input.eventId' });
    expect(
      (
        await ok(
          LINK,
          {
            input: {
              eventId: rakor,
              findingIds: [onDukcapil, '00000000-0000-4000-8000-000000000000'],
            },
          },
          assessor,
        )
      ).recordFindingsDiscussed,
    ).toMatchObject({ __typename: 'NotFoundError', field: 'input.findingIds[1]' });
    useServiceAt('engagement', 'http://127.0.0.1:9/graphql');
    try {
      const down = await platform.query(
        LINK,
        { input: { eventId: rakor, findingIds: [onDukcapil] } },
        assessor,
      );
      expect(down.errors?.[0]?.extensions?.code).toBe('ENGAGEMENT_UNAVAILABLE');
      expect(down.errors?.[0]?.message).toMatch(/nothing was written/);
    } finally {
      useServiceAt('engagement', platform.engagement.url);
    }
    expect(await discussedAt(onDukcapil)).toEqual([]);

    // Linked, twice over (the second changes nothing); the event lists them in the one graph.
    for (let round = 0; round < 2; round += 1) {
      expect(
        (
          await ok(
            LINK,
            { input: { eventId: rakor, findingIds: [onDukcapil, onDpmptsp] } },
            assessor,
          )
        ).recordFindingsDiscussed,
      ).toEqual({
        __typename: 'RecordFindingsDiscussedSuccess',
        event: {
          id: rakor,
          title: 'Rakor tindak lanjut hasil penilaian kepatuhan Kota Bengkulu',
          findings: [{ id: onDukcapil }, { id: onDpmptsp }],
        },
      });
    }
    expect(await discussedAt(onDpmptsp)).toEqual([{ id: rakor, kind: 'RAKOR' }]);

    // Who sees what the rakor discussed: the government all of it, an OPD its own, the public none.
    const agenda = async (headers: Headers) => {
      const answer = await platform.query(
        `{ event(id: "${rakor}") { findings { id } } }`,
        {},
        headers,
      );
      const event = answer.data?.event as { findings: { id: string }[] };
      return event.findings.map((f) => f.id);
    };
    expect(await agenda(ortala)).toEqual([onDukcapil, onDpmptsp]);
    expect(await agenda(dukcapil)).toEqual([onDukcapil]);
    expect(await agenda({})).toEqual([]);

    // A link made by mistake is taken back.
    const removed = await ok(
      `mutation($input: RemoveFindingDiscussedInput!) { removeFindingDiscussed(input: $input) {
        ... on RemoveFindingDiscussedSuccess { event { findings { id } } } } }`,
      { input: { eventId: rakor, findingId: onDpmptsp } },
      assessor,
    );
    expect(removed.removeFindingDiscussed).toEqual({ event: { findings: [{ id: onDukcapil }] } });
    expect(await discussedAt(onDpmptsp)).toEqual([]);
  });

  it("shows a unit's self-evaluation beside the evaluator's, with the gap per indicator", async () => {
    const admin = await platform.bearer({ sub: 'evaluator@kemenpan.test', role: 'admin' });
    const evaluator = await platform.bearer({
      sub: 'evaluator@bengkulu.test',
      role: 'assessor',
      regions: ['17'],
    });
    const dukcapil = await platform.bearer(DUKCAPIL);
    const ok = (q: string, variables: Record<string, unknown>, headers: Headers) =>
      platform.ok(q, variables, headers);
    const levels = (f: (i: number) => number) =>
      Array.from({ length: 30 }, (_, i) => ({ indicator: String(i + 1), score: f(i) }));
    await ok(
      'mutation { createCycle(input: { framework: IPP, year: 2034 }) { __typename } }',
      {},
      admin,
    );
    await ok('mutation { openCycle(id: "ipp-2034") { __typename } }', {}, admin);
    const own = await ok(
      `mutation($s: [IndicatorScoreInput!]!) {
        recordSelfScores(cycleId: "ipp-2034", organisationId: "17.71.dukcapil", expectedVersion: 0, scores: $s) {
          __typename ... on RecordSelfScoresSuccess { selfEvaluation { score } } } }`,
      { s: levels(() => 5) },
      dukcapil,
    );
    expect(own.recordSelfScores).toMatchObject({ selfEvaluation: { score: 5 } });
    await ok(
      `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { __typename } }`,
      {
        input: {
          cycleId: 'ipp-2034',
          subjectId: '17.71',
          lokus: [{ unitId: '17.71.dukcapil', indicators: levels((i) => (i < 15 ? 5 : 3)) }],
        },
      },
      evaluator,
    );
    const version = async () =>
      (
        (await ok('{ assessment(id: "ipp-2034.17.71") { version } }', {}, admin)).assessment as {
          version: number;
        }
      ).version;
    await ok(
      `mutation { submitAssessment(id: "ipp-2034.17.71", expectedVersion: ${await version()}) { __typename } }`,
      {},
      evaluator,
    );
    await ok(
      `mutation { verifyAssessment(id: "ipp-2034.17.71", expectedVersion: ${await version()}) { __typename } }`,
      {},
      admin,
    );
    await ok('mutation { closeCycle(id: "ipp-2034") { __typename } }', {}, admin);
    await ok('mutation { publishCycle(id: "ipp-2034") { __typename } }', {}, admin);

    const read = await ok(
      `{ selfEvaluation(cycleId: "ipp-2034", organisationId: "17.71.dukcapil") {
        score gaps { indicator { key } selfScore evaluatorScore gap } } }`,
      {},
      dukcapil,
    );
    const gaps = (read.selfEvaluation as { gaps: { indicator: { key: string }; gap: number }[] })
      .gaps;
    // Where it rated itself 5 and the evaluator saw 3, it over-rated itself by 2.
    expect(gaps.filter((g) => g.gap === 2).map((g) => g.indicator.key)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 16)),
    );
    expect(gaps.filter((g) => g.gap === 0)).toHaveLength(15);
    // The published result is the evaluator's alone, as packages/scoring computes it.
    const result = await ok('{ assessment(id: "ipp-2034.17.71") { score } }', {}, {});
    const methodology = methodologyById('ipp-2022');
    const instrument = methodology && instrumentOf(methodology);
    if (!methodology || !instrument) throw new Error('ipp-2022 has an instrument');
    const evaluated = Object.fromEntries(
      levels((i) => (i < 15 ? 5 : 3)).map((l) => [l.indicator, l.score]),
    );
    expect((result.assessment as { score: number }).score).toBe(
      weightedTotal(methodology, componentScoresOf(instrument, evaluated).components).total,
    );
  });

  it('imports 400 SKM answers from an XLSX file to the IKM a hand computation of the file gives', async () => {
    const admin = await platform.bearer({ sub: 'admin@kemenpan.test', role: 'admin' });
    const dpmptsp = await platform.bearer(DPMPTSP);
    const ok = (q: string, variables: Record<string, unknown>, headers: Headers) =>
      platform.ok(q, variables, headers);
    await ok(
      'mutation { createCycle(input: { framework: SKM, year: 2027, period: "S1" }) { __typename } }',
      {},
      admin,
    );
    const cycle = (
      (await ok('{ cycles(framework: SKM) { id year } }', {}, admin)).cycles as unknown as {
        id: string;
        year: number;
      }[]
    ).find((c) => c.year === 2027)?.id;
    await ok(`mutation { openCycle(id: "${cycle}") { __typename } }`, {}, admin);
    const opened = await ok(
      `mutation { openSurveyPeriod(input: { cycleId: "${cycle}", organisationId: "17.71.dpmptsp", population: 3000 }) {
        __typename ... on OpenSurveyPeriodSuccess { survey { id } } } }`,
      {},
      dpmptsp,
    );
    const periodId = (opened.openSurveyPeriod as { survey: { id: string } }).survey.id;

    // The file a unit keeps: one row per respondent, U1-U9 as the regulation tabulates them.
    const answers = Array.from({ length: 400 }, (_, r) =>
      Array.from({ length: 9 }, (_, e) => 1 + ((r * 7 + e * 5 + ((r >> 3) % 5)) % 4)),
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Rekap SKM');
    sheet.addRow(['No', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'Pendidikan']);
    for (const [r, a] of answers.entries()) sheet.addRow([r + 1, ...a, r % 2 ? 'SMA' : 'S1']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await fetch(
      new URL(`/imports/skm?periodId=${periodId}&fileName=rekap.xlsx`, platform.gateway.url),
      {
        method: 'POST',
        headers: { ...dpmptsp, 'content-type': 'application/octet-stream' },
        body: file,
      },
    );
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ rows: 400, imported: 400, problems: [] });

    // By hand: the mean answer of each element, the mean of those, times 25, two decimals.
    const means = Array.from(
      { length: 9 },
      (_, e) => answers.reduce((s, a) => s + (a[e] ?? 0), 0) / 400,
    );
    const byHand = Math.round((means.reduce((s, m) => s + m, 0) / 9) * 25 * 100) / 100;
    const read = await ok(
      `{ surveyPeriod(id: "${periodId}") { result { respondents score requiredSample sampleSufficient } } }`,
      {},
      dpmptsp,
    );
    expect(read.surveyPeriod).toEqual({
      result: { respondents: 400, score: byHand, requiredSample: 341, sampleSufficient: true },
    });
  });
});
