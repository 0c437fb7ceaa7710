import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, checkDrift, createScratchDatabase, schemaDiffSql } from '../src/index.js';

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Unit {
  id   String @id
  name String
  @@index([name])
}
`;

let dir: string;
const serverUrl = process.env.TEST_DATABASE_URL || undefined;

async function writeService(
  schema: string,
  migrations: Record<string, string>,
): Promise<{ schemaPath: string; migrationsDir: string }> {
  const root = await mkdtemp(path.join(dir, 'svc-'));
  const migrationsDir = path.join(root, 'migrations');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(migrationsDir, name), { recursive: true });
    await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql);
  }
  const schemaPath = path.join(root, 'schema.prisma');
  await writeFile(schemaPath, schema);
  return { schemaPath, migrationsDir };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mutu-db-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('offline migrations', () => {
  it('applies each migration once and records it in _prisma_migrations', async () => {
    const init = await schemaDiffSql(null, SCHEMA);
    expect(init).toContain('CREATE TABLE "Unit"');
    const { migrationsDir } = await writeService(SCHEMA, { '20260101000000_init': init });
    const db = await createScratchDatabase(serverUrl);
    try {
      expect(await applyMigrations(db.url, migrationsDir)).toEqual(['20260101000000_init']);
      expect(await applyMigrations(db.url, migrationsDir)).toEqual([]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(
        'select migration_name, finished_at is not null as done from _prisma_migrations',
      );
      await client.end();
      expect(rows).toEqual([{ migration_name: '20260101000000_init', done: true }]);
    } finally {
      await db.drop();
    }
  });

  it('a failing migration is reported and not recorded as applied', async () => {
    const { migrationsDir } = await writeService(SCHEMA, {
      '20260101000000_bad': 'CREATE TABLE "Unit" (id TEXT REFERENCES nowhere(id));',
    });
    const db = await createScratchDatabase(serverUrl);
    try {
      await expect(applyMigrations(db.url, migrationsDir)).rejects.toThrow(/nowhere/);
    } finally {
      await db.drop();
    }
  });
});

describe('drift check', () => {
  it('passes when the migrations produce schema.prisma', async () => {
    const service = await writeService(SCHEMA, {
      '20260101000000_init': await schemaDiffSql(null, SCHEMA),
    });
    expect(await checkDrift({ ...service, serverUrl })).toEqual({
      onlyInMigrations: [],
      onlyInSchema: [],
    });
  });

  it('names what schema.prisma has that no migration creates', async () => {
    const grown = SCHEMA.replace('name String', 'name String\n  code String?');
    const service = await writeService(grown, {
      '20260101000000_init': await schemaDiffSql(null, SCHEMA),
    });
    const report = await checkDrift({ ...service, serverUrl });
    expect(report.onlyInSchema).toEqual(['column Unit.code text']);
    expect(report.onlyInMigrations).toEqual([]);
  });

  it('names what the migrations create that schema.prisma lacks', async () => {
    const service = await writeService(SCHEMA, {
      '20260101000000_init': await schemaDiffSql(null, SCHEMA),
      '20260102000000_extra': 'CREATE INDEX "Unit_id_name_idx" ON "Unit"("id", "name");',
    });
    const report = await checkDrift({ ...service, serverUrl });
    expect(report.onlyInMigrations).toEqual([
      'index Unit_id_name_idx CREATE INDEX "Unit_id_name_idx" ON public."Unit" USING btree (id, name)',
    ]);
  });
});
