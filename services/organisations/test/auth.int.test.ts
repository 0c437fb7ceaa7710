import { IDENTITY_HEADER } from '@mutu/server';
import { graphql } from '@mutu/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../src/testing.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph();
});
afterAll(async () => {
  await subgraph?.close();
});

const CREATE = `mutation { createOrganisation(input: { kind: OPD, name: "Dinas Sosial Kabupaten Kerinci", parentId: "15.01" }) { __typename } }`;

describe('who may do what', () => {
  it('refuses a call without the gateway-signed identity, and one with a forged signature', async () => {
    const bare = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    expect(bare.status).toBe(401);
    expect(
      ((await bare.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
        .code,
    ).toBe('UNAUTHENTICATED');
    const forged = await fetch(subgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]:
          'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiJ4In0.c2lnbmF0dXJlLW5vdC1vdXJz',
      },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    expect(forged.status).toBe(401);
  });

  it('lets the public read the register, but not change it or read its audit trail', async () => {
    const as = { sub: 'anonymous', role: 'public' as const, regions: [] };
    const read = await graphql(subgraph.url, '{ regency(code: "15.01") { name } }', undefined, {
      as,
    });
    expect(read).toEqual({ data: { regency: { name: 'Kabupaten Kerinci' } } });
    const write = await graphql(subgraph.url, CREATE, undefined, { as });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const trail = await graphql(
      subgraph.url,
      '{ organisation(id: "15.01") { auditTrail { action } } }',
      undefined,
      { as },
    );
    expect(trail.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("keeps the register an administrator's: an analyst or an assessor may not change it", async () => {
    for (const as of [
      { sub: 'a', role: 'analyst' as const, regions: [] },
      { sub: 'b', role: 'assessor' as const, regions: ['15'] },
    ]) {
      const write = await graphql(subgraph.url, CREATE, undefined, { as });
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const analyst = await graphql(
      subgraph.url,
      '{ organisation(id: "15.01") { auditTrail { action } } }',
      undefined,
      {
        as: { sub: 'a', role: 'analyst', regions: [] },
      },
    );
    expect(analyst.errors).toBeUndefined();
    const admin = await graphql(subgraph.url, CREATE);
    expect(admin.data).toEqual({ createOrganisation: { __typename: 'CreateOrganisationSuccess' } });
  });
});
