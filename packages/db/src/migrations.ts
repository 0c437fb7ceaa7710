import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { startEmbeddedPostgres } from './embedded.js';
import { openSchemaEngine } from './engine.js';

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** A service's `prisma/migrations` folder in the shape the schema engine reads. */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const entries = existsSync(migrationsDir)
    ? await readdir(migrationsDir, { withFileTypes: true })
    : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(migrationsDir, folder, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * Applies the unapplied migrations, as `prisma migrate deploy` does (same `_prisma_migrations`
 * bookkeeping), with the schema engine in WebAssembly so it works offline. Returns the names
 * of the migrations it applied.
 */
export async function applyMigrations(
  url: string,
  migrationsDir: string,
  schema?: string,
): Promise<string[]> {
  const { engine, close, explain } = await openSchemaEngine(
    new PrismaPg({ connectionString: url, max: 1 }, schema ? { schema } : undefined),
  );
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(migrationsDir),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}

/**
 * The SQL that turns one Prisma schema into another (`from` null: an empty database). The
 * engine computes it from the two datamodels alone, but insists on a live connection when it
 * starts, so it gets a throwaway in-memory PGlite.
 */
export async function schemaDiffSql(from: string | null, to: string): Promise<string> {
  const scratch = await startEmbeddedPostgres();
  const { engine, close } = await openSchemaEngine(
    new PrismaPg({ connectionString: scratch.url, max: 1 }),
  );
  try {
    const datamodel = (content: string) => ({
      tag: 'schemaDatamodel' as const,
      files: [{ path: 'schema.prisma', content }],
    });
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : datamodel(from),
      to: datamodel(to),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  } finally {
    await close();
    await scratch.close();
  }
}
