import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Supergraph } from '@apollo/federation-internals';
import {
  CALL_TOKEN_TYPE,
  callSigner,
  GATEWAY_ISSUER,
  generateSigningKey,
  IDENTITY_HEADER,
  type Identity,
} from '@mutu/server';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../src/compose.js';
import { loadEnv } from '../src/env.js';
import { type RunningGateway, startGateway } from '../src/start.js';
import { type Platform, startPlatform } from './platform.js';

/**
 * Who may do what, tried as an attacker would: every query and mutation of the graph with every
 * kind of caller, through the gateway and straight to the subgraph that owns it. The table
 * below is the specification; the test fails on any cell that answers otherwise.
 *
 * Columns through the gateway:
 *   none      no token (the public)
 *   expired   an expired token of the identity provider
 *   otherKey  a well-formed token with the provider's key id, signed with another key
 *   otherAud  a provider token for another audience
 *   callTok   a call token the gateway signed for a subgraph, sent back as a bearer token
 *   analyst, assessor (of another province, 64), own (an assessor of Bengkulu, 17),
 *   unit (the Bagian Organisasi of Kota Bengkulu, 17.71, speaking for its government), admin
 * Columns straight to the owning subgraph, past the gateway:
 *   direct    no call token
 *   bearer    the caller's own (admin) bearer token as the call token
 *   replay    the admin call token the SPBE partner received, replayed
 *
 * Answers: A allowed (data, or the mutation's typed result), F FORBIDDEN (the field is null with
 * an error), U 401 UNAUTHENTICATED (refused before anything runs).
 */
const COLUMNS = [
  'none',
  'expired',
  'otherKey',
  'otherAud',
  'callTok',
  'analyst',
  'assessor',
  'own',
  'unit',
  'admin',
  'direct',
  'bearer',
  'replay',
] as const;
type Column = (typeof COLUMNS)[number];
type Answer = 'A' | 'F' | 'U';

interface Row {
  /** The root field the row is about (every root field of the graph has one). */
  readonly field: string;
  readonly subgraph: 'organisations' | 'assessments' | 'engagement' | 'spbe';
  readonly operation: string;
  /** The answers by column, in COLUMNS order; `|` only separates the direct columns. */
  readonly expect: string;
}

const READ = 'A U U U U A A A A A | U U U';
const ADMIN_ONLY = 'F U U U U F F F F A | U U U';
/** Assessors write their own region's assessments (17.01 is in Bengkulu, 17). */
const ASSESSOR_OF_17 = 'F U U U U F F A F A | U U U';
/** Guarded reads: signed-in roles only. */
const SIGNED_IN = 'F U U U U A A A F A | U U U';

/** Every indicator of the PEKPPP instrument at level 3: a complete IPP lokus. */
const INDICATORS = `[${Array.from({ length: 30 }, (_, i) => `{ indicator: "${i + 1}", score: 3 }`).join(', ')}]`;
/** Replaced, once the draft exists, by the id of its lokus (ids are made by the database). */
const DRAFT_LOKUS = '__LOKUS_OF_THE_DRAFT__';
/** Likewise, evidence attached to that lokus. */
const DRAFT_EVIDENCE = '__EVIDENCE_OF_THE_DRAFT__';
/** And a finding on Kota Bengkulu's published result, for its government (17.71) to act on. */
const FINDING = '__FINDING_OF_KOTA_BENGKULU__';
/** The unit column's own rights: a unit of Kota Bengkulu acts on its government's findings. */
const UNIT_OF_17_71 = 'F U U U U F F F A A | U U U';
const RESULT = '__typename';

