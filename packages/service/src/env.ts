import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from '@mutu/server';
import { z } from 'zod';

export interface ServiceEnv {
  PORT: number;
  HOST: string;
  /** PostgreSQL URL; without it the service runs on an embedded PGlite in DATA_DIR. */
  DATABASE_URL?: string;
  DATA_DIR: string;
  DATABASE_POOL_MAX: number;
  /** Apply pending migrations at start; defaults to on for the embedded database. */
  MIGRATE_ON_START?: 'true' | 'false';
  /** Load reference or demo data at start (idempotent); defaults to on for the embedded database. */
  SEED_ON_START?: 'true' | 'false';
  /** Structured log level (JSON lines on stdout). */
  LOG_LEVEL: LogLevel;
}

/**
 * A subgraph's settings, validated once at start; see each service's README for the table.
 * `<NAME>_DATABASE_URL` (e.g. ORGANISATIONS_DATABASE_URL) wins over DATABASE_URL, so one shell
 * can start every service, each on a database of its own.
 */
export function parseServiceEnv(
  source: NodeJS.ProcessEnv,
  defaults: { name: string; port: number; serviceRoot: string },
): ServiceEnv {
  const schema = z.object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(defaults.port),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default(path.join(defaults.serviceRoot, '.data')),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
    SEED_ON_START: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  });
  const ownUrl = source[`${defaults.name.toUpperCase()}_DATABASE_URL`];
  const parsed = schema.safeParse(ownUrl ? { ...source, DATABASE_URL: ownUrl } : source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Where the organisations subgraph answers, for subgraphs that check organisation ids. */
export function parseOrganisationsUrl(source: NodeJS.ProcessEnv): string {
  const url = z
    .string()
    .url()
    .default('http://127.0.0.1:4001/graphql')
    .safeParse(source.ORGANISATIONS_URL);
  if (!url.success) {
    throw new Error(`Invalid configuration: ORGANISATIONS_URL: ${url.error.issues[0]?.message}`);
  }
  return url.data;
}
