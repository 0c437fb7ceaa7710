// Time and SQL statements for a page of organisations with parents and children, through
// HTTP, side by side for page sizes 10 and 100, on the embedded PGlite and (when
// BENCH_POSTGRES_URL is set) on a real PostgreSQL, in one run.
//   pnpm --filter @mutu/organisations bench
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @mutu/organisations bench
import { sqlQueryCount } from '../src/db.js';
import { startTestSubgraph } from '../src/testing.js';

const QUERY = `query($n: Int) { organisations(first: $n) { totalCount edges { node {
  id name kind parent { id name } children { id name } regency { name } } } } }`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

async function post(url: string, n: number): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { n } }),
  });
  const body = (await response.json()) as {
    errors?: unknown;
    data?: { organisations: { edges: unknown[] } };
  };
  if (body.errors || body.data?.organisations.edges.length !== n)
    throw new Error(JSON.stringify(body.errors));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(database: string) {
  const subgraph = await startTestSubgraph();
  try {
    for (let i = 0; i < 5; i++) await post(subgraph.url, 100); // warm-up
    for (const n of [10, 100]) {
      const times: number[] = [];
      let statements = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const before = sqlQueryCount();
        const start = performance.now();
        await post(subgraph.url, n);
        times.push(performance.now() - start);
        statements = sqlQueryCount() - before;
      }
      times.sort((a, b) => a - b);
      console.log(
        [
          database.padEnd(10),
          String(n).padStart(4),
          percentile(times, 50).toFixed(1).padStart(9),
          percentile(times, 95).toFixed(1).padStart(9),
          String(statements).padStart(6),
        ].join('  '),
      );
    }
  } finally {
    await subgraph.close();
  }
}

console.log(`page of organisations with parent, children and regency; ${ROUNDS} rounds each`);
console.log(['database  ', 'page', '  p50 (ms)', '  p95 (ms)', '   SQL'].join('  '));
const postgres = process.env.BENCH_POSTGRES_URL;
delete process.env.TEST_DATABASE_URL;
await measure('PGlite');
if (postgres) {
  process.env.TEST_DATABASE_URL = postgres;
  await measure('PostgreSQL');
}
