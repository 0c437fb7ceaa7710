// Time and SQL statements of a national ranking over the 416 regency governments (kabupaten;
// the 98 kota are a peer group of their own), side by side with one province's ranking, through HTTP on the assessments subgraph, on the
// embedded PGlite and (when BENCH_POSTGRES_URL is set) on PostgreSQL, in one run. The scores
// are synthetic, written to the bench's own scratch database (cycle "ipp-2030").
//   pnpm --filter @mutu/assessments bench
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres pnpm --filter @mutu/assessments bench
import { PUBLIC } from '@mutu/server';
import { graphql } from '@mutu/server/testing';
import { onEachDatabase, timeRequests } from '@mutu/service/bench';
import { getRegencies } from 'idn-area-data';
import { prisma, sqlQueryCount } from '../src/db.js';
import { assessmentKey } from '../src/ids.js';
import { startTestSubgraph } from '../src/testing.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const QUERY =
  'query($p: String) { ranking(framework: IPP, year: 2030, provinceCode: $p) { rank score band { grade label } organisation { id } } }';

async function seedSyntheticCycle(): Promise<number> {
  const regencies = await getRegencies({ transform: true });
  await prisma().assessmentCycle.create({
    data: {
      id: 'ipp-2030',
      framework: 'IPP',
      year: 2030,
      methodologyId: 'ipp-2022',
      status: 'PUBLISHED',
    },
  });
  await prisma().assessment.createMany({
    data: regencies.map((r, i) => ({
      ...assessmentKey('ipp-2030', r.code),
      status: 'PUBLISHED' as const,
      origin: 'PUBLISHED_TOTAL' as const,
      // Deterministic spread over the scale, with ties.
      total: Math.round(((i * 37) % 500) + 1) / 100,
      methodologyId: 'ipp-2022',
      synthetic: true,
      source: 'bench',
    })),
  });
  return regencies.length;
}

async function post(url: string, provinceCode: string | null): Promise<number> {
  // Signed as the gateway signs a public caller's identity.
  const body = await graphql<{ ranking: unknown[] }>(
    url,
    QUERY,
    { p: provinceCode },
    { as: PUBLIC },
  );
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.ranking.length;
}

console.log(`ranking(framework: IPP, year: 2030) with bands; ${ROUNDS} rounds each`);
console.log(
  ['database  ', 'scope           ', '   rows', ' p50 (ms)', ' p95 (ms)', ' SQL'].join('  '),
);
await onEachDatabase(async (database) => {
  const subgraph = await startTestSubgraph();
  try {
    const total = await seedSyntheticCycle();
    for (const [label, province] of [
      ['Kalimantan Timur', '64'],
      ['national', null],
    ] as const) {
      const rows = await post(subgraph.url, province);
      const t = await timeRequests(() => post(subgraph.url, province), {
        rounds: ROUNDS,
        sqlQueryCount,
      });
      console.log(
        [
          database.padEnd(10),
          label.padEnd(16),
          `${rows}/${total}`.padStart(7),
          t.p50.toFixed(1).padStart(9),
          t.p95.toFixed(1).padStart(9),
          String(t.statements).padStart(4),
        ].join('  '),
      );
    }
  } finally {
    await subgraph.close();
  }
});
