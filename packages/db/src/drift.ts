import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { describeSchema } from './catalog.js';
import { applyMigrations, schemaDiffSql } from './migrations.js';
import { createScratchDatabase } from './scratch.js';

export interface DriftReport {
  /** Structure the migrations create that schema.prisma does not describe. */
  readonly onlyInMigrations: string[];
  /** Structure schema.prisma describes that the migrations do not create. */
  readonly onlyInSchema: string[];
}

/**
 * Whether a service's migrations produce exactly its schema.prisma: the migrations are applied
 * to one scratch database, the schema's own DDL (from Prisma's engine) to another, and their
 * catalogs compared.
 */
export async function checkDrift(options: {
  schemaPath: string;
  migrationsDir: string;
  serverUrl?: string;
}): Promise<DriftReport> {
  const schemaText = await readFile(options.schemaPath, 'utf8');
  const ddl = await schemaDiffSql(null, schemaText);
  const [migrated, declared] = await Promise.all([
    createScratchDatabase(options.serverUrl),
    createScratchDatabase(options.serverUrl),
  ]);
  try {
    await applyMigrations(migrated.url, options.migrationsDir);
    const client = new pg.Client({ connectionString: declared.url });
    await client.connect();
    try {
      await client.query(ddl);
    } finally {
      await client.end();
    }
    const [fromMigrations, fromSchema] = await Promise.all([
      describeSchema(migrated.url),
      describeSchema(declared.url),
    ]);
    const schemaSet = new Set(fromSchema);
    const migrationSet = new Set(fromMigrations);
    return {
      onlyInMigrations: fromMigrations.filter(
        (line) => !schemaSet.has(line) && !declaredCheck(line, schemaText),
      ),
      onlyInSchema: fromSchema.filter((line) => !migrationSet.has(line)),
    };
  } finally {
    await Promise.all([migrated.drop(), declared.drop()]);
  }
}

/**
 * Prisma's schema language has no CHECK constraints, so a migration adds them by hand; one is
 * not drift when schema.prisma names it in a comment ("check constraint Evidence_one_target").
 */
function declaredCheck(line: string, schemaText: string): boolean {
  const match = /^constraint "[^"]+" (\S+) CHECK /.exec(line);
  return match?.[1] !== undefined && schemaText.includes(`check constraint ${match[1]}`);
}
