import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from './connection.js';
import { checkDrift } from './drift.js';
import { generateClient } from './generate.js';
import { applyMigrations, schemaDiffSql } from './migrations.js';

const USAGE = `mutu-db <command>, run in a service folder (prisma/schema.prisma, prisma/migrations)

  generate        generate the Prisma client, offline
  migrate         apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR
  check           fail when the migrations do not produce schema.prisma (drift); uses
                  TEST_DATABASE_URL's server when set, in-memory PGlite otherwise
  new <name>      write a migration from the schema.prisma of git HEAD (or --from FILE) to the
                  working schema.prisma`;

const cwd = process.cwd();
const schemaPath = path.join(cwd, 'prisma', 'schema.prisma');
const migrationsDir = path.join(cwd, 'prisma', 'migrations');

async function previousSchema(fromFile: string | undefined): Promise<string | null> {
  if (fromFile) return readFile(fromFile, 'utf8');
  if (!existsSync(migrationsDir)) return null;
  const relative = path.relative(
    execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim(),
    schemaPath,
  );
  return execFileSync('git', ['show', `HEAD:${relative}`], { encoding: 'utf8' });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return generateClient(schemaPath, cwd);
    case 'migrate': {
      const db = await openDatabase({
        url: process.env.DATABASE_URL || undefined,
        dataDir: process.env.DATA_DIR || path.join(cwd, '.data'),
      });
      try {
        const applied = await applyMigrations(db.url, migrationsDir);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'check': {
      const report = await checkDrift({
        schemaPath,
        migrationsDir,
        serverUrl: process.env.TEST_DATABASE_URL || undefined,
      });
      if (report.onlyInMigrations.length === 0 && report.onlyInSchema.length === 0) {
        console.log('migrations produce schema.prisma: no drift');
        return 0;
      }
      console.error('drift between prisma/migrations and prisma/schema.prisma:');
      for (const line of report.onlyInSchema) console.error(`  in schema.prisma only: ${line}`);
      for (const line of report.onlyInMigrations) console.error(`  in migrations only:    ${line}`);
      console.error('write a migration with `mutu-db new <name>`');
      return 1;
    }
    case 'new': {
      const fromIndex = rest.indexOf('--from');
      const fromFile = fromIndex >= 0 ? rest[fromIndex + 1] : undefined;
      const name = rest.find((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--from');
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        console.error('a migration needs a name of lowercase letters, digits and _');
        return 2;
      }
      const sql = await schemaDiffSql(
        await previousSchema(fromFile),
        await readFile(schemaPath, 'utf8'),
      );
      if (!sql.trim() || sql.includes('empty migration')) {
        console.log('schema.prisma has not changed: no migration written');
        return 0;
      }
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'migration.sql'), sql);
      const lock = path.join(migrationsDir, 'migration_lock.toml');
      if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
      console.log(`wrote ${path.relative(cwd, dir)}/migration.sql`);
      return 0;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
