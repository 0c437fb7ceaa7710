import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import { IDENTITY_HEADER, type Identity } from '@mutu/server';
import { graphql, testCallToken } from '@mutu/server/testing';
import type { TestService } from '@mutu/service/testing';
import { directoryStore, type ObjectStore, s3Store } from '@mutu/storage';
import { startTestS3, type TestS3 } from '@mutu/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepEvidence } from '../src/evidence/commands.js';
import {
  startTestSubgraph,
  storedObjects,
  type TestSubgraph,
  tableCounts,
} from '../src/testing.js';

let organisations: TestService;
let s3: TestS3;
beforeAll(async () => {
  organisations = await startOrganisations();
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
  await organisations?.close();
});

const ASSESSOR: Identity = { sub: 'asesor-jambi', role: 'assessor', regions: ['15'] };
const ELSEWHERE: Identity = { sub: 'asesor-kaltim', role: 'assessor', regions: ['64'] };
const ANALYST: Identity = { sub: 'analis', role: 'analyst', regions: [] };
const ADMIN: Identity = { sub: 'admin', role: 'admin', regions: [] };

/** The smallest files of each kind the sniffer must tell apart by their bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A PDF of its own bytes, so that each upload is its own object. */
const pdf = (n: number) => Buffer.concat([PDF, Buffer.from(`% ${n}\n`)]);

const stores: [string, () => Promise<ObjectStore>][] = [
  ['the filesystem', async () => directoryStore(await mkdtemp(join(tmpdir(), 'mutu-evidence-')))],
  [
    'an S3 API (s3rver)',
    async () =>
      s3Store({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        prefix: `evidence-${Math.random().toString(36).slice(2)}/`,
        forcePathStyle: true,
        credentials: s3.credentials,
      }),
  ],
];

