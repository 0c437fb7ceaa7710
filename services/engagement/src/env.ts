import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServiceEnv, type ServiceEnv } from '@mutu/service';

const serviceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Configuration, validated once; the only reader of process.env in this service. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServiceEnv {
  return parseServiceEnv(source, { name: 'engagement', serviceRoot });
}

export const MIGRATIONS_DIR = path.join(serviceRoot, 'prisma', 'migrations');
