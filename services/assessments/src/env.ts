import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const serviceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4002),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL URL; without it the service runs on an embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.join(serviceRoot, '.data')),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Apply pending migrations at start; defaults to on for the embedded database. */
  MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
  /** Load the reference data (regions, regional governments) at start; idempotent. */
  SEED_ON_START: z.enum(['true', 'false']).optional(),
});

export type Env = z.infer<typeof schema>;

/** Configuration, validated once; the only reader of process.env in this service. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export const MIGRATIONS_DIR = path.join(serviceRoot, 'prisma', 'migrations');
