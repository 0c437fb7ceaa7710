import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request cost, counted while it is served (its request line reports it). */
export interface RequestStats {
  /** SQL statements its resolvers sent. */
  sql: number;
}

const current = new AsyncLocalStorage<RequestStats>();

/** Runs `serve` with fresh counters that everything it awaits adds to. */
export function withRequestStats<T>(stats: RequestStats, serve: () => T): T {
  return current.run(stats, serve);
}

/**
 * Counts one SQL statement against the request being served, if any. Prisma's query event
 * fires in the async context of the resolver that awaited the query, so the count is the
 * request's own even when many are served at once.
 */
export function countSqlStatement(): void {
  const stats = current.getStore();
  if (stats) stats.sql += 1;
}
