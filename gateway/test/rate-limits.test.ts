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

async function ask(gateway: RunningGateway, address: string, token?: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
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
