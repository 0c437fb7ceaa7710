import { IDENTITY_HEADER, type Identity, PUBLIC } from '@mutu/server';
import { graphql, testCallToken } from '@mutu/server/testing';
import { addDays, isoDay, todayInIndonesia } from '@mutu/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithRegister, type TestSubgraph, tableCounts } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startWithRegister();
});
afterAll(async () => {
  await subgraph?.close();
});

// Kota Bengkulu's published 2024 Ombudsman result, recorded lokus by lokus in the demo data.
const ASSESSMENT = 'ombudsman-compliance-2024.17.71';
const ASSESSOR: Identity = { sub: 'asesor@ombudsman-bengkulu', role: 'assessor', regions: ['17'] };
const ELSEWHERE: Identity = { sub: 'asesor@ombudsman-kaltim', role: 'assessor', regions: ['64'] };
const ANALYST: Identity = { sub: 'analis@bappenas', role: 'analyst', regions: [] };
const unit = (organisation: string): Identity => ({
  sub: `admin@${organisation}`,
  role: 'unit',
  regions: [],
  organisation,
});
const ORTALA = unit('17.71'); // the Bagian Organisasi speaks for the government
const DUKCAPIL = unit('17.71.dukcapil');
const DINSOS = unit('17.71.dinas-sosial');
const KOTA_JAMBI = unit('15.71');

const today = todayInIndonesia();
const day = (offset: number) => isoDay(addDays(today, offset));

type Answer = Record<string, unknown> & { __typename: string };
type Finding = { id: string; version: number; status: string; overdue: boolean };

async function call(q: string, variables: Record<string, unknown>, as: Identity) {
  return graphql<Record<string, Answer>>(subgraph.url, q, variables, { as });
}
async function run(q: string, variables: Record<string, unknown>, as: Identity) {
  const { data, errors } = await call(q, variables, as);
  expect(errors).toBeUndefined();
  return data?.r as Answer;
}

const FINDING = 'id version status overdue';
const RECORD = `mutation($input: RecordFindingInput!) { r: recordFinding(input: $input) {
  __typename ... on MutationError { field message } ... on RecordFindingSuccess { finding { ${FINDING} } } } }`;
const FOLLOW_UP = `mutation($id: ID!, $v: Int!, $input: FollowUpInput!) {
  r: recordFollowUp(findingId: $id, expectedVersion: $v, input: $input) {
    __typename ... on MutationError { field message } ... on NotResponsibleError { mustAct }
    ... on IllegalTransitionError { status } ... on RecordFollowUpSuccess { finding { ${FINDING} } } } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $input: FollowUpDecisionInput!) {
  r: decideFollowUp(findingId: $id, expectedVersion: $v, input: $input) {
    __typename ... on MutationError { field } ... on DecideFollowUpSuccess { finding { ${FINDING} } } } }`;

async function lokusOf(unitId: string): Promise<string> {
  const { data } = await graphql<{ assessment: { lokus: { id: string; unit: { id: string } }[] } }>(
    subgraph.url,
    `{ assessment(id: "${ASSESSMENT}") { lokus { id unit { id } } } }`,
  );
  const found = data?.assessment.lokus.find((l) => l.unit.id === unitId);
  if (!found) throw new Error(`${unitId} is a lokus of ${ASSESSMENT}`);
  return found.id;
}

async function read(id: string, as: Identity = ANALYST): Promise<Finding> {
  const { data } = await graphql<{ finding: Finding }>(
    subgraph.url,
    `{ finding(id: "${id}") { ${FINDING} } }`,
    undefined,
    { as },
  );
  return data?.finding as Finding;
}

async function listed(filter: Record<string, unknown>, as: Identity) {
  const { data, errors } = await graphql<{
    findings: { totalCount: number; edges: { node: { id: string } }[] };
  }>(
    subgraph.url,
    'query($f: FindingFilter) { findings(filter: $f, first: 50) { totalCount edges { node { id } } } }',
    { f: filter },
    { as },
  );
  expect(errors).toBeUndefined();
  return data?.findings.edges.map((e) => e.node.id) ?? [];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Posts a file as evidence of a finding's follow-up, as the unit (through the gateway, in life). */
async function upload(findingId: string, as: Identity, bytes = PDF) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'foto-papan-sp.pdf');
  const response = await fetch(new URL(`/evidence?findingId=${findingId}`, subgraph.url), {
    method: 'POST',
    headers: { [IDENTITY_HEADER]: await testCallToken(subgraph.url, as) },
    body: form,
  });
  const body = (await response.json()) as {
    evidence?: { id: string; downloadPath: string };
    errors?: { extensions: { code: string; field?: string } }[];
  };
  return { status: response.status, evidence: body.evidence, error: body.errors?.[0]?.extensions };
}

