import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpbeSubgraph } from '../src/server.js';

let subgraph;
beforeAll(async () => {
  subgraph = await startSpbeSubgraph({ port: 0 });
});
afterAll(async () => {
  await subgraph?.stop();
});

const ask = async (query, variables) =>
  (
    await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json();

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
      '{ spbeResults(year: 2024) { organisation { id } result { index } } }',
    );
    expect(data.spbeResults.map((r) => r.organisation.id)).toEqual([
      '62',
      '64.08',
      '15.01',
      '17.01',
    ]);
    const { errors } = await ask('{ spbeResults(year: 2010) { result { index } } }');
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});
