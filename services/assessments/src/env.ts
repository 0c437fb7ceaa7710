import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServiceEnv, type ServiceEnv } from '@mutu/service';
import { z } from 'zod';

const serviceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AssessmentsEnv extends ServiceEnv {
  /** The organisations subgraph, asked at write time whether subjects and units exist. */
  ORGANISATIONS_URL: string;
}

const ORGANISATIONS_URL = z.string().url().default('http://127.0.0.1:4001/graphql');

/** Configuration, validated once; the only reader of process.env in this service. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AssessmentsEnv {
  const base = parseServiceEnv(source, { name: 'assessments', port: 4002, serviceRoot });
  const url = ORGANISATIONS_URL.safeParse(source.ORGANISATIONS_URL);
  if (!url.success) {
    throw new Error(`Invalid configuration: ORGANISATIONS_URL: ${url.error.issues[0]?.message}`);
  }
  return { ...base, ORGANISATIONS_URL: url.data };
}

export const MIGRATIONS_DIR = path.join(serviceRoot, 'prisma', 'migrations');
