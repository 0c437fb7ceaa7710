import { applyMigrations } from './migrations.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch.js';

/**
 * An isolated, migrated database for one test file: a fresh database on the server named by
 * TEST_DATABASE_URL when it is set (CI runs the suite that way against real PostgreSQL), an
 * in-memory PGlite otherwise. Call `drop` in `afterAll`.
 */
export async function createTestDatabase(migrationsDir: string): Promise<ScratchDatabase> {
  const db = await createScratchDatabase(process.env.TEST_DATABASE_URL || undefined);
  try {
    await applyMigrations(db.url, migrationsDir);
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}

export { createScratchDatabase, type ScratchDatabase };
