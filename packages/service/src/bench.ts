/** Latency of one request shape, and the SQL statements one request costs. */
export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly statements: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Sends `request` a few times to warm up, then `rounds` times, timing each. */
export async function timeRequests(
  request: () => Promise<unknown>,
  options: { rounds: number; warmUp?: number; sqlQueryCount: () => number },
): Promise<Timing> {
  for (let i = 0; i < (options.warmUp ?? 3); i++) await request();
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < options.rounds; i++) {
    const before = options.sqlQueryCount();
    const start = performance.now();
    await request();
    times.push(performance.now() - start);
    statements = options.sqlQueryCount() - before;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), statements };
}

/**
 * Runs a measurement on the embedded PGlite, then, when BENCH_POSTGRES_URL is set, on that
 * PostgreSQL server, in one process, so the two compare side by side on the same machine state.
 */
export async function onEachDatabase(measure: (database: string) => Promise<void>): Promise<void> {
  const postgres = process.env.BENCH_POSTGRES_URL;
  delete process.env.TEST_DATABASE_URL;
  await measure('PGlite');
  if (postgres) {
    process.env.TEST_DATABASE_URL = postgres;
    await measure('PostgreSQL');
  }
}
