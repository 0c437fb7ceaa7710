import { IDENTITY_HEADER } from '@mutu/server';
import { describe, expect, it } from 'vitest';
import { sharing, subgraphAnswer } from '../src/subgraphs.js';

/** A subgraph that answers after a moment and counts what it was sent. */
function slowSubgraph() {
  const received: string[] = [];
  const fetcher = async (url: string, init?: { body?: string }) => {
    received.push(String(init?.body));
    await new Promise((r) => setTimeout(r, 20));
    return subgraphAnswer(
      url,
      200,
      { 'content-type': 'application/json' },
      `{"data":{"n":${received.length}}}`,
    );
  };
  return { received, fetcher };
}
const call = (token: string, query: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST',
  // As RemoteGraphQLDataSource sends them: a plain object of lower-case names.
  headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token },
  body: JSON.stringify({ query, variables }),
});
const URL = 'http://127.0.0.1:4001/graphql';

describe('identical subgraph queries in flight', () => {
  it('are sent once, and every caller gets the whole answer', async () => {
    const subgraph = slowSubgraph();
    const fetch = sharing(subgraph.fetcher);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(URL, call('public', 'query A($id: ID!) { a(id: $id) }', { id: '15.01' })),
      ),
    );
    expect(subgraph.received).toHaveLength(1);
    for (const answer of answers) expect(await answer.json()).toEqual({ data: { n: 1 } });
    // Once answered, the next one is asked again: nothing is kept beyond the flight.
    await fetch(URL, call('public', 'query A($id: ID!) { a(id: $id) }', { id: '15.01' }));
    expect(subgraph.received).toHaveLength(2);
  });

  it('are not shared across identities, variables or mutations', async () => {
    const subgraph = slowSubgraph();
    const fetch = sharing(subgraph.fetcher);
    await Promise.all([
      fetch(URL, call('public', 'query A { a }')),
      fetch(URL, call('assessor-token', 'query A { a }')),
      fetch(URL, call('public', 'query A($id: ID!) { a(id: $id) }', { id: '15.02' })),
      fetch(URL, call('admin-token', 'mutation M { publish }')),
      fetch(URL, call('admin-token', 'mutation M { publish }')),
    ]);
    expect(subgraph.received).toHaveLength(5);
  });
});
