import { randomUUID } from 'node:crypto';
import { createLogger } from '@mutu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env.js';
import { startGateway } from '../src/start.js';
import { type Platform, startPlatform } from './platform.js';

/**
 * The response cache as its users meet it: a caller without a token is answered from it for
 * as long as the subgraphs' cache hints allow, a signed-in caller never is, and a write through
 * the gateway is seen by the next public read at once.
 */
const organisationsLog: Record<string, unknown>[] = [];
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({
    env: { RESPONSE_CACHE: 'true' },
    organisationsLogger: createLogger('organisations', 'info', {
      write: (line: string) => void organisationsLog.push(JSON.parse(line)),
    }),
  });
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const callsToOrganisations = () => organisationsLog.filter((l) => l.path === '/graphql').length;
const KERINCI = `{ organisation(id: "15.01") { name results(framework: IPP) { cycle { year } score } } }`;
const post = (query: string, headers: Record<string, string> = {}, url = platform.gateway.url) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('the response cache', () => {
  it('answers a public query again without asking the subgraphs, with the same data', async () => {
    const first = await (await post(KERINCI)).json();
    const before = callsToOrganisations();
    const again = await post(KERINCI);
    expect(await again.json()).toEqual(first);
    expect(callsToOrganisations()).toBe(before);
    // A public, cacheable answer says so to browsers and CDNs too.
    expect(again.headers.get('cache-control')).toMatch(/max-age=\d+, public/);
  });

  it('never keeps what a signed-in caller reads', async () => {
    const analyst = await platform.bearer({ sub: 'analis@bappenas.test', role: 'analyst' });
    await post(KERINCI, analyst);
    const before = callsToOrganisations();
    await post(KERINCI, analyst);
    expect(callsToOrganisations()).toBeGreaterThan(before);
  });

  it('shows a result published through the gateway to the next public read', async () => {
    const ranking =
      '{ ranking(framework: IPP, year: 2024, provinceCode: "15") { organisation { id } score } }';
    const read = async () =>
      (
        (await (await post(ranking)).json()) as {
          data: { ranking: { organisation: { id: string } }[] };
        }
      ).data.ranking.map((e) => e.organisation.id);
    const before = await read();
    expect(before).not.toContain('15.02');
    expect(await read()).toEqual(before);
    const admin = await platform.bearer({ sub: 'admin@kemenpan.test', role: 'admin' });
    const recorded = await platform.ok(
      'mutation { recordPublishedTotal(input: { cycleId: "ipp-2024", subjectId: "15.02", score: 3.9, source: "KepmenPAN-RB (test)" }) { __typename } }',
      {},
      admin,
    );
    expect(recorded.recordPublishedTotal).toEqual({ __typename: 'RecordPublishedTotalSuccess' });
    expect(await read()).toContain('15.02');
  });

  it('is shared by the gateway instances on one Redis, and a write through one clears it for all', async () => {
    const env = {
      ...platform.env,
      PORT: '0',
      METRICS_PORT: '0',
      RESPONSE_CACHE: 'true',
      REDIS_URL: 'redis://127.0.0.1:6379',
      // This run's own keys: another platform on the same Redis never reads them.
      RESPONSE_CACHE_REDIS_PREFIX: `mutu-test:${randomUUID()}`,
    };
    const [a, b] = await Promise.all([startGateway(loadEnv(env)), startGateway(loadEnv(env))]);
    try {
      const ranking =
        '{ ranking(framework: IPP, year: 2024, provinceCode: "15") { organisation { id } } }';
      const read = async (url: string) =>
        (
          (await (await post(ranking, {}, url)).json()) as {
            data: { ranking: { organisation: { id: string } }[] };
          }
        ).data.ranking.map((e) => e.organisation.id);
      const before = await read(a.url);
      expect(before).not.toContain('15.03');
      const calls = callsToOrganisations();
      expect(await read(b.url)).toEqual(before);
      expect(callsToOrganisations()).toBe(calls);
      const admin = await platform.bearer({ sub: 'admin@kemenpan.test', role: 'admin' });
      const written = await post(
        'mutation { recordPublishedTotal(input: { cycleId: "ipp-2024", subjectId: "15.03", score: 3.2, source: "KepmenPAN-RB (test)" }) { __typename } }',
        admin,
        b.url,
      );
      expect(await written.json()).toEqual({
        data: { recordPublishedTotal: { __typename: 'RecordPublishedTotalSuccess' } },
      });
      // The other instance hears of it through Redis within moments.
      await expect.poll(() => read(a.url), { timeout: 2_000 }).toContain('15.03');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
