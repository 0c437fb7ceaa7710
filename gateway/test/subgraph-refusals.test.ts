import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env.js';
import { type RunningGateway, startGateway } from '../src/start.js';

/**
 * A subgraph that refuses the gateway's call (its key not trusted there, a partner's policy):
 * the caller learns which subgraph refused and why in a code, never the subgraph's address or
 * what else its answer held.
 */
let dir: string;
let refusing: Server;
let subgraphUrl: string;
let gateway: RunningGateway;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mutu-refusals-'));
  refusing = createServer((req, res) => {
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [
          {
            message: 'The call token was signed by a key this subgraph does not trust',
            extensions: { code: 'UNAUTHENTICATED', kid: 'k-42' },
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  subgraphUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway(
    loadEnv({
      PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_IDP_KEY_FILE: path.join(dir, 'idp.json'),
      SUBGRAPH_ORGANISATIONS_URL: subgraphUrl,
      RATE_LIMIT_PER_ADDRESS: '0',
    }),
  );
});
afterAll(async () => {
  await gateway?.close();
  refusing?.closeAllConnections();
  refusing?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a subgraph refusing the gateway', () => {
  it('is named with its code, and its address and answer stay inside', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: expect.stringMatching(
            /^The organisations subgraph refused the gateway's call \(HTTP 401\)/,
          ),
          extensions: { code: 'SUBGRAPH_REFUSED', subgraph: 'organisations' },
        }),
      ],
    });
    expect(text).not.toContain(subgraphUrl);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('k-42');
  });
});
