import path from 'node:path';
import { JWKS_PATH, LOG_LEVELS, type LogLevel } from '@mutu/server';
import { z } from 'zod';
import {
  calledBy,
  callersOf,
  defaultOrigin,
  MUTU_PROCESSES,
  type MutuSubgraph,
} from './topology.js';

export interface ServiceEnv {
  /** The service's name: its database and key settings are prefixed with it. */
  name: MutuSubgraph;
  NODE_ENV: string;
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
  /**
   * Keep published data (results, rankings) between requests; `false` reads every one from the
   * database (how the benchmark measures with every cache off).
   */
  PUBLISHED_CACHE: 'true' | 'false';
  /** Redis, shared by the instances of a subgraph: a write on one clears what all of them keep. */
  REDIS_URL?: string;
  /** Where the gateway publishes the public keys of the call tokens it sends. */
  GATEWAY_JWKS_URL: string;
  /** Where each service that calls this one publishes its own public keys (<NAME>_JWKS_URL). */
  callerJwksUrls: Record<string, string>;
  /** The GraphQL URL of each service this one calls (<NAME>_URL, e.g. ORGANISATIONS_URL). */
  serviceUrls: Record<string, string>;
  /**
   * This service's own private key (<NAME>_SIGNING_KEY), for the calls it makes on its own
   * behalf; made at start outside production when not given.
   */
  SIGNING_KEY?: string;
}

const url = z.string().url();

/**
 * A subgraph's settings, validated once at start; see each service's README for the table.
 * `<NAME>_DATABASE_URL` (e.g. ORGANISATIONS_DATABASE_URL) wins over DATABASE_URL, so one shell
 * can start every service, each on a database of its own. Keys are never shared: each service
 * reads only its own `<NAME>_SIGNING_KEY`. In production every key and address must be given;
 * the error names each setting that is missing.
 */
export function parseServiceEnv(
  source: NodeJS.ProcessEnv,
  defaults: { name: MutuSubgraph; serviceRoot: string },
): ServiceEnv {
  const { name } = defaults;
  const prefix = name.toUpperCase();
  const production = source.NODE_ENV === 'production';
  const problems: string[] = [];
  const addressOf = (setting: string, fallback: string): string => {
    const given = source[setting];
    if (!given && production) {
      problems.push(`${setting}: required in production`);
      return '';
    }
    const parsed = url.safeParse(given ?? fallback);
    if (!parsed.success) problems.push(`${setting}: must be a URL, got "${given}"`);
    return given ?? fallback;
  };
  const schema = z.object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(MUTU_PROCESSES[name].port),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: url.optional(),
    DATA_DIR: z.string().default(path.join(defaults.serviceRoot, '.data')),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
    SEED_ON_START: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    PUBLISHED_CACHE: z.enum(['true', 'false']).default('true'),
    REDIS_URL: url.optional(),
  });
  const ownUrl = source[`${prefix}_DATABASE_URL`];
  const parsed = schema.safeParse(ownUrl ? { ...source, DATABASE_URL: ownUrl } : source);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  for (const retired of ['MUTU_INTERNAL_SECRET', 'JWT_SECRET']) {
    if (source[retired]) {
      problems.push(
        `${retired}: shared secrets are no longer accepted; the gateway signs with its private key and this service verifies with GATEWAY_JWKS_URL`,
      );
    }
  }
  const GATEWAY_JWKS_URL = addressOf('GATEWAY_JWKS_URL', `${defaultOrigin('gateway')}${JWKS_PATH}`);
  const callerJwksUrls = Object.fromEntries(
    callersOf(name).map((caller) => [
      caller,
      addressOf(`${caller.toUpperCase()}_JWKS_URL`, `${defaultOrigin(caller)}${JWKS_PATH}`),
    ]),
  );
  const serviceUrls = Object.fromEntries(
    calledBy(name).map((callee) => [
      callee,
      addressOf(`${callee.toUpperCase()}_URL`, `${defaultOrigin(callee)}/graphql`),
    ]),
  );
  const SIGNING_KEY = source[`${prefix}_SIGNING_KEY`] || undefined;
  if (production && calledBy(name).length > 0 && !SIGNING_KEY) {
    problems.push(
      `${prefix}_SIGNING_KEY: required in production (this service calls ${calledBy(name).join(', ')} with a key of its own)`,
    );
  }
  if (problems.length || !parsed.success) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    ...parsed.data,
    name,
    GATEWAY_JWKS_URL,
    callerJwksUrls,
    serviceUrls,
    ...(SIGNING_KEY ? { SIGNING_KEY } : {}),
  };
}
