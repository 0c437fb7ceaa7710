import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform.js';

/**
 * One caller abusing the gateway while another works: every limit holds for the abuser (each
 * refusal with its code) and the other caller is answered, whole and unthrottled, throughout.
 * How much the other caller's latency moves is a measurement, not a test: `pnpm bench:abuse`
 * prints its p99 quiet and under the same abuse.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({
    env: {
      // One proxy in front (as in production), so each caller has its own address.
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_ADDRESS: '3000',
      RATE_LIMIT_PER_TOKEN: '3000',
    },
  });
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const ABUSER = { 'x-forwarded-for': '10.0.0.66' };
const WORKER = { 'x-forwarded-for': '10.0.0.7' };

async function post(body: string, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    // The server may close the connection while a refused body is still being sent.
    return { status: 0, code: (error as Error).name };
  }
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
      ?.extensions?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code };
}

const q = (query: string) => JSON.stringify({ query });
const DEEP = q(`{ organisation(id: "15.01") { ${'parent { '.repeat(12)}id${' }'.repeat(12)} } }`);
const ALIASED = q(
  `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: provinces { code }`).join(' ')} }`,
);
const WIDE = q(
  `{ ranking(framework: IPP, year: 2024) { organisation { children { children { children { id } } } } } }`,
);
const BATCHED = JSON.stringify([
  { query: '{ provinces { code } }' },
  { query: '{ provinces { name } }' },
]);
const HUGE = JSON.stringify({
  query: '{ __typename }',
  variables: { pad: 'x'.repeat(2 * 1024 * 1024) },
});

/** Sockets that send half a request's headers and then nothing (slowloris). */
function slowClients(
  count: number,
): Promise<{ closedWithin: Promise<number[]>; sockets: Socket[] }> {
  const url = new URL(platform.gateway.url);
  const started = performance.now();
  return new Promise((resolve) => {
    const sockets: Socket[] = [];
    const closed: Promise<number>[] = [];
    for (let i = 0; i < count; i += 1) {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nX-Drip: `);
      });
      socket.on('error', () => undefined);
      // Read what the server sends, so its closing is seen.
      socket.resume();
      closed.push(
        new Promise((done) => socket.on('close', () => done(performance.now() - started))),
      );
      sockets.push(socket);
    }
    resolve({ sockets, closedWithin: Promise.all(closed) });
  });
}

describe('one caller abusing the gateway while another works', () => {
  it('refuses each abuse with its code and answers the other caller throughout', async () => {
    const abuserToken = await platform.bearer({ sub: 'abuser@example.test', role: 'analyst' });
    const workerToken = await platform.bearer({ sub: 'analis@bappenas.test', role: 'analyst' });
    const slow = await slowClients(50);

    const refusals = new Map<string, number>();
    const note = (code: string | undefined, status: number) => {
      const key = `${status} ${code ?? '(no code)'}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    };
    let abusing = true;
    const abuse = async (kind: number) => {
      const shapes = [DEEP, ALIASED, WIDE, BATCHED, HUGE, q('{ provinces { code } }')];
      for (let i = kind; abusing; i += 1) {
        const body = shapes[i % shapes.length] as string;
        const { status, code } = await post(body, { ...ABUSER, ...abuserToken });
        note(code, status);
      }
    };
    const abusers = Promise.all([0, 1, 2, 3, 4, 5].map(abuse));

    const answers: { status: number; code?: string }[] = [];
    // The other caller works at a steady 25 requests a second, inside its budget.
    const started = performance.now();
    for (let i = 0; i < 120; i += 1) {
      const due = started + i * 40 - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      answers.push(
        await post(q('{ organisation(id: "15.01") { name results(framework: IPP) { score } } }'), {
          ...WORKER,
          ...workerToken,
        }),
      );
    }
    abusing = false;
    await abusers;
    const closedAt = await slow.closedWithin;

    // The other caller: every answer whole, none throttled.
    expect(answers.filter((a) => a.status !== 200 || a.code)).toEqual([]);
    // Every abuse refused with its own code; nothing reached a 5xx.
    const seen = [...refusals.keys()];
    console.log(
      `abuse: ${[...refusals.values()].reduce((a, b) => a + b, 0)} abusive requests: ${seen.join('; ')}`,
    );
    expect(seen.filter((k) => k.startsWith('5'))).toEqual([]);
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^400 GRAPHQL_VALIDATION_FAILED$/), // depth, aliases
        expect.stringMatching(/^400 COST_ESTIMATED_TOO_EXPENSIVE$/), // wide
        expect.stringMatching(/^413 PAYLOAD_TOO_LARGE$/), // huge
        expect.stringMatching(/^429 RATE_LIMITED$/), // the burst
      ]),
    );
    expect(seen.some((k) => /^400 /.test(k) && k.includes('BAD_REQUEST'))).toBe(true); // batched
    // The slow clients were cut at the headers' time limit, not left to hold sockets.
    expect(Math.max(...closedAt)).toBeLessThan(13_000);
    console.log(
      `abuse: ${answers.length} requests of the other caller answered whole; 50 slow clients cut after ${Math.round(Math.min(...closedAt))}-${Math.round(Math.max(...closedAt))} ms`,
    );
  }, 60_000);
});
