import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generateSigningKey } from '@mutu/server';
import { type CryptoKey, exportJWK, exportPKCS8, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerVerifier } from '../src/auth.js';
import { loadEnv } from '../src/env.js';
import { startGateway } from '../src/start.js';
import { subgraphFetcher } from '../src/subgraphs.js';

function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('subgraph calls', () => {
  let slow: { server: Server; url: string };
  beforeAll(async () => {
    slow = await listen((_req, res) => setTimeout(() => res.end('{}'), 2_000));
  });
  afterAll(() => {
    slow.server.closeAllConnections();
    slow.server.close();
  });

  it('give up on a slow subgraph after the time limit, naming it, and count a timeout', async () => {
    const outcomes: string[] = [];
    const calls = subgraphFetcher({ timeoutMs: 200, connections: 2 }, (name, outcome) =>
      outcomes.push(`${name}:${outcome}`),
    );
    const started = Date.now();
    await expect(calls.fetcherFor('assessments')(slow.url, { method: 'POST' })).rejects.toThrow(
      'The assessments subgraph did not answer within 200 ms',
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(outcomes).toEqual(['assessments:timeout']);
    await calls.close();
  });
});

describe('tokens from an identity provider (RS256, JWKS)', () => {
  let jwks: { server: Server; url: string };
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    const publicKey = pair.publicKey;
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = await listen((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    sign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://sso.example.go.id')
        .setAudience('mutu')
        .setSubject('siti@example.go.id')
        .setExpirationTime('5m')
        .sign(privateKey);
  });
  afterAll(() => {
    jwks.server.closeAllConnections();
    jwks.server.close();
  });

  it("verifies the provider's signature and reads the role, regions and organisation", async () => {
    const verify = bearerVerifier({
      providerKeys: `${jwks.url}/.well-known/jwks.json`,
      issuer: 'https://sso.example.go.id',
      audience: 'mutu',
    });
    const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect(await verify(request(await sign({ role: 'assessor', regions: ['64'] })))).toEqual({
      sub: 'siti@example.go.id',
      role: 'assessor',
      regions: ['64'],
    });
    await expect(verify(request(await sign({ role: 'superuser' })))).rejects.toThrow(
      /role must be/,
    );
    // A unit speaks for one organisation, which its token must name; it claims no regions.
    expect(
      await verify(request(await sign({ role: 'unit', organisation: '64.08', regions: ['64'] }))),
    ).toEqual({ sub: 'siti@example.go.id', role: 'unit', regions: [], organisation: '64.08' });
    await expect(verify(request(await sign({ role: 'unit' })))).rejects.toThrow(
      /names the organisation/,
    );
    await expect(verify(request(await sign({ role: 'assessor' })))).rejects.toThrow(
      /names the regions/,
    );
    // A shared-secret token is never accepted, whatever the secret.
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://sso.example.go.id')
      .setAudience('mutu')
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-secret-of-at-least-thirty-two-bytes'));
    await expect(verify(request(forged))).rejects.toThrow(/bearer token was refused/);
    // Nor one without an expiry.
    const forever = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://sso.example.go.id')
      .setAudience('mutu')
      .setSubject('x')
      .sign(privateKey);
    await expect(verify(request(forever))).rejects.toThrow(/"exp" claim/);
  });
});

describe('in production', () => {
  it('refuses to start without its keys, naming each missing setting', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /JWKS_URL: required in production; JWT_ISSUER: required in production; GATEWAY_SIGNING_KEY: required in production/,
    );
  });

  it('refuses the retired shared secrets, anywhere', () => {
    for (const retired of ['JWT_SECRET', 'MUTU_INTERNAL_SECRET']) {
      expect(() => loadEnv({ [retired]: 'a-production-secret-of-at-least-32-chars' })).toThrow(
        new RegExp(`${retired}: shared secrets are no longer accepted`),
      );
    }
  });

  it('turns introspection and the explorer off, and publishes only the public half of its key', async () => {
    const key = await generateSigningKey();
    const gateway = await startGateway(
      loadEnv({
        PORT: '0',
        METRICS_PORT: '0',
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        JWKS_URL: 'https://sso.example.go.id/.well-known/jwks.json',
        JWT_ISSUER: 'https://sso.example.go.id',
        GATEWAY_SIGNING_KEY: await exportPKCS8(key.privateKey),
        SUBGRAPH_ORGANISATIONS_URL: 'http://127.0.0.1:9/graphql',
      }),
    );
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
      const base = gateway.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/explorer`)).status).toBe(404);
      const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as {
        keys: Record<string, unknown>[];
      };
      expect(jwks.keys).toEqual([
        { kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x, kid: key.kid, alg: 'EdDSA', use: 'sig' },
      ]);
    } finally {
      await gateway.close();
    }
  });
});

describe('errors about what the caller sent', () => {
  it('repeat a huge value by its start and length, not whole', async () => {
    const gateway = await startGateway(
      loadEnv({
        PORT: '0',
        METRICS_PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_IDP_KEY_FILE: path.join(os.tmpdir(), `mutu-echo-${process.pid}.json`),
        SUBGRAPH_ORGANISATIONS_URL: 'http://127.0.0.1:9/graphql',
        RATE_LIMIT_PER_ADDRESS: '0',
      }),
    );
    try {
      const huge = 'x'.repeat(200_000);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($n: Int!) { ranking(framework: IPP, year: $n) { rank } }',
          variables: { n: huge },
        }),
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(text.length).toBeLessThan(2_000);
      const error = (JSON.parse(text) as { errors: { message: string; extensions: unknown }[] })
        .errors[0];
      expect(error?.message).toBe(
        `Variable "$n" got invalid value "${'x'.repeat(80)}…" (200000 characters); Int cannot represent non-integer value: "${'x'.repeat(80)}…" (200000 characters)`,
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await gateway.close();
    }
  });
});
