// Time and SQL statements for a page of organisations with parents and children, through
// HTTP, side by side for page sizes 10 and 100, on the embedded PGlite and (when
// BENCH_POSTGRES_URL is set) on a real PostgreSQL, in one run.
//   pnpm --filter @mutu/organisations bench
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @mutu/organisations bench
import { PUBLIC } from '@mutu/server';
import { graphql } from '@mutu/server/testing';
import { onEachDatabase, timeRequests } from '@mutu/service/bench';
import { sqlQueryCount } from '../src/db.js';
import { startTestSubgraph } from '../src/testing.js';

const QUERY = `query($n: Int) { organisations(first: $n) { totalCount edges { node {
  id name kind parent { id name } children { id name } regency { name } } } } }`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

async function post(url: string, n: number): Promise<void> {
  // Signed as the gateway signs a public caller's identity.
  const body = await graphql<{ organisations: { edges: unknown[] } }>(
    url,
    QUERY,
    { n },
    { as: PUBLIC },
  );
  if (body.errors || body.data?.organisations.edges.length !== n)
    throw new Error(JSON.stringify(body.errors));
}

console.log(`page of organisations with parent, children and regency; ${ROUNDS} rounds each`);
console.log(['database  ', 'page', '  p50 (ms)', '  p95 (ms)', '   SQL'].join('  '));
await onEachDatabase(async (database) => {
  const subgraph = await startTestSubgraph();
  try {
    for (const n of [10, 100]) {
      const t = await timeRequests(() => post(subgraph.url, n), {
        rounds: ROUNDS,
        warmUp: 5,
        sqlQueryCount,
      });
      console.log(
        [
          database.padEnd(10),
          String(n).padStart(4),
          t.p50.toFixed(1).padStart(9),
          t.p95.toFixed(1).padStart(9),
          String(t.statements).padStart(6),
        ].join('  '),
      );
    }
  } finally {
    await subgraph.close();
  }
});
