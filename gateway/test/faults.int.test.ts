import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { directoryStore, type ObjectStore } from '@mutu/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, faultProxy } from './fault-proxy.js';
import { type Platform, recordTestFinding, startPlatform } from './platform.js';

/**
 * Faults while the graph is in use: a few callers keep asking the bench's kind of questions
 * (the contract's organisation query across all three subgraphs, a league table, the provinces)
 * while one subgraph stops, comes back, or slows down.
 */
const TIMEOUT_MS = 1_500;
let platform: Platform;
let engagement: FaultProxy;
let evidenceDir: string;
/** The evidence store, switched off and on by the test as a network or a bucket would fail. */
let storeDown = false;
function switchable(store: ObjectStore): ObjectStore {
  const when =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      if (storeDown) {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), {
          code: 'ECONNREFUSED',
        });
      }
      return run(...args);
    };
  return {
    kind: store.kind,
    putFile: when(async (key: string, file: string, meta: { size: number; mediaType: string }) =>
      store.putFile(key, file, meta),
    ),
    has: when(async (key: string) => store.has(key)),
    read: when(async (key: string) => store.read(key)),
    remove: when(async (key: string) => store.remove(key)),
    list: when(() => store.list()),
    ping: when(async () => store.ping()),
  };
}
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'mutu-faults-'));
  platform = await startPlatform({
    evidence: { store: switchable(directoryStore(evidenceDir)) },
    env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) },
    routeThrough: async (name, url) => {
      if (name !== 'engagement') return url;
      engagement = await faultProxy(url);
      return engagement.url;
    },
  });
}, 240_000);
afterAll(async () => {
  await platform?.close();
  await engagement?.close();
  await rm(evidenceDir, { recursive: true, force: true });
});

const MIX = {
  // Organisations, assessments and engagement.
  whole:
    '{ organisation(id: "62") { name results(framework: OMBUDSMAN_COMPLIANCE) { score } agreements { title } } }',
  // Assessments and organisations only.
  ranking:
    '{ ranking(framework: IPP, year: 2024, provinceCode: "15") { rank score organisation { name } } }',
  provinces: '{ provinces { code } }',
} as const;

interface Call {
  kind: keyof typeof MIX;
  started: number;
  ms: number;
  status: number;
  codes: { code?: string; subgraph?: string }[];
  name?: string;
}

/** `workers` callers asking the mix in turn until stopped; every answer is recorded. */
function load(workers = 3) {
  const calls: Call[] = [];
  let running = true;
  const kinds = Object.keys(MIX) as (keyof typeof MIX)[];
  const worker = async (offset: number) => {
    for (let i = offset; running; i += 1) {
      const kind = kinds[i % kinds.length] as keyof typeof MIX;
      const started = performance.now();
      const response = await fetch(platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: MIX[kind] }),
      });
      const body = (await response.json()) as {
        data?: { organisation?: { name: string } } | null;
        errors?: { extensions?: { code?: string; subgraph?: string } }[];
      };
      calls.push({
        kind,
        started,
        ms: performance.now() - started,
        status: response.status,
        codes: (body.errors ?? []).map((e) => ({
          code: e.extensions?.code,
          subgraph: e.extensions?.subgraph,
        })),
        name: body.data?.organisation?.name,
      });
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  return {
    async stop() {
      running = false;
      await done;
      return calls;
    },
  };
}

const clean = (c: Call) => c.status === 200 && c.codes.length === 0;