const TABLE: readonly Row[] = [
  // Queries: the public reads everything published.
  {
    field: 'provinces',
    subgraph: 'organisations',
    operation: '{ provinces { code } }',
    expect: READ,
  },
  {
    field: 'province',
    subgraph: 'organisations',
    operation: '{ province(code: "17") { name } }',
    expect: READ,
  },
  {
    field: 'regency',
    subgraph: 'organisations',
    operation: '{ regency(code: "17.01") { name } }',
    expect: READ,
  },
  {
    field: 'organisation',
    subgraph: 'organisations',
    operation: '{ organisation(id: "17.01") { name } }',
    expect: READ,
  },
  {
    field: 'organisations',
    subgraph: 'organisations',
    operation: '{ organisations(first: 2) { edges { node { id } } } }',
    expect: READ,
  },
  {
    field: 'organisationsByIds',
    subgraph: 'organisations',
    operation: '{ organisationsByIds(ids: ["17.01"]) { id } }',
    expect: READ,
  },
  {
    field: 'publicServiceMalls',
    subgraph: 'organisations',
    operation: '{ publicServiceMalls { organisation { id } } }',
    expect: READ,
  },
  {
    field: 'scoreBand',
    subgraph: 'assessments',
    operation: '{ scoreBand(framework: IPP, score: 3.66) { grade } }',
    expect: READ,
  },
  {
    field: 'cycle',
    subgraph: 'assessments',
    operation: '{ cycle(id: "ipp-2024") { status } }',
    expect: READ,
  },
  { field: 'cycles', subgraph: 'assessments', operation: '{ cycles { id } }', expect: READ },
  {
    field: 'assessments',
    subgraph: 'assessments',
    operation: '{ assessments(first: 2, filter: { cycleId: "ipp-2024" }) { totalCount } }',
    expect: READ,
  },
  {
    field: 'selfEvaluation',
    subgraph: 'assessments',
    operation: '{ selfEvaluation(cycleId: "ipp-2030-mx", organisationId: "17.71") { id } }',
    expect: READ,
  },
  {
    field: 'findingSummary',
    subgraph: 'assessments',
    operation: '{ findingSummary { total open } }',
    expect: READ,
  },
  {
    field: 'surveyPeriod',
    subgraph: 'assessments',
    operation: '{ surveyPeriod(id: "00000000-0000-4000-8000-000000000000") { id } }',
    expect: READ,
  },
  {
    field: 'finding',
    subgraph: 'assessments',
    operation: `{ finding(id: "${FINDING}") { id } }`,
    expect: READ,
  },
  {
    field: 'findings',
    subgraph: 'assessments',
    operation: '{ findings(first: 2) { totalCount } }',
    expect: READ,
  },
  {
    field: 'assessment',
    subgraph: 'assessments',
    operation: '{ assessment(id: "ipp-2024.15.01") { score } }',
    expect: READ,
  },
  {
    field: 'ranking',
    subgraph: 'assessments',
    operation: '{ ranking(framework: IPP, year: 2024, provinceCode: "64") { rank } }',
    expect: READ,
  },
  {
    field: 'resultComparison',
    subgraph: 'assessments',
    operation:
      '{ resultComparison(framework: IPP, organisationId: "15.01", fromYear: 2023, toYear: 2024) { delta } }',
    expect: READ,
  },
  {
    field: 'publishedResultsCsv',
    subgraph: 'assessments',
    operation: '{ publishedResultsCsv(framework: IPP, year: 2023) }',
    expect: READ,
  },
  {
    field: 'raporFile',
    subgraph: 'assessments',
    operation: '{ raporFile(organisationId: "15.01") { path } }',
    expect: READ,
  },
  {
    field: 'provinceRaporFile',
    subgraph: 'assessments',
    operation: '{ provinceRaporFile(provinceCode: "15", framework: IPP, year: 2024) { path } }',
    expect: READ,
  },
  {
    field: 'leagueTableFile',
    subgraph: 'assessments',
    operation: '{ leagueTableFile(framework: IPP, year: 2024, provinceCode: "15") { path } }',
    expect: READ,
  },
  {
    field: 'worklistFile',
    subgraph: 'assessments',
    operation: '{ worklistFile(cycleId: "ipp-2024", provinceCode: "15") { path } }',
    expect: READ,
  },
  {
    field: 'agreement',
    subgraph: 'engagement',
    operation: '{ agreement(id: "none") { title } }',
    expect: READ,
  },
  {
    field: 'event',
    subgraph: 'engagement',
    operation: '{ event(id: "none") { title } }',
    expect: READ,
  },
  {
    field: 'award',
    subgraph: 'engagement',
    operation: '{ award(id: "none") { title } }',
    expect: READ,
  },
  {
    field: 'agreements',
    subgraph: 'engagement',
    operation: '{ agreements(first: 2) { edges { node { id } } } }',
    expect: READ,
  },
  {
    field: 'events',
    subgraph: 'engagement',
    operation: '{ events(first: 2) { edges { node { id } } } }',
    expect: READ,
  },
  {
    field: 'awards',
    subgraph: 'engagement',
    operation: '{ awards(first: 2) { edges { node { id } } } }',
    expect: READ,
  },
  {
    field: 'expiringAgreements',
    subgraph: 'engagement',
    operation: '{ expiringAgreements(withinDays: 365) { id } }',
    expect: READ,
  },
  // The partner's own field: its subgraph decides (it serves public data); a replay of the
  // token it received is a token for it, so the last column reaches it.
  {
    field: 'spbeResults',
    subgraph: 'spbe',
    operation: '{ spbeResults(year: 2024) { result { index } } }',
    expect: 'A U U U U A A A A A | U U A',
  },

  // Fields guarded by role, reached through a query.
  {
    field: 'Organisation.auditTrail',
    subgraph: 'organisations',
    operation: '{ organisation(id: "17.01") { auditTrail { action } } }',
    expect: SIGNED_IN,
  },
  {
    field: 'Assessment.history',
    subgraph: 'assessments',
    operation: '{ assessment(id: "ipp-2024.15.01") { history { action } } }',
    expect: SIGNED_IN,
  },
  {
    field: 'AssessmentCycle.history',
    subgraph: 'assessments',
    operation: '{ cycle(id: "ipp-2024") { history { action } } }',
    expect: SIGNED_IN,
  },
  {
    field: 'Award.history',
    subgraph: 'engagement',
    operation: '{ awards(first: 1) { edges { node { history { action } } } } }',
    expect: SIGNED_IN,
  },
  // A draft's score: its region's assessor and administrators only (the public does not learn
  // that the draft exists, so its answer is null without an error: A).
  {
    field: 'Assessment.score (draft)',
    subgraph: 'assessments',
    operation: '{ assessment(id: "ipp-2030-mx.17.01") { score } }',
    expect: 'A U U U U F F A A A | U U U',
  },

  // Mutations of the register: administrators only.
  {
    field: 'createOrganisation',
    subgraph: 'organisations',
    operation: `mutation { createOrganisation(input: { kind: OPD, name: "Dinas Matriks", parentId: "17.01" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'updateOrganisation',
    subgraph: 'organisations',
    operation: `mutation { updateOrganisation(id: "17.01.dinas-kesehatan", expectedVersion: 999, input: { shortName: "Dinkes" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'moveOrganisation',
    subgraph: 'organisations',
    operation: `mutation { moveOrganisation(id: "17.01.dinas-kesehatan", expectedVersion: 999, parentId: "17.01") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'mergeOrganisation',
    subgraph: 'organisations',
    operation: `mutation { mergeOrganisation(id: "17.01.dinas-kesehatan", expectedVersion: 999, intoId: "17.01", on: "2030-01-01") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'dissolveOrganisation',
    subgraph: 'organisations',
    operation: `mutation { dissolveOrganisation(id: "17.01.dinas-kesehatan", expectedVersion: 999, on: "2030-01-01") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'updatePublicServiceMall',
    subgraph: 'organisations',
    operation: `mutation { updatePublicServiceMall(id: "no-such-mall", expectedVersion: 1, input: { serviceCount: 3 }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },

  // Mutations of the assessment workflow.
  {
    field: 'createCycle',
    subgraph: 'assessments',
    operation: `mutation { createCycle(input: { framework: IPP, year: 2024 }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'openCycle',
    subgraph: 'assessments',
    operation: `mutation { openCycle(id: "ipp-2024") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'closeCycle',
    subgraph: 'assessments',
    operation: `mutation { closeCycle(id: "ipp-2024") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'publishCycle',
    subgraph: 'assessments',
    operation: `mutation { publishCycle(id: "ipp-2024") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'createAssessment',
    subgraph: 'assessments',
    operation: `mutation { createAssessment(input: { cycleId: "ipp-2030-mx", subjectId: "17.01" }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordLokusScores',
    subgraph: 'assessments',
    operation: `mutation { recordLokusScores(assessmentId: "ipp-2024.17.01", expectedVersion: 1, lokus: [{ unitId: "17.01", indicators: ${INDICATORS} }]) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'removeLokus',
    subgraph: 'assessments',
    operation: `mutation { removeLokus(assessmentId: "ipp-2024.17.01", expectedVersion: 1, unitId: "17.01") { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordIndicatorScores',
    subgraph: 'assessments',
    // The assessor's right comes from the lokus's subject (17.01), looked up by the subgraph.
    operation: `mutation { recordIndicatorScores(lokusId: "${DRAFT_LOKUS}", expectedVersion: 99, scores: [{ indicator: "1", score: 3 }]) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'removeEvidence',
    subgraph: 'assessments',
    // The first allowed caller removes it; later ones are told it is not found (a typed answer).
    operation: `mutation { removeEvidence(id: "${DRAFT_EVIDENCE}") { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordVerification',
    subgraph: 'assessments',
    operation: `mutation { recordVerification(lokusId: "${DRAFT_LOKUS}", expectedVersion: 99, input: { stage: ADMINISTRATIVE, decision: ACCEPT }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'resubmitLokus',
    subgraph: 'assessments',
    operation: `mutation { resubmitLokus(lokusId: "${DRAFT_LOKUS}", expectedVersion: 99) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordFinding',
    subgraph: 'assessments',
    operation: `mutation { recordFinding(input: { assessmentId: "ombudsman-compliance-2024.17.71", kind: FINDING, organisationId: "17.71", text: "matrix", dueOn: "2099-01-01" }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordFollowUp',
    subgraph: 'assessments',
    operation: `mutation { recordFollowUp(findingId: "${FINDING}", expectedVersion: 99, input: { status: PLANNED, note: "matrix" }) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'decideFollowUp',
    subgraph: 'assessments',
    operation: `mutation { decideFollowUp(findingId: "${FINDING}", expectedVersion: 99, input: { decision: VERIFY, note: "matrix" }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'recordFindingsDiscussed',
    subgraph: 'assessments',
    // No such event in the engagement subgraph: those who may link are told so, naming the field.
    operation: `mutation { recordFindingsDiscussed(input: { eventId: "no-such-event", findingIds: ["${FINDING}"] }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'removeFindingDiscussed',
    subgraph: 'assessments',
    operation: `mutation { removeFindingDiscussed(input: { eventId: "no-such-event", findingId: "${FINDING}" }) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'removeFollowUpEvidence',
    subgraph: 'assessments',
    // No such evidence: an administrator is told so (a typed answer); nobody else learns even that.
    operation: `mutation { removeFollowUpEvidence(id: "00000000-0000-4000-8000-000000000000") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'recordSelfScores',
    subgraph: 'assessments',
    // Self-evaluations are the units' own; another unit is told so (a typed answer).
    operation: `mutation { recordSelfScores(cycleId: "ipp-2030-mx", organisationId: "17.71", expectedVersion: 99, scores: [{ indicator: "1", score: 3 }]) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'submitSelfEvaluation',
    subgraph: 'assessments',
    operation: `mutation { submitSelfEvaluation(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'openSurveyPeriod',
    subgraph: 'assessments',
    operation: `mutation { openSurveyPeriod(input: { cycleId: "skm-2099-s1", organisationId: "17.71", population: 100 }) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'recordSurveyResponses',
    subgraph: 'assessments',
    operation: `mutation { recordSurveyResponses(periodId: "00000000-0000-4000-8000-000000000000", responses: [{ answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }]) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'publishSurveyPeriod',
    subgraph: 'assessments',
    operation: `mutation { publishSurveyPeriod(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1) { ${RESULT} } }`,
    expect: UNIT_OF_17_71,
  },
  {
    field: 'submitAssessment',
    subgraph: 'assessments',
    operation: `mutation { submitAssessment(id: "ipp-2024.17.01", expectedVersion: 99) { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  {
    field: 'correctAssessment',
    subgraph: 'assessments',
    operation: `mutation { correctAssessment(id: "ipp-2024.17.01", expectedVersion: 99, reason: "matrix") { ${RESULT} } }`,
    expect: ASSESSOR_OF_17,
  },
  // Verifying, returning and publishing are the supervising body's, never the assessor's own.
  {
    field: 'verifyAssessment',
    subgraph: 'assessments',
    operation: `mutation { verifyAssessment(id: "ipp-2024.17.01", expectedVersion: 99) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'returnAssessment',
    subgraph: 'assessments',
    operation: `mutation { returnAssessment(id: "ipp-2024.17.01", expectedVersion: 99, reason: "matrix") { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'publishAssessment',
    subgraph: 'assessments',
    operation: `mutation { publishAssessment(id: "ipp-2024.17.01", expectedVersion: 99) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'recordPublishedTotal',
    subgraph: 'assessments',
    operation: `mutation { recordPublishedTotal(input: { cycleId: "no-such-cycle-2020", subjectId: "17.01", score: 3, source: "matrix" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },

  // Mutations of engagement: administrators only.
  {
    field: 'createAgreement',
    subgraph: 'engagement',
    operation: `mutation { createAgreement(input: { title: "Matriks", kind: MOU, signedOn: "2030-01-01", parties: [{ organisationId: "17.01" }] }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'updateAgreement',
    subgraph: 'engagement',
    operation: `mutation { updateAgreement(id: "none", expectedVersion: 1, input: { title: "Matriks" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'createEvent',
    subgraph: 'engagement',
    operation: `mutation { createEvent(input: { kind: RAKOR, title: "Matriks", hostId: "no-such-host", startsOn: "2030-01-01" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'updateEvent',
    subgraph: 'engagement',
    operation: `mutation { updateEvent(id: "none", expectedVersion: 1, input: { summary: "Matriks" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
  {
    field: 'createAward',
    subgraph: 'engagement',
    operation: `mutation { createAward(input: { recipientId: "no-such-body", awardingId: "17.01", title: "Matriks", awardedOn: "2030-01-01" }) { ${RESULT} } }`,
    expect: ADMIN_ONLY,
  },
];

let platform: Platform;
let gateway: RunningGateway;
let draftLokus = '';
let draftEvidence = '';
let finding = '';
/** The call tokens each subgraph received, by subgraph, as a proxy in front of it saw them. */
const received = new Map<string, string>();
const proxies: Server[] = [];
const bearers = new Map<Column, string>();
const answered: { cell: string; expected: Answer; got: Answer | string }[] = [];

/** A pass-through in front of a subgraph that keeps the call tokens sent to it. */
async function capturing(name: string, target: string): Promise<string> {
  const server = createServer(async (req, res) => {
    const token = req.headers[IDENTITY_HEADER];
    if (typeof token === 'string') received.set(name, token);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (e): e is [string, string] =>
          typeof e[1] === 'string' &&
          !['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'].includes(
            e[0],
          ),
      ),
    );
    const answer = await fetch(target, {
      method: req.method,
      headers,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const urlOf = (name: Row['subgraph']) => (name === 'spbe' ? platform.spbe.url : platform[name].url);

beforeAll(async () => {
  platform = await startPlatform();
  const env: Record<string, string> = { ...platform.env, LOG_LEVEL: 'silent' };
  for (const name of ['organisations', 'assessments', 'engagement', 'spbe'] as const) {
    env[`SUBGRAPH_${name.toUpperCase()}_URL`] = await capturing(name, urlOf(name));
  }
  gateway = await startGateway(loadEnv(env));

  const person = (
    sub: string,
    role: Identity['role'],
    regions: string[] = [],
    organisation?: string,
  ) => platform.token({ sub, role, regions, organisation });
  const provider = platform.identityProvider;
  const stranger = await generateSigningKey();
  const claims = { role: 'admin', regions: [] };
  bearers.set('expired', await platform.token({ sub: 'x', role: 'admin' }, '-1m'));
  bearers.set(
    'otherKey',
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: provider.kid })
      .setIssuer('mutu-demo-identity-provider')
      .setAudience('mutu')
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(stranger.privateKey),
  );
  bearers.set(
    'otherAud',
    await new SignJWT(claims)
      .setProtectedHeader({ alg: provider.alg, kid: provider.kid })
      .setIssuer('mutu-demo-identity-provider')
      .setAudience('another-application')
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(provider.privateKey),
  );
  bearers.set('analyst', await person('analyst@mutu.test', 'analyst'));
  bearers.set('assessor', await person('assessor@kaltim.test', 'assessor', ['64']));
  bearers.set('own', await person('assessor@bengkulu.test', 'assessor', ['17']));
  bearers.set('unit', await person('ortala@bengkulukota.test', 'unit', [], '17.71'));
  bearers.set('admin', await person('admin@mutu.test', 'admin'));

  // The state the rows refer to: an open cycle and a draft in it, made by an administrator.
  const admin = { authorization: `Bearer ${bearers.get('admin')}` };
  for (const q of [
    'mutation { createCycle(input: { framework: IPP, year: 2030, period: "MX" }) { __typename } }',
    'mutation { openCycle(id: "ipp-2030-mx") { __typename } }',
    `mutation { createAssessment(input: { cycleId: "ipp-2030-mx", subjectId: "17.01", lokus: [{ unitId: "17.01", indicators: ${INDICATORS} }] }) { __typename } }`,
  ]) {
    expect((await platform.query(q, undefined, admin)).errors).toBeUndefined();
  }
  const draft = await platform.query(
    '{ assessment(id: "ipp-2030-mx.17.01") { lokus { id } } }',
    undefined,
    admin,
  );
  draftLokus =
    (draft.data as { assessment: { lokus: { id: string }[] } }).assessment.lokus[0]?.id ?? '';
  expect(draftLokus).not.toBe('');
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'sk.pdf');
  const attached = await fetch(
    // The platform's own gateway: the capturing proxies here forward /graphql only.
    new URL(`/evidence?lokusId=${draftLokus}&indicator=1`, platform.gateway.url),
    {
      method: 'POST',
      headers: admin,
      body: form,
    },
  );
  const answer = (await attached.json()) as { evidence?: { id: string } };
  expect(answer).toMatchObject({ evidence: { id: expect.any(String) } });
  draftEvidence = answer.evidence?.id ?? '';
  const recorded = await platform.query(
    'mutation { recordFinding(input: { assessmentId: "ombudsman-compliance-2024.17.71", kind: REKOMENDASI, organisationId: "17.71", text: "Standar pelayanan seluruh OPD lokus ditetapkan", dueOn: "2099-01-01" }) { ... on RecordFindingSuccess { finding { id } } } }',
    undefined,
    admin,
  );
  finding = (recorded.data as { recordFinding: { finding: { id: string } } }).recordFinding.finding
    .id;
  await receiveFreshTokens();
  expect(received.size).toBe(4);
}, 240_000);

/**
 * Sends an administrator's request that reaches every subgraph, the partner's included, so the
 * proxies hold call tokens fresh enough to replay (they live 30 s; the matrix runs longer).
 */
async function receiveFreshTokens() {
  const everywhere = await ask(
    '{ organisation(id: "15.01") { name results(framework: IPP) { score } events { title } spbe { year } } }',
    { authorization: `Bearer ${bearers.get('admin')}` },
  );
  expect(everywhere.status).toBe(200);
  bearers.set('callTok', received.get('assessments') ?? '');
}

afterAll(async () => {
  console.log(
    `auth matrix: ${answered.length} cells tried, ${answered.filter((a) => a.got !== a.expected).length} failed`,
  );
  await gateway?.close();
  for (const proxy of proxies) proxy.close();
  await platform?.close();
});

async function ask(operation: string, headers: Record<string, string>, url = gateway.url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: operation }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

/** What a cell answered: U for 401, F for a FORBIDDEN error, A for an answer without one. */
function classify({ status, body }: Awaited<ReturnType<typeof ask>>): Answer | string {
  if (status === 401) return 'U';
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length === 0 && body.data) return 'A';
  if (codes.length > 0 && codes.every((c) => c === 'FORBIDDEN')) return 'F';
  return `HTTP ${status} ${codes.join(',') || JSON.stringify(body).slice(0, 120)}`;
}

function headersFor(column: Column): Record<string, string> {
  switch (column) {
    case 'none':
      return {};
    case 'direct':
      return {};
    case 'bearer':
      return { [IDENTITY_HEADER]: bearers.get('admin') ?? '' };
    case 'replay':
      return { [IDENTITY_HEADER]: received.get('spbe') ?? '' };
    default:
      return { authorization: `Bearer ${bearers.get(column)}` };
  }
}

describe('the auth matrix', () => {
  it('covers every query and mutation of the graph', async () => {
    const schema = Supergraph.build(await readFile(SUPERGRAPH_FILE, 'utf8'))
      .apiSchema()
      .toGraphQLJSSchema();
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}),
    );
    const rows = new Set(TABLE.map((r) => r.field));
    expect(roots.filter((f) => !rows.has(f))).toEqual([]);
  });

  it('answers every cell as the table says', async () => {
    for (const row of TABLE) {
      await receiveFreshTokens();
      const expected = row.expect.replace('|', '').split(/\s+/).filter(Boolean) as Answer[];
      expect(expected).toHaveLength(COLUMNS.length);
      for (const [i, column] of COLUMNS.entries()) {
        const past = ['direct', 'bearer', 'replay'].includes(column);
        const url = past ? urlOf(row.subgraph) : gateway.url;
        const operation = row.operation
          .replace(DRAFT_LOKUS, draftLokus)
          .replace(DRAFT_EVIDENCE, draftEvidence)
          .replace(FINDING, finding);
        const got = classify(await ask(operation, headersFor(column), url));
        answered.push({ cell: `${row.field} × ${column}`, expected: expected[i] as Answer, got });
      }
    }
    const wrong = answered.filter((a) => a.got !== a.expected);
    expect(wrong.map((w) => `${w.cell}: expected ${w.expected}, got ${w.got}`)).toEqual([]);
  });

  it('refuses a call token at every subgraph but the one it was made for', async () => {
    const targets = ['organisations', 'assessments', 'engagement', 'spbe'] as const;
    const cells: string[] = [];
    await receiveFreshTokens();
    for (const [holder, token] of received) {
      for (const target of targets) {
        const answer = await ask('{ __typename }', { [IDENTITY_HEADER]: token }, urlOf(target));
        const got: Answer = answer.status === 401 ? 'U' : 'A';
        const expected: Answer = target === holder ? 'A' : 'U';
        answered.push({ cell: `token of ${holder} at ${target}`, expected, got });
        if (got !== expected) cells.push(`token of ${holder} at ${target}: ${got}`);
      }
    }
    expect(cells).toEqual([]);
  });

  it('refuses a call token past its life, without one, or claiming longer than a minute, at every subgraph', async () => {
    const { testKeys } = await import('@mutu/server/testing');
    const key = await testKeys.gateway();
    const now = Math.floor(Date.now() / 1000);
    // As the gateway signs them but for their times: issued at `iat`, expiring at `exp`.
    const token = (audience: string, iat: number, exp?: number) => {
      const jwt = new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CALL_TOKEN_TYPE })
        .setIssuer(GATEWAY_ISSUER)
        .setAudience(audience)
        .setSubject('mallory')
        .setIssuedAt(iat);
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(key.privateKey);
    };
    const cells: [string, Answer, Answer | string][] = [];
    for (const subgraph of ['organisations', 'assessments', 'engagement', 'spbe'] as const) {
      const at = async (t: string) =>
        classify(await ask('{ __typename }', { [IDENTITY_HEADER]: t }, urlOf(subgraph)));
      cells.push(
        [`${subgraph}: fresh`, 'A', await at(await token(subgraph, now, now + 30))],
        [`${subgraph}: expired`, 'U', await at(await token(subgraph, now - 90, now - 60))],
        [`${subgraph}: no exp`, 'U', await at(await token(subgraph, now))],
        [
          `${subgraph}: issued two minutes ago`,
          'U',
          await at(await token(subgraph, now - 120, now + 30)),
        ],
        [`${subgraph}: a ten-minute life`, 'U', await at(await token(subgraph, now, now + 600))],
      );
    }
    for (const [cell, expected, got] of cells) answered.push({ cell, expected, got });
    expect(cells.filter(([, e, g]) => e !== g)).toEqual([]);
  });

  it('refuses a call token that a subgraph mints for itself elsewhere, and one claiming a person', async () => {
    // A subgraph's own key vouches for `service` only, and only at the services it calls:
    // assessments at organisations and engagement, engagement at organisations alone.
    const { testKeys } = await import('@mutu/server/testing');
    const own = callSigner('mutu-assessments', await testKeys.service('assessments'));
    const asAdmin = await own({ sub: 'mallory', role: 'admin' }, 'organisations');
    const asService = await own({ sub: 'service:assessments', role: 'service' }, 'organisations');
    const atEngagement = await own({ sub: 'service:assessments', role: 'service' }, 'engagement');
    const engagementKey = callSigner('mutu-engagement', await testKeys.service('engagement'));
    const elsewhere = await engagementKey(
      { sub: 'service:engagement', role: 'service' },
      'assessments',
    );
    const forged = await callSigner(GATEWAY_ISSUER, await generateSigningKey())(
      { sub: 'mallory', role: 'admin' },
      'organisations',
    );
    const at = (token: string, target: Row['subgraph'], q = '{ __typename }') =>
      ask(q, { [IDENTITY_HEADER]: token }, urlOf(target));
    const cells: [string, Answer, Answer | string][] = [
      [
        'service key claiming admin at organisations',
        'U',
        classify(await at(asAdmin, 'organisations')),
      ],
      ['engagement key at assessments', 'U', classify(await at(elsewhere, 'assessments'))],
      [
        'assessments key reading an event',
        'A',
        classify(await at(atEngagement, 'engagement', '{ event(id: "x") { id } }')),
      ],
      [
        'assessments key writing an event',
        'F',
        classify(
          await at(
            atEngagement,
            'engagement',
            'mutation { createEvent(input: { kind: RAKOR, title: "Palsu", hostId: "17.01", startsOn: "2030-01-01" }) { __typename } }',
          ),
        ),
      ],
      ['gateway issuer, another key', 'U', classify(await at(forged, 'organisations'))],
      [
        'service key reading the register',
        'A',
        classify(
          await at(asService, 'organisations', '{ organisationsByIds(ids: ["17.01"]) { id } }'),
        ),
      ],
      [
        'service key writing the register',
        'F',
        classify(
          await at(
            asService,
            'organisations',
            'mutation { createOrganisation(input: { kind: OPD, name: "Dinas Layanan", parentId: "17.01" }) { __typename } }',
          ),
        ),
      ],
    ];
    for (const [cell, expected, got] of cells) answered.push({ cell, expected, got });
    expect(cells.filter(([, e, g]) => e !== g)).toEqual([]);
  });
});
