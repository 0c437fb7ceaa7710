import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { signingKeyFile } from '@mutu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoToken } from '../src/auth.js';
import { loadEnv } from '../src/env.js';
import { type RunningGateway, startGateway } from '../src/start.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mutu-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A gateway in front of no subgraph: `{ __typename }` is answered by the gateway itself. */
function gatewayWith(settings: Record<string, string>) {
  return startGateway(
    loadEnv({
      PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_IDP_KEY_FILE: path.join(dir, 'idp.json'),
      SUBGRAPH_ORGANISATIONS_URL: 'http://127.0.0.1:9/graphql',
      // Each test counts for an address of its own (the proxy's X-Forwarded-For).
      TRUST_PROXY: '1',
      ...settings,
    }),
  );
}

async function ask(
  gateway: RunningGateway,
  address: string,
  token?: string,
  body: { padding?: number; chunked?: boolean; query?: string } = {},
) {
  const text = JSON.stringify({
    query: body.query ?? '{ __typename }',
    ...(body.padding ? { variables: { pad: 'x'.repeat(body.padding) } } : {}),
  });
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    // A stream is sent chunked, with no Content-Length for the gateway to go by.
    body: body.chunked ? new Blob([text]).stream() : text,
    ...(body.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  const answer = (await response.json()) as {
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    code: answer.errors?.[0]?.extensions?.code,
    message: answer.errors?.[0]?.message,
    retryAfter: response.headers.get('retry-after'),
  };
}

const freshAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('rate limits', () => {
  it('an address over its budget gets 429 with Retry-After; other addresses are served', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_ADDRESS: '5', RATE_LIMIT_PER_TOKEN: '0' });
    try {
      const address = freshAddress();
      const answers = [];
      for (let i = 0; i < 7; i += 1) answers.push(await ask(gateway, address));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(answers[5]).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(answers[5]?.retryAfter)).toBeGreaterThan(0);
      expect((await ask(gateway, freshAddress())).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('a token over its budget gets 429 wherever it comes from; other tokens are served', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_TOKEN: '3' });
    try {
      const key = await signingKeyFile(path.join(dir, 'idp.json'));
      const token = (sub: string) => demoToken({ sub, role: 'analyst' }, key, { audience: 'mutu' });
      const busy = await token(`busy-${randomUUID()}`);
      const statuses = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await ask(gateway, freshAddress(), busy)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await ask(gateway, freshAddress(), await token(`calm-${randomUUID()}`))).status).toBe(
        200,
      );
    } finally {
      await gateway.close();
    }
  });

  it('a burst is held to its share of the minute in any one second, then served again', async () => {
    // 600 a minute: at most 20 in any one second.
    const gateway = await gatewayWith({ RATE_LIMIT_PER_ADDRESS: '600', RATE_LIMIT_PER_TOKEN: '0' });
    try {
      const address = freshAddress();
      const burst = await Promise.all(Array.from({ length: 60 }, () => ask(gateway, address)));
      const served = burst.filter((a) => a.status === 200).length;
      const refused = burst.filter((a) => a.status === 429);
      // A second's boundary may fall inside the burst: then two seconds' share is served.
      expect(served).toBeGreaterThanOrEqual(20);
      expect(served).toBeLessThanOrEqual(40);
      expect(refused.length).toBe(60 - served);
      expect(refused[0]?.message).toMatch(/600 a minute, at most 20 in a second/);
      expect(refused[0]?.retryAfter).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await ask(gateway, address)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('a large body spends the budget by its size, declared or sent chunked', async () => {
    // 10 a minute; a body of 80 KB counts as 5 requests.
    const gateway = await gatewayWith({ RATE_LIMIT_PER_ADDRESS: '10', RATE_LIMIT_PER_TOKEN: '0' });
    try {
      for (const chunked of [false, true]) {
        const address = freshAddress();
        const large = { padding: 80 * 1024 - 100, chunked };
        expect((await ask(gateway, address, undefined, large)).status).toBe(200);
        expect((await ask(gateway, address, undefined, large)).status).toBe(200);
        expect(await ask(gateway, address)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      }
      // The same number of small requests leaves the budget far from spent.
      const address = freshAddress();
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await ask(gateway, address)).status);
      expect(statuses).toEqual([200, 200, 200]);
    } finally {
      await gateway.close();
    }
  });

  it('an operation refused before it ran spends the budget of three requests', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_ADDRESS: '10', RATE_LIMIT_PER_TOKEN: '0' });
    try {
      const address = freshAddress();
      const invalid = { query: '{ noSuchField }' };
      const refused = [];
      for (let i = 0; i < 3; i += 1) refused.push(await ask(gateway, address, undefined, invalid));
      expect(refused.map((a) => a.code)).toEqual(Array(3).fill('GRAPHQL_VALIDATION_FAILED'));
      // Nine of ten spent: one more request, then the limit.
      expect((await ask(gateway, address)).status).toBe(200);
      expect(await ask(gateway, address)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    } finally {
      await gateway.close();
    }
  });

  it('without Redis reachable, each instance still counts in memory rather than letting all through', async () => {
    const gateway = await gatewayWith({
      RATE_LIMIT_PER_ADDRESS: '2',
      REDIS_URL: 'redis://127.0.0.1:9',
    });
    try {
      const address = freshAddress();
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await ask(gateway, address)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await gateway.close();
    }
  });
});

const redisUp = await new Promise<boolean>((resolve) => {
  const socket = connect(6379, '127.0.0.1');
  socket.once('connect', () => resolve(socket.end() && true));
  socket.once('error', () => resolve(false));
});

// CI has Redis (it must run there); a laptop without it reports the test as skipped.
describe.skipIf(!redisUp && process.env.CI !== 'true')('rate limits in Redis', () => {
  it('two gateway instances share one budget', async () => {
    const settings = { RATE_LIMIT_PER_ADDRESS: '4', REDIS_URL: 'redis://127.0.0.1:6379' };
    const [a, b] = await Promise.all([gatewayWith(settings), gatewayWith(settings)]);
    try {
      const address = freshAddress();
      const statuses = [];
      for (const gateway of [a, b, a, b, a, b]) statuses.push((await ask(gateway, address)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
