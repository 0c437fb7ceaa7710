import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpbeSubgraph } from '../src/server.js';

let subgraph;
let gatewayKey;
let otherKey;
beforeAll(async () => {
  gatewayKey = await generateKeyPair('EdDSA');
  otherKey = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(gatewayKey.publicKey)), kid: 'gw', alg: 'EdDSA' };
  subgraph = await startSpbeSubgraph({ port: 0, gatewayKeys: { keys: [jwk] } });
});
afterAll(async () => {
  await subgraph?.stop();
});

/** A call token as the Mutu gateway makes it (docs/partners.md), or one that differs from it. */
const now = () => Math.floor(Date.now() / 1000);
const callToken = ({
  key = gatewayKey,
  audience = 'spbe',
  typ = 'mutu-call+jwt',
  iat = now(),
  exp = now() + 30,
} = {}) => {
  const jwt = new SignJWT({ role: 'public' })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'gw', typ })
    .setIssuer('mutu-gateway')
    .setAudience(audience);
  if (iat !== null) jwt.setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(key.privateKey);
};

const ask = async (query, variables, token) => {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { 'x-mutu-identity': token ?? (await callToken()) }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
};

describe('SPBE partner subgraph', () => {
  it("resolves an organisation's SPBE results, newest first, flagged synthetic", async () => {
    const { data } = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id spbe { year index synthetic } } } }',
      { r: [{ __typename: 'Organisation', id: '15.01' }] },
    );
    expect(data._entities).toEqual([
      {
        id: '15.01',
        spbe: [
          { year: 2024, index: 2.87, synthetic: true },
          { year: 2023, index: 2.41, synthetic: true },
        ],
      },
    ]);
  });

  it('lists a year best first and refuses a year before SPBE existed', async () => {
    const { data } = await ask(
      '{ spbeResults(year: 2023) { organisation { id } result { index synthetic source } } }',
    );
    // Published 2023 indices, each with the source that published it, and Kerinci's synthetic one.
    expect(
      data.spbeResults.map((r) => [r.organisation.id, r.result.index, r.result.source]),
    ).toEqual([
      ['64.08', 3.2, expect.stringContaining('Sangattaku')],
      ['62', 2.75, expect.stringContaining('KaltengTerkini')],
      ['17.71', 2.61, expect.stringContaining('Harian Bengkulu Ekspress')],
      ['17.01', 2.45, expect.stringContaining('RMOL Bengkulu')],
      ['15.01', 2.41, expect.stringContaining('synthetic')],
    ]);
    expect(
      data.spbeResults.filter((r) => r.result.synthetic).map((r) => r.organisation.id),
    ).toEqual(['15.01']);
    const { errors } = await ask('{ spbeResults(year: 2010) { result { index } } }');
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });

  it("answers the gateway only: no token, another key or audience, a bearer token's type, an expired or long-lived token get 401", async () => {
    const refusals = [
      null,
      await callToken({ key: otherKey }),
      await callToken({ audience: 'assessments' }),
      await callToken({ typ: 'JWT' }),
      await callToken({ iat: now() - 90, exp: now() - 60 }),
      await callToken({ exp: null }),
      await callToken({ iat: null }),
      await callToken({ exp: now() + 600 }),
    ];
    for (const token of refusals) {
      const answer = await ask('{ __typename }', undefined, token);
      expect(answer.status).toBe(401);
      expect(answer.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
