import { createAdapter } from '@mutu/db';
import { countSqlStatement } from '@mutu/server';
import type { PrismaPg } from '@prisma/adapter-pg';

interface Disconnectable {
  $disconnect(): Promise<void>;
}

export interface PrismaHolder<C> {
  /** Opens the service's one client; the server and test set-up call it once. */
  connect(url: string, options?: { max?: number }): C;
  /** The client; resolvers reach the database only through it. */
  client(): C;
  /** SQL statements sent since the process started (compare two readings). */
  sqlQueryCount(): number;
  disconnect(): Promise<void>;
}

/**
 * Holds a service's generated Prisma client. `create` must enable query events
 * (`log: [{ emit: 'event', level: 'query' }]`): they feed the SQL counter the N+1 tests and the
 * benchmarks read.
 */
export function prismaHolder<C extends Disconnectable>(
  create: (adapter: PrismaPg) => C,
): PrismaHolder<C> {
  let current: C | undefined;
  let queries = 0;
  return {
    connect(url, options = {}) {
      current = create(createAdapter(url, options));
      // MUTU_SQL_LOG=1 prints each statement: how the benchmark's SQL counts were read apart.
      const log = process.env.MUTU_SQL_LOG === '1';
      (
        current as unknown as {
          $on(
            event: 'query',
            listener: (e: { query: string; params: string; duration: number }) => void,
          ): void;
        }
      ).$on('query', (e) => {
        queries += 1;
        countSqlStatement();
        if (log) process.stderr.write(`[sql ${e.duration}ms] ${e.query} -- params ${e.params}\n`);
      });
      return current;
    },
    client() {
      if (!current) throw new Error('The database is not connected: call connect first');
      return current;
    },
    sqlQueryCount: () => queries,
    async disconnect() {
      await current?.$disconnect();
      current = undefined;
    },
  };
}
