import path from 'node:path';
import { loadEnv as assessmentsEnv } from '@mutu/assessments/env';
import { service as assessments } from '@mutu/assessments/service';
import { applyMigrations, type Database, openDatabase } from '@mutu/db';
import { loadEnv as engagementEnv } from '@mutu/engagement/env';
import { service as engagement } from '@mutu/engagement/service';
import { loadEnv as organisationsEnv } from '@mutu/organisations/env';
import { service as organisations } from '@mutu/organisations/service';
import pg from 'pg';

export type ServiceName = 'organisations' | 'assessments' | 'engagement';
export const SERVICES: readonly ServiceName[] = ['organisations', 'assessments', 'engagement'];

/** Where one service's data lives: a URL, or an embedded PGlite in a directory. */
export interface Target {
  readonly url?: string;
  readonly dataDir: string;
}

/**
 * Each service's database exactly as `pnpm start` resolves it (packages/service/src/env.ts):
 * `<NAME>_DATABASE_URL`, else `DATABASE_URL`, else PGlite in the service's DATA_DIR. `dataRoot`
 * (the CLI's --data-dir) puts the three embedded databases under one directory instead, since
 * DATA_DIR alone is shared by every service and would put them in one place.
 */
export function targetsFromEnv(
  source: NodeJS.ProcessEnv = process.env,
  dataRoot?: string,
): Record<ServiceName, Target> {
  const envs = {
    organisations: organisationsEnv(source),
    assessments: assessmentsEnv(source),
    engagement: engagementEnv(source),
  };
  return Object.fromEntries(
    SERVICES.map((name) => [
      name,
      {
        url: envs[name].DATABASE_URL,
        dataDir: dataRoot ? path.join(dataRoot, name) : envs[name].DATA_DIR,
      },
    ]),
  ) as Record<ServiceName, Target>;
}

/** Each service as its own start-up sees it: migrations, connection, demo seed. */
const DEFINITIONS = { organisations, assessments, engagement } as const;

export const MIGRATIONS: Record<ServiceName, string> = {
  organisations: organisations.migrationsDir,
  assessments: assessments.migrationsDir,
  engagement: engagement.migrationsDir,
};

/** Runs a service's own seed through its own Prisma client, as its start-up does. */
async function seedService(name: ServiceName, url: string): Promise<string> {
  // PGlite serves one connection: the seed's client is closed before the generator's opens.
  const definition = DEFINITIONS[name];
  definition.connect(url, { max: 1 });
  try {
    return (await definition.seed?.()) ?? 'no seed';
  } finally {
    await definition.disconnect();
  }
}

export interface OpenTarget {
  readonly name: ServiceName;
  readonly database: Database;
  readonly client: pg.Client;
  /** What migrating and seeding did, for the report. */
  readonly prepared: string;
  close(): Promise<void>;
}

/** Opens, migrates and seeds one service's database, then opens the one `pg` connection. */
export async function openTarget(name: ServiceName, target: Target): Promise<OpenTarget> {
  const database = await openDatabase({ url: target.url, dataDir: target.dataDir });
  try {
    const applied = await applyMigrations(database.url, MIGRATIONS[name]);
    const seeded = await seedService(name, database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return {
      name,
      database,
      client,
      prepared: `${applied.length} migrations applied; ${seeded}`,
      async close() {
        await client.end();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Where a target is, for the log: a URL without its password, or the embedded directory. */
export function describeTarget(target: Target): string {
  if (!target.url) return `embedded PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  url.password = '';
  return url.toString();
}