describe('faults under load', () => {
  it('a subgraph stopped and started: partial answers naming it, the rest untouched, recovery within seconds', async () => {
    const traffic = load();
    await sleep(800);
    await engagement.stop();
    const stopped = performance.now();
    await sleep(2_500);
    await engagement.start();
    const restarted = performance.now();
    await sleep(3_000);
    const calls = await traffic.stop();

    expect(calls.filter((c) => c.status >= 500)).toEqual([]);
    // What does not need engagement never noticed.
    expect(calls.filter((c) => c.kind !== 'whole' && !clean(c))).toEqual([]);
    // While it was down: the organisation and its results, and an error naming engagement.
    const during = calls.filter(
      (c) => c.kind === 'whole' && c.started > stopped + 200 && c.started + c.ms < restarted,
    );
    expect(during.length).toBeGreaterThan(0);
    for (const c of during) {
      expect(c.name).toBe('Pemerintah Provinsi Kalimantan Tengah');
      expect(c.codes).toContainEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'engagement' });
    }
    // Back without a restart of anything else, within seconds.
    const firstClean = calls.find((c) => c.kind === 'whole' && c.started > restarted && clean(c));
    expect(firstClean).toBeDefined();
    const recoveredMs = Math.round((firstClean?.started ?? Number.POSITIVE_INFINITY) - restarted);
    expect(recoveredMs).toBeLessThan(5_000);
    expect(
      calls.filter((c) => c.kind === 'whole' && c.started > restarted + 5_000 && !clean(c)),
    ).toEqual([]);
    expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(TIMEOUT_MS + 1_000);
    console.log(
      `faults, subgraph stopped: ${calls.length} requests, ${during.length} partial answers naming it, recovered in ${recoveredMs} ms, 0 failed`,
    );
  }, 60_000);

  it('a slow subgraph: its calls time out at the limit, naming it; the others answer at once', async () => {
    const traffic = load();
    await sleep(500);
    // Cut the pooled connections so every new one meets the delay.
    engagement.slow(TIMEOUT_MS * 3);
    await engagement.stop();
    await engagement.start();
    const slowed = performance.now();
    await sleep(4_000);
    engagement.slow(0);
    await engagement.stop();
    await engagement.start();
    const healed = performance.now();
    await sleep(2_500);
    const calls = await traffic.stop();

    expect(calls.filter((c) => c.status >= 500)).toEqual([]);
    const slowCalls = calls.filter(
      (c) => c.kind === 'whole' && c.started > slowed + 100 && c.started + c.ms < healed,
    );
    expect(slowCalls.length).toBeGreaterThan(0);
    for (const c of slowCalls) {
      expect(c.name).toBe('Pemerintah Provinsi Kalimantan Tengah');
      expect(c.codes).toContainEqual({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'engagement' });
      // Cut off at the limit, not left to hang for the subgraph.
      expect(c.ms).toBeLessThan(TIMEOUT_MS + 1_000);
    }
    const others = calls.filter(
      (c) => c.kind !== 'whole' && c.started > slowed && c.started < healed,
    );
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((c) => !clean(c))).toEqual([]);
    const slowest = Math.max(...others.map((c) => c.ms));
    expect(slowest).toBeLessThan(TIMEOUT_MS);
    expect(calls.some((c) => c.kind === 'whole' && c.started > healed && clean(c))).toBe(true);
    console.log(
      `faults, slow subgraph: ${calls.length} requests, ${slowCalls.length} timed out at ${TIMEOUT_MS} ms naming it, others' slowest ${Math.round(slowest)} ms, 0 failed`,
    );
  }, 60_000);

  it('the evidence store away: uploads refused with 503 and Retry-After, nothing half-written, then accepted', async () => {
    const admin = await platform.bearer({ sub: 'admin@mutu.test', role: 'admin' });
    const findingId = await recordTestFinding(
      platform,
      'Maklumat pelayanan dipasang di setiap lokus',
    );
    const rows = async () =>
      (
        await platform.assessments.sql<{ evidence: number; audit: number }>(
          `select (select count(*)::int from "Evidence") as evidence, (select count(*)::int from "AuditEntry") as audit`,
        )
      )[0];
    const upload = () => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')], {
          type: 'application/pdf',
        }),
        'Foto maklumat.pdf',
      );
      return fetch(new URL(`/evidence?findingId=${findingId}`, platform.gateway.url), {
        method: 'POST',
        headers: admin,
        body: form,
      });
    };
    const before = await rows();
    storeDown = true;
    const refused = await upload();
    storeDown = false;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('EVIDENCE_STORE_UNAVAILABLE');
    expect(await rows()).toEqual(before);
    expect(await readdir(evidenceDir, { recursive: true })).toEqual([]);

    const accepted = await upload();
    expect(accepted.status).toBe(201);
    expect((await rows())?.evidence).toBe((before?.evidence ?? 0) + 1);
    expect((await readdir(evidenceDir, { recursive: true })).length).toBeGreaterThan(0);
    console.log(
      'faults, evidence store away: 1 upload refused with 503, nothing written; 1 accepted after, 0 failed',
    );
  }, 60_000);
});
