import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform.js';

/**
 * The assessment as it is done, through the gateway as a new user would reach it: an assessor
 * scores a lokus indicator by indicator and attaches its evidence.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('an assessor at work, through the gateway', () => {
  it('scores a lokus by its indicators, attaches evidence and reads it back', async () => {
    const admin = await platform.bearer({ sub: 'evaluator@kemenpan.test', role: 'admin' });
    const assessor = await platform.bearer({
      sub: 'asesor@bengkulu.test',
      role: 'assessor',
      regions: ['17'],
    });
    const ok = async (
      q: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
    ) => {
      const answer = await platform.query(q, variables, headers);
      expect(answer.errors).toBeUndefined();
      return answer.data as Record<string, Record<string, unknown>>;
    };
    await ok(
      'mutation { createCycle(input: { framework: IPP, year: 2032 }) { __typename } }',
      {},
      admin,
    );
    await ok('mutation { openCycle(id: "ipp-2032") { __typename } }', {}, admin);
    await ok(
      'mutation { createAssessment(input: { cycleId: "ipp-2032", subjectId: "17.71", lokus: [{ unitId: "17.71" }] }) { __typename } }',
      {},
      assessor,
    );
    const read = await ok(
      '{ assessment(id: "ipp-2032.17.71") { lokus { id version missingIndicators } } }',
      {},
      assessor,
    );
    const lokus = (
      read.assessment as { lokus: { id: string; version: number; missingIndicators: string[] }[] }
    ).lokus[0];
    expect(lokus?.missingIndicators).toHaveLength(30);

    const scores = Array.from({ length: 30 }, (_, i) => ({ indicator: String(i + 1), score: 4 }));
    const scored = await ok(
      `mutation($id: ID!, $v: Int!, $scores: [IndicatorScoreInput!]!) {
        recordIndicatorScores(lokusId: $id, expectedVersion: $v, scores: $scores) {
          __typename ... on RecordIndicatorScoresSuccess { lokus { score band { grade } } } } }`,
      { id: lokus?.id, v: lokus?.version, scores },
      assessor,
    );
    expect(scored.recordIndicatorScores).toMatchObject({
      lokus: { score: 4, band: { grade: 'B' } },
    });

    const gateway = new URL(platform.gateway.url);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Maklumat Pelayanan.pdf');
    const target = new URL(`/evidence?lokusId=${lokus?.id}&indicator=5`, gateway);
    expect((await fetch(target, { method: 'POST', body: form })).status).toBe(401);
    const uploaded = await fetch(target, { method: 'POST', headers: assessor, body: form });
    expect(uploaded.status).toBe(201);
    const { evidence } = (await uploaded.json()) as { evidence: { downloadPath: string } };

    const downloaded = await fetch(new URL(evidence.downloadPath, gateway), { headers: assessor });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toContain('Maklumat%20Pelayanan.pdf');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(PDF)).toBe(true);
    const stranger = await platform.bearer({
      sub: 'asesor@kaltim.test',
      role: 'assessor',
      regions: ['64'],
    });
    expect(
      (await fetch(new URL(evidence.downloadPath, gateway), { headers: stranger })).status,
    ).toBe(404);
  });
});