describe.each(stores)('evidence on %s', (_where, makeStore) => {
  let subgraph: TestSubgraph;
  let store: ObjectStore;
  let lokusId: string;
  const ASSESSMENT = 'ipp-2028.15.01';

  async function query<T = Record<string, unknown>>(q: string, as: Identity = ADMIN) {
    return graphql<T>(subgraph.url, q, undefined, { as });
  }

  async function upload(
    file: { bytes: Buffer; type?: string; name?: string } | null,
    target: { lokusId?: string; indicator?: string } = {},
    as: Identity | null = ASSESSOR,
  ) {
    const params = new URLSearchParams({
      lokusId: target.lokusId ?? lokusId,
      indicator: target.indicator ?? '1',
    });
    const form = new FormData();
    if (file) {
      form.append(
        'file',
        new Blob([file.bytes], { type: file.type ?? 'application/pdf' }),
        file.name ?? 'sk.pdf',
      );
    }
    const response = await fetch(new URL(`/evidence?${params}`, subgraph.url), {
      method: 'POST',
      headers: as ? { [IDENTITY_HEADER]: await testCallToken(subgraph.url, as) } : {},
      body: form,
    });
    const body = (await response.json()) as {
      evidence?: { id: string; sha256: string; mediaType: string; downloadPath: string };
      errors?: { extensions: { code: string; field?: string } }[];
    };
    return { status: response.status, body, error: body.errors?.[0]?.extensions };
  }

  async function download(id: string, as: Identity | null = ASSESSOR) {
    const response = await fetch(new URL(`/evidence?id=${id}`, subgraph.url), {
      headers: as ? { [IDENTITY_HEADER]: await testCallToken(subgraph.url, as) } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  beforeAll(async () => {
    store = await makeStore();
    subgraph = await startTestSubgraph({
      services: { organisations: organisations.url },
      evidence: { store, settings: { maxFileBytes: 64 * 1024, maxLokusFiles: 4 } },
    });
    await query('mutation { createCycle(input: { framework: IPP, year: 2028 }) { __typename } }');
    await query('mutation { openCycle(id: "ipp-2028") { __typename } }');
    const levels = Array.from({ length: 30 }, (_, i) => `{ indicator: "${i + 1}", score: 3 }`);
    await query(
      `mutation { createAssessment(input: { cycleId: "ipp-2028", subjectId: "15.01", lokus: [{ unitId: "15.01", indicators: [${levels.join(',')}] }] }) { __typename } }`,
      ASSESSOR,
    );
    const { data } = await query<{ assessment: { lokus: { id: string }[] } }>(
      `{ assessment(id: "${ASSESSMENT}") { lokus { id } } }`,
    );
    lokusId = data?.assessment.lokus[0]?.id ?? '';
    expect(lokusId).not.toBe('');
  }, 120_000);
  afterAll(async () => {
    await subgraph?.close();
  });

  it("is attached by the region's assessor, kept by its hash and read back byte for byte", async () => {
    const sent = await upload({ bytes: PDF, name: 'SK Standar Pelayanan.pdf' });
    expect(sent.status).toBe(201);
    expect(sent.body.evidence).toMatchObject({ sha256: sha(PDF), mediaType: 'application/pdf' });
    expect(await storedObjects(store)).toContain(sha(PDF));

    const listed = await query<{
      assessment: { lokus: { evidence: Record<string, unknown>[] }[] };
    }>(
      `{ assessment(id: "${ASSESSMENT}") { lokus { evidence { indicator fileName mediaType size uploadedBy downloadPath } } } }`,
      ASSESSOR,
    );
    expect(listed.data?.assessment.lokus[0]?.evidence).toEqual([
      {
        indicator: '1',
        fileName: 'SK Standar Pelayanan.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        uploadedBy: 'asesor-jambi',
        downloadPath: sent.body.evidence?.downloadPath,
      },
    ]);
    const id = sent.body.evidence?.id ?? '';
    const got = await download(id);
    expect(got).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(got.bytes.equals(PDF)).toBe(true);
  });

  it("is not an analyst's, another region's assessor's or the public's to list or download", async () => {
    const { data } = await query<{ assessment: { lokus: { evidence: { id: string }[] }[] } }>(
      `{ assessment(id: "${ASSESSMENT}") { lokus { evidence { id } } } }`,
    );
    const id = data?.assessment.lokus[0]?.evidence[0]?.id ?? '';
    for (const who of [ANALYST, ELSEWHERE]) {
      expect((await download(id, who)).status).toBe(404);
      const listed = await query(
        `{ assessment(id: "${ASSESSMENT}") { lokus { evidence { id } } } }`,
        who,
      );
      expect(listed.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    }
    expect((await download(id, null)).status).toBe(401);
  });

  it('refuses a bad file with a typed error naming the field, leaving no row and no object', async () => {
    const rows = await tableCounts();
    const objects = await storedObjects(store);
    const cases: [Parameters<typeof upload>, number, string, string][] = [
      [[{ bytes: Buffer.alloc(0) }], 400, 'EVIDENCE_EMPTY', 'file'],
      [
        [{ bytes: Buffer.concat([PDF, Buffer.alloc(70 * 1024)]) }],
        413,
        'EVIDENCE_TOO_LARGE',
        'file',
      ],
      [
        [{ bytes: Buffer.from('just words'), type: 'text/plain', name: 'a.txt' }],
        415,
        'EVIDENCE_TYPE_REFUSED',
        'file',
      ],
      [
        [{ bytes: PNG, type: 'application/pdf', name: 'disguised.pdf' }],
        415,
        'EVIDENCE_TYPE_MISMATCH',
        'file',
      ],
      [[{ bytes: pdf(1) }, { indicator: '31' }], 400, 'BAD_USER_INPUT', 'indicator'],
      [[{ bytes: pdf(1) }, { lokusId: 'no-such-lokus' }], 404, 'NOT_FOUND', 'lokusId'],
      [[null], 400, 'EVIDENCE_EMPTY', 'file'],
      [[{ bytes: pdf(1) }, {}, ELSEWHERE], 403, 'FORBIDDEN', ''],
      [[{ bytes: pdf(1) }, {}, null], 401, 'UNAUTHENTICATED', ''],
    ];
    for (const [args, status, code, field] of cases) {
      const answer = await upload(...args);
      expect([answer.status, answer.error?.code, answer.error?.field ?? '']).toEqual([
        status,
        code,
        field,
      ]);
    }
    // A PNG declared as a PNG is fine: the bytes and the declaration agree.
    const png = await upload(
      { bytes: PNG, type: 'image/png', name: 'ruang-tunggu.png' },
      { indicator: '16' },
    );
    expect(png.body.evidence).toMatchObject({ mediaType: 'image/png' });
    expect((await tableCounts()).evidence).toBe(rows.evidence + 1);
    expect(await storedObjects(store)).toEqual([...objects, sha(PNG)].sort());
  });

  it("keeps a lokus within its limits; the refused file's bytes do not stay behind", async () => {
    // Two so far; the limit in this test is four files.
    expect((await upload({ bytes: pdf(2) }, { indicator: '6' })).status).toBe(201);
    expect((await upload({ bytes: pdf(3) }, { indicator: '6' })).status).toBe(201);
    const objects = await storedObjects(store);
    const over = await upload({ bytes: pdf(4) }, { indicator: '6' });
    expect([over.status, over.error?.code, over.error?.field]).toEqual([
      409,
      'EVIDENCE_LIMIT_REACHED',
      'lokusId',
    ]);
    expect(await storedObjects(store)).toEqual(objects);
    expect(objects).not.toContain(sha(pdf(4)));
  });

  it('removes evidence from a draft; bytes that other evidence names stay', async () => {
    const { data } = await query<{
      assessment: { lokus: { evidence: { id: string; sha256: string; indicator: string }[] }[] };
    }>(`{ assessment(id: "${ASSESSMENT}") { lokus { evidence { id sha256 indicator } } } }`);
    const evidence = data?.assessment.lokus[0]?.evidence ?? [];
    const third = evidence.find((e) => e.sha256 === sha(pdf(3)));
    const REMOVE = (id: string) =>
      `mutation { removeEvidence(id: "${id}") { __typename ... on MutationError { field } ... on RemoveEvidenceSuccess { lokus { evidence { id } } } } }`;
    const removed = await query<{ removeEvidence: { lokus: { evidence: unknown[] } } }>(
      REMOVE(third?.id ?? ''),
      ASSESSOR,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeEvidence.lokus.evidence).toHaveLength(evidence.length - 1);
    expect(await storedObjects(store)).not.toContain(sha(pdf(3)));
    // The same bytes proving two indicators are one object, kept while either names it.
    const again = await upload({ bytes: PNG, type: 'image/png' }, { indicator: '17' });
    expect(again.status).toBe(201);
    await query(REMOVE(again.body.evidence?.id ?? ''), ASSESSOR);
    expect(await storedObjects(store)).toContain(sha(PNG));
    expect((await query(REMOVE('no-such-evidence'))).data).toMatchObject({
      removeEvidence: { __typename: 'NotFoundError', field: 'id' },
    });
  });

  it('sweeps stored objects that no evidence names, and nothing else', async () => {
    const orphan = pdf(99);
    const path = join(await mkdtemp(join(tmpdir(), 'mutu-orphan-')), 'orphan.pdf');
    await (await import('node:fs/promises')).writeFile(path, orphan);
    await store.putFile(sha(orphan), path, { size: orphan.length, mediaType: 'application/pdf' });
    const kept = (await storedObjects(store)).filter((k) => k !== sha(orphan));
    // Young objects may belong to uploads under way: only those past the grace period go.
    expect((await sweepEvidence(new Date())).removed).toEqual([]);
    const report = await sweepEvidence(new Date(Date.now() + 60 * 60_000));
    expect(report.removed).toEqual([sha(orphan)]);
    expect(await storedObjects(store)).toEqual(kept);
  });

  it("never changes a submitted or published revision's evidence; a correction carries it", async () => {
    const mutate = (q: string, as: Identity = ADMIN) =>
      query<Record<string, { __typename: string }>>(q, as);
    const version = async () =>
      (
        await query<{ assessment: { version: number } }>(
          `{ assessment(id: "${ASSESSMENT}") { version } }`,
        )
      ).data?.assessment.version;
    await mutate(
      `mutation { submitAssessment(id: "${ASSESSMENT}", expectedVersion: ${await version()}) { __typename } }`,
      ASSESSOR,
    );
    const late = await upload({ bytes: pdf(5) });
    expect([late.status, late.error?.code, late.error?.field]).toEqual([
      409,
      'ILLEGAL_TRANSITION',
      'lokusId',
    ]);
    const { data } = await query<{
      assessment: { lokus: { evidence: { id: string; sha256: string }[] }[] };
    }>(`{ assessment(id: "${ASSESSMENT}") { lokus { evidence { id sha256 } } } }`);
    const before = data?.assessment.lokus[0]?.evidence ?? [];
    const refused = await mutate(
      `mutation { removeEvidence(id: "${before[0]?.id}") { __typename ... on MutationError { field } } }`,
      ASSESSOR,
    );
    expect(refused.data?.removeEvidence).toMatchObject({ __typename: 'IllegalTransitionError' });

    await mutate(
      `mutation { verifyAssessment(id: "${ASSESSMENT}", expectedVersion: ${await version()}) { __typename } }`,
    );
    await mutate('mutation { closeCycle(id: "ipp-2028") { __typename } }');
    await mutate(
      `mutation { publishAssessment(id: "${ASSESSMENT}", expectedVersion: ${await version()}) { __typename } }`,
    );
    const corrected = await mutate(
      `mutation { correctAssessment(id: "${ASSESSMENT}", expectedVersion: ${await version()}, reason: "Bukti dukung SKM diperbarui") { __typename } }`,
    );
    expect(corrected.data?.correctAssessment?.__typename).toBe('CorrectAssessmentSuccess');
    const revisions = await query<{
      a: { lokus: { evidence: { id: string; sha256: string }[] }[] };
      b: { lokus: { evidence: { id: string; sha256: string }[] }[] };
    }>(
      `{ a: assessment(id: "${ASSESSMENT}") { lokus { evidence { id sha256 } } }
         b: assessment(id: "${ASSESSMENT}~r2") { lokus { evidence { id sha256 } } } }`,
    );
    const published = revisions.data?.a.lokus[0]?.evidence ?? [];
    const copied = revisions.data?.b.lokus[0]?.evidence ?? [];
    expect(published).toEqual(before);
    expect(copied.map((e) => e.sha256)).toEqual(before.map((e) => e.sha256));
    expect(copied.map((e) => e.id)).not.toEqual(before.map((e) => e.id));
  });
});
