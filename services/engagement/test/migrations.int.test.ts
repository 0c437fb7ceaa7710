import path from 'node:path';
import { checkDrift } from '@mutu/db';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/env.js';

describe('migrations', () => {
  it('produce exactly prisma/schema.prisma (no drift)', async () => {
    const report = await checkDrift({
      schemaPath: path.join(MIGRATIONS_DIR, '..', 'schema.prisma'),
      migrationsDir: MIGRATIONS_DIR,
      serverUrl: process.env.TEST_DATABASE_URL || undefined,
    });
    expect(report).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
  });
});
