import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';

export interface ScratchDatabase {
  readonly url: string;
  /** True for in-memory PGlite, which serves one connection at a time. */
  readonly embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A new, empty database of its own. With `serverUrl` (tests read TEST_DATABASE_URL) it is a
 * fresh database on that PostgreSQL server, dropped afterwards; otherwise an in-memory PGlite.
 */
export async function createScratchDatabase(serverUrl?: string): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, embedded: true, drop: () => embedded.close() };
  }
  const name = `mutu_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
