import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedObjects } from '@mutu/assessments/testing';
import { componentScoresOf, instrumentOf, methodologyById, weightedTotal } from '@mutu/scoring';
import { directoryStore, type ObjectStore, s3Store } from '@mutu/storage';
import { startTestS3, type TestS3 } from '@mutu/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform.js';

/**
 * The assessment as it is done, through the gateway as a new user would reach it, with the
 * evidence on the filesystem and on a real S3 API: an assessor scores a lokus indicator by
 * indicator and attaches its evidence, a verifier works through the stages and returns one
 * indicator, the corrected lokus is accepted, and the published total is the instrument's.
 */
let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

type Headers = Record<string, string>;
type Lokus = {
  id: string;
  version: number;
  review: string;
  stage: string | null;
  score: number | null;
  missingIndicators: string[];
};

const STORES: [string, () => Promise<ObjectStore>][] = [
  ['the filesystem', async () => directoryStore(await mkdtemp(join(tmpdir(), 'mutu-evidence-')))],
  [
    'an S3 API (s3rver)',
    async () =>
      s3Store({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        prefix: 'gateway-e2e/',
        forcePathStyle: true,
        credentials: s3.credentials,
      }),
  ],
];

describe.each(STORES)(
  'an IPP lokus from draft to published, evidence on %s',
  (_name, makeStore) => {
    let platform: Platform;
    let store: ObjectStore;
    beforeAll(async () => {
      store = await makeStore();
      platform = await startPlatform({ evidence: { store } });
    }, 240_000);
    afterAll(async () => {
      await platform?.close();
    });

    it('is drafted, evidenced, verified in stages with a return, and published with the computed total', async () => {
      const gateway = new URL(platform.gateway.url);
      const admin = await platform.bearer({ sub: 'evaluator@kemenpan.test', role: 'admin' });
      const assessor = await platform.bearer({
        sub: 'asesor-a@bengkulu.test',
        role: 'assessor',
        regions: ['17'],
      });
      const verifier = await platform.bearer({
        sub: 'verifikator@bengkulu.test',
        role: 'assessor',
        regions: ['17'],
      });
      const ok = (q: string, variables: Record<string, unknown>, headers: Headers) =>
        platform.ok(q, variables, headers);
      /** A mutation whose typed answer must be its success type. */
      const step = async (
        field: string,
        q: string,
        variables: Record<string, unknown>,
        headers: Headers,
      ) => {
        const answer = (await ok(q, variables, headers))[field] as Record<string, unknown>;
        expect(answer.__typename, JSON.stringify(answer)).toMatch(/Success$/);
        return answer;
      };
      const lokus = async (headers: Headers = assessor) => {
        const read = await ok(
          '{ assessment(id: "ipp-2032.17.71") { lokus { id version review stage score missingIndicators } } }',
          {},
          headers,
        );
        return (read.assessment as { lokus: Lokus[] }).lokus[0] as Lokus;
      };
      const queue = async (queue: string, headers: Headers) => {
        const read = await ok(
          `{ assessments(filter: { cycleId: "ipp-2032", queue: ${queue} }) { edges { node { id } } } }`,
          {},
          headers,
        );
        return (read.assessments as { edges: { node: { id: string } }[] }).edges.map(
          (e) => e.node.id,
        );
      };
      const SCORE = `mutation($id: ID!, $v: Int!, $scores: [IndicatorScoreInput!]!) {
      r: recordIndicatorScores(lokusId: $id, expectedVersion: $v, scores: $scores) {
        __typename ... on MutationError { field message } } }`;
      const VERIFY = `mutation($id: ID!, $v: Int!, $input: VerificationInput!) {
      r: recordVerification(lokusId: $id, expectedVersion: $v, input: $input) {
        __typename ... on MutationError { field message }
        ... on RecordVerificationSuccess { lokus { review stage } } } }`;

      // The evaluator opens the cycle; the assessor drafts Kota Bengkulu's lokus.
      await step(
        'createCycle',
        'mutation { createCycle(input: { framework: IPP, year: 2032 }) { __typename } }',
        {},
        admin,
      );
      await step('openCycle', 'mutation { openCycle(id: "ipp-2032") { __typename } }', {}, admin);
      await step(
        'createAssessment',
        'mutation { createAssessment(input: { cycleId: "ipp-2032", subjectId: "17.71", lokus: [{ unitId: "17.71" }] }) { __typename } }',
        {},
        assessor,
      );
      expect(await queue('TO_SCORE', assessor)).toEqual(['ipp-2032.17.71']);

      // Indicator by indicator: no total until the instrument's last indicator is scored.
      const levels: Record<string, number> = Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [String(i + 1), (i % 3) + 3]),
      );
      const scores = Object.entries(levels).map(([indicator, score]) => ({ indicator, score }));
      let at = await lokus();
      expect(at.missingIndicators).toHaveLength(30);
      await step('r', SCORE, { id: at.id, v: at.version, scores: scores.slice(0, 20) }, assessor);
      at = await lokus();
      expect(at).toMatchObject({
        score: null,
        missingIndicators: scores.slice(20).map((s) => s.indicator),
      });
      await step('r', SCORE, { id: at.id, v: at.version, scores: scores.slice(20) }, assessor);
      at = await lokus();
      expect(at.missingIndicators).toEqual([]);
      expect(at.score).not.toBeNull();

      // Its bukti dukung, on the upload route.
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Maklumat Pelayanan.pdf');
      const target = new URL(`/evidence?lokusId=${at.id}&indicator=12`, gateway);
      expect((await fetch(target, { method: 'POST', body: form })).status).toBe(401);
      const uploaded = await fetch(target, { method: 'POST', headers: assessor, body: form });
      expect(uploaded.status).toBe(201);
      const { evidence } = (await uploaded.json()) as {
        evidence: { id: string; downloadPath: string };
      };
      expect(await storedObjects(store)).toEqual([createHash('sha256').update(PDF).digest('hex')]);

      const draft = await ok('{ assessment(id: "ipp-2032.17.71") { version } }', {}, assessor);
      await step(
        'submitAssessment',
        'mutation($v: Int!) { submitAssessment(id: "ipp-2032.17.71", expectedVersion: $v) { __typename } }',
        { v: (draft.assessment as { version: number }).version },
        assessor,
      );
      expect(await queue('TO_SCORE', assessor)).toEqual([]);
      // The assessor does not verify their own lokus; the other assessor of the region does.
      expect(await queue('TO_VERIFY', assessor)).toEqual([]);
      expect(await queue('TO_VERIFY', verifier)).toEqual(['ipp-2032.17.71']);

      // The verifier reads the evidence at the administrative check and accepts it.
      const downloaded = await fetch(new URL(evidence.downloadPath, gateway), {
        headers: verifier,
      });
      expect(downloaded.status).toBe(200);
      expect(downloaded.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(PDF)).toBe(true);
      at = await lokus(verifier);
      expect(at).toMatchObject({ review: 'IN_REVIEW', stage: 'ADMINISTRATIVE' });
      expect(
        (
          await ok(
            VERIFY,
            { id: at.id, v: at.version, input: { stage: 'ADMINISTRATIVE', decision: 'ACCEPT' } },
            verifier,
          )
        ).r,
      ).toMatchObject({ lokus: { review: 'IN_REVIEW', stage: 'FIELD' } });

      // At the field visit one indicator does not hold: returned with a note.
      const note = 'Maklumat pelayanan tidak dipajang di ruang pelayanan: level 2';
      at = await lokus(verifier);
      expect(
        (
          await ok(
            VERIFY,
            {
              id: at.id,
              v: at.version,
              input: {
                stage: 'FIELD',
                decision: 'RETURN',
                comments: [{ indicator: '12', decision: 'RETURN', note }],
              },
            },
            verifier,
          )
        ).r,
      ).toMatchObject({ lokus: { review: 'RETURNED', stage: 'FIELD' } });

      // Back in the assessor's queue, with the note; corrected and resubmitted.
      expect(await queue('TO_SCORE', assessor)).toEqual(['ipp-2032.17.71']);
      const notes = await ok(
        '{ assessment(id: "ipp-2032.17.71") { lokus { verifications { stage decision comments { indicator note } } } } }',
        {},
        assessor,
      );
      expect(
        (notes.assessment as { lokus: { verifications: unknown[] }[] }).lokus[0]?.verifications,
      ).toEqual([
        { stage: 'ADMINISTRATIVE', decision: 'ACCEPT', comments: [] },
        { stage: 'FIELD', decision: 'RETURN', comments: [{ indicator: '12', note }] },
      ]);
      levels['12'] = 2;
      at = await lokus();
      await step(
        'r',
        SCORE,
        { id: at.id, v: at.version, scores: [{ indicator: '12', score: 2 }] },
        assessor,
      );
      at = await lokus();
      await step(
        'resubmitLokus',
        'mutation($id: ID!, $v: Int!) { resubmitLokus(lokusId: $id, expectedVersion: $v) { __typename } }',
        { id: at.id, v: at.version },
        assessor,
      );

      // Accepted at the field and, by the evaluator, at the final stage: verified.
      at = await lokus(verifier);
      expect(
        (
          await ok(
            VERIFY,
            { id: at.id, v: at.version, input: { stage: 'FIELD', decision: 'ACCEPT' } },
            verifier,
          )
        ).r,
      ).toMatchObject({ lokus: { review: 'IN_REVIEW', stage: 'FINAL' } });
      at = await lokus(admin);
      expect(
        (
          await ok(
            VERIFY,
            { id: at.id, v: at.version, input: { stage: 'FINAL', decision: 'ACCEPT' } },
            admin,
          )
        ).r,
      ).toMatchObject({ lokus: { review: 'ACCEPTED', stage: null } });
      const progress = await ok(
        '{ cycle(id: "ipp-2032") { progress { byProvince { province { name } verified lokus { accepted } } } } }',
        {},
        admin,
      );
      expect(progress.cycle).toEqual({
        progress: {
          byProvince: [{ province: { name: 'Bengkulu' }, verified: 1, lokus: { accepted: 1 } }],
        },
      });

      await step('closeCycle', 'mutation { closeCycle(id: "ipp-2032") { __typename } }', {}, admin);
      await step(
        'publishCycle',
        'mutation { publishCycle(id: "ipp-2032") { __typename } }',
        {},
        admin,
      );

      // The public reads the published total: the one packages/scoring computes.
      const published = await ok(
        '{ assessment(id: "ipp-2032.17.71") { status score methodology band { grade } } }',
        {},
        {},
      );
      const { methodology: methodologyId, score } = published.assessment as {
        methodology: string;
        score: number;
      };
      const methodology = methodologyById(methodologyId);
      const instrument = methodology && instrumentOf(methodology);
      if (!methodology || !instrument) throw new Error(`${methodologyId} has an instrument`);
      const expected = weightedTotal(methodology, componentScoresOf(instrument, levels).components);
      expect(published.assessment).toMatchObject({ status: 'PUBLISHED' });
      expect(score).toBe(expected.total);

      // Its evidence stays with those who assess, and no longer changes.
      const removal = await ok(
        `mutation { removeEvidence(id: "${evidence.id}") { __typename ... on MutationError { field } } }`,
        {},
        assessor,
      );
      expect(removal.removeEvidence).toMatchObject({ __typename: 'IllegalTransitionError' });
      expect((await fetch(new URL(evidence.downloadPath, gateway))).status).toBe(401);
      expect(
        (await fetch(new URL(evidence.downloadPath, gateway), { headers: assessor })).status,
      ).toBe(200);
    });
  },
);
