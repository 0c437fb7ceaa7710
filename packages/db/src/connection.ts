import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from './embedded.js';

export interface Database {
  readonly url: string;
  /** True when the database is PGlite in this process (one connection at a time). */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database a service runs on: the server at `url` when one is configured, otherwise an
 * embedded PostgreSQL in `dataDir`, so a machine with only Node runs the whole platform.
 */
export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  if (options.url) return { url: options.url, embedded: false, close: async () => {} };
  const embedded = await startEmbeddedPostgres(options.dataDir);
  return { url: embedded.url, embedded: true, close: () => embedded.close() };
}

export interface PoolOptions {
  /** Connections in the pool; PGlite serves one at a time, so embedded databases use 1. */
  readonly max?: number;
  /** Schema (search_path) to use, for databases that host several services. */
  readonly schema?: string;
}

/**
 * Prisma's driver adapter over a `pg` pool with the timeouts `pg` leaves unset by default:
 * without them a dead server hangs every request forever.
 */
export function createAdapter(url: string, options: PoolOptions = {}): PrismaPg {
  return new PrismaPg(
    {
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      // A row another session holds is waited for 5 s at most, well inside a transaction's
      // 10 s and the gateway's subgraph timeout: the write fails fast and whole rather than
      // hanging until the statement timeout.
      lock_timeout: 5_000,
    },
    options.schema ? { schema: options.schema } : undefined,
  );
}
