import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertKey, ObjectMissing, type ObjectStore, type StoredObject } from './store.js';

export interface S3Settings {
  readonly bucket: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's); AWS's own when omitted. */
  readonly endpoint?: string;
  readonly region: string;
  /** Keys under this prefix, e.g. "evidence/". */
  readonly prefix: string;
  /** Path-style URLs (bucket in the path), as most S3-compatible servers need. */
  readonly forcePathStyle: boolean;
  /** Omitted: the AWS SDK's own chain (environment, instance role). */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Objects in one bucket of any S3-compatible store (@aws-sdk/client-s3). */
export function s3Store(settings: S3Settings): ObjectStore & { destroy(): void } {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where the operation needs one: the SDK's default (aws-chunked bodies with
    // trailing CRC32) is not understood by many S3-compatible servers. PutObject sends its own.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (key: string) => {
    assertKey(key);
    return `${settings.prefix}${key}`;
  };
  const absent = (error: unknown) =>
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
  async function has(key: string) {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) }));
      return true;
    } catch (error) {
      if (absent(error)) return false;
      throw error;
    }
  }
  return {
    kind: 's3',
    async putFile(key, path, { size, mediaType }) {
      if (await has(key)) return;
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(key),
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: mediaType,
          // The store checks the bytes it received against the hash the key is.
          ChecksumSHA256: Buffer.from(key, 'hex').toString('base64'),
        }),
      );
    },
    has,
    async read(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        return answer.Body as Readable;
      } catch (error) {
        if (absent(error)) throw new ObjectMissing(key);
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async *list(): AsyncGenerator<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: settings.prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(settings.prefix.length) ?? '';
          if (!/^[0-9a-f]{64}$/.test(key)) continue;
          yield { key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    destroy: () => client.destroy(),
  };
}