async function download(path: string, as: Identity) {
  const response = await fetch(new URL(path, subgraph.url), {
    headers: { [IDENTITY_HEADER]: await testCallToken(subgraph.url, as) },
  });
  await response.arrayBuffer();
  return response.status;
}

const found: Record<'dukcapil' | 'dinsos' | 'government', string> = {
  dukcapil: '',
  dinsos: '',
  government: '',
};

describe('findings and their follow-up', () => {
  beforeAll(async () => {
    const recorded = async (input: Record<string, unknown>) => {
      const answer = await run(RECORD, { input }, ASSESSOR);
      expect(answer.__typename, JSON.stringify(answer)).toBe('RecordFindingSuccess');
      return (answer.finding as Finding).id;
    };
    found.dukcapil = await recorded({
      assessmentId: ASSESSMENT,
      lokusId: await lokusOf('17.71.dukcapil'),
      indicator: 'proses',
      kind: 'TINDAKAN_KOREKTIF',
      organisationId: '17.71.dukcapil',
      text: 'Standar pelayanan KTP-el belum dipajang di ruang pelayanan',
      dueOn: day(10),
    });
    found.dinsos = await recorded({
      assessmentId: ASSESSMENT,
      kind: 'SARAN_PERBAIKAN',
      organisationId: '17.71.dinas-sosial',
      text: 'Sediakan kursi roda dan jalur pemandu di ruang tunggu',
      dueOn: day(0),
    });
    found.government = await recorded({
      assessmentId: ASSESSMENT,
      kind: 'REKOMENDASI',
      organisationId: '17.71',
      text: 'Tetapkan standar pelayanan seluruh OPD lokus dengan keputusan kepala daerah',
      dueOn: day(30),
    });
  });

  it('refuses a bad finding with a typed error naming the field, writing nothing', async () => {
    const before = await tableCounts();
    const base = {
      assessmentId: ASSESSMENT,
      kind: 'FINDING',
      organisationId: '17.71.dukcapil',
      text: 'Maklumat pelayanan tidak ada',
      dueOn: day(5),
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueOn: day(-1) }, 'InvalidInputError', 'input.dueOn'],
      [{ organisationId: '17.01' }, 'InvalidInputError', 'input.organisationId'],
      [{ organisationId: '17.71.no-such-dinas' }, 'NotFoundError', 'input.organisationId'],
      [{ indicator: 'kebijakan' }, 'InvalidInputError', 'input.indicator'],
      [{ lokusId: '00000000-0000-4000-8000-000000000000' }, 'NotFoundError', 'input.lokusId'],
      [{ text: 'x' }, 'InvalidInputError', 'input.text'],
      [{ assessmentId: 'ombudsman-compliance-2024.17.99' }, 'NotFoundError', 'input.assessmentId'],
    ];
    for (const [change, type, field] of cases) {
      expect(await run(RECORD, { input: { ...base, ...change } }, ASSESSOR)).toMatchObject({
        __typename: type,
        field,
      });
    }
    // Only an assessor of the region, or an administrator, records findings.
    for (const who of [ELSEWHERE, ORTALA, ANALYST]) {
      const { errors } = await call(RECORD, { input: base }, who);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('lets only the unit that must act follow up, forward, at the version it read', async () => {
    const before = await tableCounts();
    let f = await read(found.dukcapil);
    const planned = { status: 'PLANNED', note: 'Papan standar pelayanan dipesan' };
    // A colleague in the same government is told who must act; a stranger learns nothing.
    expect(await run(FOLLOW_UP, { id: f.id, v: f.version, input: planned }, DINSOS)).toMatchObject({
      __typename: 'NotResponsibleError',
      field: 'findingId',
      mustAct: '17.71.dukcapil',
    });
    const { errors } = await call(
      FOLLOW_UP,
      { id: f.id, v: f.version, input: planned },
      KOTA_JAMBI,
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await run(FOLLOW_UP, { id: f.id, v: f.version - 1, input: planned }, DUKCAPIL),
    ).toMatchObject({ __typename: 'VersionConflictError', field: 'expectedVersion' });
    expect(
      await run(FOLLOW_UP, { id: f.id, v: f.version, input: { ...planned, note: '' } }, DUKCAPIL),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'input.note' });
    expect(await tableCounts()).toEqual(before);

    expect(
      await run(FOLLOW_UP, { id: f.id, v: f.version, input: planned }, DUKCAPIL),
    ).toMatchObject({ finding: { status: 'PLANNED' } });
    f = await read(found.dukcapil);
    const done = { status: 'DONE', note: 'Papan dipasang di loket 1-4, foto terlampir' };
    // Done is reported with its evidence, filed by the unit that must act.
    expect(await run(FOLLOW_UP, { id: f.id, v: f.version, input: done }, DUKCAPIL)).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.status',
    });
    expect((await upload(f.id, DINSOS)).status).toBe(403);
    expect((await upload(f.id, ASSESSOR)).status).toBe(403);
    const filed = await upload(f.id, DUKCAPIL);
    expect(filed.status).toBe(201);
    const path = filed.evidence?.downloadPath ?? '';
    expect(await download(path, DUKCAPIL)).toBe(200);
    expect(await download(path, ORTALA)).toBe(200);
    expect(await download(path, ASSESSOR)).toBe(200);
    expect(await download(path, DINSOS)).toBe(404);
    expect(await download(path, ANALYST)).toBe(404);
    expect(await run(FOLLOW_UP, { id: f.id, v: f.version, input: done }, DUKCAPIL)).toMatchObject({
      finding: { status: 'DONE' },
    });
    // Once reported done, its evidence no longer changes.
    expect(await upload(f.id, DUKCAPIL)).toMatchObject({
      status: 409,
      error: { code: 'ILLEGAL_TRANSITION', field: 'findingId' },
    });
    const removal = await run(
      `mutation { r: removeFollowUpEvidence(id: "${filed.evidence?.id}") { __typename ... on MutationError { field } } }`,
      {},
      DUKCAPIL,
    );
    expect(removal).toMatchObject({ __typename: 'IllegalTransitionError', field: 'id' });
    const { data: listedEvidence } = await graphql<{
      finding: { evidence: { fileName: string }[] };
    }>(subgraph.url, `{ finding(id: "${f.id}") { evidence { fileName } } }`, undefined, {
      as: ORTALA,
    });
    expect(listedEvidence?.finding.evidence).toEqual([{ fileName: 'foto-papan-sp.pdf' }]);
    f = await read(found.dukcapil);
    expect(
      await run(FOLLOW_UP, { id: f.id, v: f.version, input: planned }, DUKCAPIL),
    ).toMatchObject({ __typename: 'IllegalTransitionError', status: 'DONE' });
    // Deciding is the assessing office's, not the unit's.
    const decision = { decision: 'VERIFY', note: 'Sesuai foto dan observasi' };
    const unitDecides = await call(DECIDE, { id: f.id, v: f.version, input: decision }, DUKCAPIL);
    expect(unitDecides.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is verified or reopened by the assessing office; a reopened one goes back to the unit', async () => {
    let f = await read(found.dukcapil);
    expect(
      await run(
        DECIDE,
        { id: f.id, v: f.version, input: { decision: 'VERIFY', note: 'Sesuai observasi' } },
        ASSESSOR,
      ),
    ).toMatchObject({ finding: { status: 'VERIFIED' } });

    // The government's Bagian Organisasi reports its recommendation done; it is not.
    f = await read(found.government);
    expect((await upload(f.id, ORTALA)).status).toBe(201);
    await run(
      FOLLOW_UP,
      { id: f.id, v: f.version, input: { status: 'DONE', note: 'Draf keputusan disusun' } },
      ORTALA,
    );
    f = await read(found.government);
    expect(
      await run(
        DECIDE,
        {
          id: f.id,
          v: f.version,
          input: { decision: 'REOPEN', note: 'Keputusan belum ditetapkan' },
        },
        ASSESSOR,
      ),
    ).toMatchObject({ finding: { status: 'REOPENED' } });
    f = await read(found.government);
    expect(
      await run(
        FOLLOW_UP,
        { id: f.id, v: f.version, input: { status: 'IN_PROGRESS', note: 'Menunggu tanda tangan' } },
        ORTALA,
      ),
    ).toMatchObject({ finding: { status: 'IN_PROGRESS' } });
    // A finding not yet done cannot be verified.
    f = await read(found.dinsos);
    expect(
      await run(
        DECIDE,
        { id: f.id, v: f.version, input: { decision: 'VERIFY', note: 'Sudah' } },
        ASSESSOR,
      ),
    ).toMatchObject({ __typename: 'IllegalTransitionError', field: 'findingId' });

    const { data } = await graphql<{
      finding: { followUps: { status: string; by: string }[] };
    }>(subgraph.url, `{ finding(id: "${found.government}") { followUps { status by } } }`);
    expect(data?.finding.followUps).toEqual([
      { status: 'DONE', by: ORTALA.sub },
      { status: 'REOPENED', by: ASSESSOR.sub },
      { status: 'IN_PROGRESS', by: ORTALA.sub },
    ]);
  });

  it('lists the overdue ones the day after their due date', async () => {
    const mine = { subjectId: '17.71' };
    // Due today: not overdue yet.
    expect(await listed({ ...mine, overdue: true }, ANALYST)).toEqual([]);
    expect((await read(found.dinsos)).overdue).toBe(false);
    expect(await listed({ ...mine, overdue: true, asOf: day(1) }, ANALYST)).toEqual([found.dinsos]);
    // Ten days on, Dukcapil's is past due too but verified; the recommendation runs to day 30.
    expect(await listed({ ...mine, overdue: true, asOf: day(11) }, ANALYST)).toEqual([
      found.dinsos,
    ]);
    expect(await listed({ ...mine, overdue: true, asOf: day(31) }, ANALYST)).toEqual([
      found.dinsos,
      found.government,
    ]);
    expect(await listed({ ...mine, open: true }, ANALYST)).toEqual([
      found.dinsos,
      found.government,
    ]);
    expect(await listed({ provinceCode: '17', kind: ['REKOMENDASI'] }, ANALYST)).toEqual([
      found.government,
    ]);
    expect(await listed({ organisationId: '17.71.dukcapil' }, ANALYST)).toEqual([found.dukcapil]);
  });

  it('shows findings to the units concerned and to signed-in staff, never to the public', async () => {
    const all = [found.dinsos, found.dukcapil, found.government];
    expect(await listed({ subjectId: '17.71' }, ANALYST)).toEqual(all);
    expect(await listed({ subjectId: '17.71' }, ORTALA)).toEqual(all);
    expect(await listed({}, DINSOS)).toEqual([found.dinsos]);
    expect(await listed({}, KOTA_JAMBI)).toEqual([]);
    expect(await listed({}, PUBLIC)).toEqual([]);
    expect(await read(found.dukcapil, PUBLIC)).toBeNull();

    const { data } = await graphql<{ _entities: { findings: { id: string }[] }[] }>(
      subgraph.url,
      `{ _entities(representations: [{ __typename: "Organisation", id: "17.71" }]) {
        ... on Organisation { findings(open: true) { id } } } }`,
      undefined,
      { as: ORTALA },
    );
    expect(data?._entities[0]?.findings.map((f) => f.id)).toEqual([found.dinsos, found.government]);
    const published = await graphql<{ assessment: { findings: { id: string }[] } }>(
      subgraph.url,
      `{ assessment(id: "${ASSESSMENT}") { findings { id } } }`,
      undefined,
      { as: PUBLIC },
    );
    expect(published.data?.assessment.findings).toEqual([]);
  });

  it('knows a finding that came back, and sums up what a rakor asks', async () => {
    // The same shortfall on Dukcapil's Proses was found in 2023 already.
    const earlier = await run(
      RECORD,
      {
        input: {
          assessmentId: 'ombudsman-compliance-2023.17.71',
          indicator: 'proses',
          kind: 'FINDING',
          organisationId: '17.71.dukcapil',
          text: 'Standar pelayanan belum dipublikasikan',
          dueOn: day(1),
        },
      },
      ASSESSOR,
    );
    const again = await run(
      RECORD,
      {
        input: {
          assessmentId: ASSESSMENT,
          indicator: 'proses',
          kind: 'FINDING',
          organisationId: '17.71.dukcapil',
          text: 'Standar pelayanan masih belum dipublikasikan di laman',
          dueOn: day(20),
        },
      },
      ASSESSOR,
    );
    const againId = (again.finding as Finding).id;
    const { data } = await graphql<{ finding: { recurs: { id: string } | null } }>(
      subgraph.url,
      `{ finding(id: "${againId}") { recurs { id } } }`,
    );
    expect(data?.finding.recurs?.id).toBe((earlier.finding as Finding).id);
    expect(await listed({ subjectId: '17.71', recurring: true }, ANALYST)).toEqual([againId]);

    const summary = await graphql<{ findingSummary: Record<string, unknown> }>(
      subgraph.url,
      `{ findingSummary(filter: { cycleId: "ombudsman-compliance-2024", subjectId: "17.71" }) {
        total open overdue awaitingVerification verified recurring verifiedShare
        nextCycle { id } followedUpBeforeNextCycle } }`,
      undefined,
      { as: ORTALA },
    );
    // Dukcapil's first one is verified; Dinas Sosial's, the government's and the repeat are open.
    expect(summary.data?.findingSummary).toEqual({
      total: 4,
      open: 3,
      overdue: 0,
      awaitingVerification: 0,
      verified: 1,
      recurring: 1,
      verifiedShare: 0.25,
      nextCycle: null,
      followedUpBeforeNextCycle: null,
    });
    // A stranger counts nothing.
    const stranger = await graphql<{ findingSummary: { total: number } }>(
      subgraph.url,
      '{ findingSummary { total } }',
      undefined,
      { as: KOTA_JAMBI },
    );
    expect(stranger.data?.findingSummary.total).toBe(0);
  });

  it("counts the share followed up before the framework's next cycle opened", async () => {
    const admin: Identity = { sub: 'admin@ombudsman', role: 'admin', regions: [] };
    await run(
      'mutation { r: createCycle(input: { framework: OMBUDSMAN_COMPLIANCE, year: 2035 }) { __typename } }',
      {},
      admin,
    );
    await run(
      'mutation { r: openCycle(id: "ombudsman-compliance-2035") { __typename } }',
      {},
      admin,
    );
    const all = ['input', 'proses', 'output', 'pengaduan', 'kepercayaan'].map((component) => ({
      component,
      score: 80,
    }));
    await run(
      `mutation($l: [LokusInput!]!) { r: createAssessment(input: { cycleId: "ombudsman-compliance-2035", subjectId: "17.71", lokus: $l }) { __typename } }`,
      { l: [{ unitId: '17.71.dukcapil', scores: all }] },
      ASSESSOR,
    );
    const id = 'ombudsman-compliance-2035.17.71';
    const version = async () =>
      (
        await graphql<{ assessment: { version: number } }>(
          subgraph.url,
          `{ assessment(id: "${id}") { version } }`,
        )
      ).data?.assessment.version ?? 0;
    await run(
      `mutation { r: submitAssessment(id: "${id}", expectedVersion: ${await version()}) { __typename } }`,
      {},
      ASSESSOR,
    );
    const recorded = async (text: string) =>
      (
        (
          await run(
            RECORD,
            {
              input: {
                assessmentId: id,
                kind: 'SARAN_PERBAIKAN',
                organisationId: '17.71.dukcapil',
                text,
                dueOn: day(3),
              },
            },
            ASSESSOR,
          )
        ).finding as Finding
      ).id;
    const followed = await recorded('Tambah loket prioritas');
    await recorded('Perbarui maklumat pelayanan');
    let f = await read(followed);
    expect((await upload(f.id, DUKCAPIL)).status).toBe(201);
    await run(
      FOLLOW_UP,
      { id: f.id, v: f.version, input: { status: 'DONE', note: 'Loket prioritas dibuka' } },
      DUKCAPIL,
    );
    f = await read(followed);
    await run(
      DECIDE,
      { id: f.id, v: f.version, input: { decision: 'VERIFY', note: 'Sesuai' } },
      ASSESSOR,
    );

    const share = async () =>
      (
        await graphql<{
          findingSummary: {
            nextCycle: { id: string } | null;
            followedUpBeforeNextCycle: number | null;
          };
        }>(
          subgraph.url,
          '{ findingSummary(filter: { cycleId: "ombudsman-compliance-2035" }) { nextCycle { id } followedUpBeforeNextCycle } }',
        )
      ).data?.findingSummary;
    expect(await share()).toEqual({ nextCycle: null, followedUpBeforeNextCycle: null });
    await run(
      'mutation { r: createCycle(input: { framework: OMBUDSMAN_COMPLIANCE, year: 2036 }) { __typename } }',
      {},
      admin,
    );
    await run(
      'mutation { r: openCycle(id: "ombudsman-compliance-2036") { __typename } }',
      {},
      admin,
    );
    expect(await share()).toEqual({
      nextCycle: { id: 'ombudsman-compliance-2036' },
      followedUpBeforeNextCycle: 0.5,
    });
  });
});
