import { directoryStore } from './filesystem.js';
import { s3Store } from './s3.js';
import type { ObjectStore } from './store.js';

/**
 * The store a service's settings name: `<PREFIX>_STORAGE=filesystem` (the default, in
 * `<PREFIX>_STORAGE_DIR`, else `defaultDir`) or `s3` (`<PREFIX>_S3_BUCKET`, `_S3_ENDPOINT`,
 * `_S3_REGION`, `_S3_PREFIX`, `_S3_FORCE_PATH_STYLE`; credentials from `_S3_ACCESS_KEY_ID` and
 * `_S3_SECRET_ACCESS_KEY`, or the AWS SDK's own chain). Nothing has a default credential.
 */
export function objectStoreFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  prefix: string,
  defaultDir: string,
): ObjectStore {
  const get = (name: string) => env[`${prefix}_${name}`]?.trim() || undefined;
  const kind = get('STORAGE') ?? 'filesystem';
  if (kind === 'filesystem') return directoryStore(get('STORAGE_DIR') ?? defaultDir);
  if (kind !== 's3') {
    throw new Error(`${prefix}_STORAGE must be "filesystem" or "s3", got "${kind}"`);
  }
  const bucket = get('S3_BUCKET');
  if (!bucket) throw new Error(`${prefix}_STORAGE=s3 needs ${prefix}_S3_BUCKET`);
  const accessKeyId = get('S3_ACCESS_KEY_ID');
  const secretAccessKey = get('S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      `Give both ${prefix}_S3_ACCESS_KEY_ID and ${prefix}_S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's own chain)`,
    );
  }
  return s3Store({
    bucket,
    endpoint: get('S3_ENDPOINT'),
    region: get('S3_REGION') ?? 'us-east-1',
    prefix: get('S3_PREFIX') ?? '',
    forcePathStyle: (get('S3_FORCE_PATH_STYLE') ?? 'true') === 'true',
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  });
}
