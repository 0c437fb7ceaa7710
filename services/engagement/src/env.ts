import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrganisationsUrl, parseServiceEnv, type ServiceEnv } from '@mutu/service';

const serviceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface EngagementEnv extends ServiceEnv {
  /** The organisations subgraph, asked at write time whether parties and recipients exist. */
  ORGANISATIONS_URL: string;
}

/** Configuration, validated once; the only reader of process.env in this service. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): EngagementEnv {
  const base = parseServiceEnv(source, { name: 'engagement', port: 4003, serviceRoot });
  return { ...base, ORGANISATIONS_URL: parseOrganisationsUrl(source) };
}

export const MIGRATIONS_DIR = path.join(serviceRoot, 'prisma', 'migrations');
