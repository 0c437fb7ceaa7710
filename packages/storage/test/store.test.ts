import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directoryStore,
  ObjectMissing,
  type ObjectStore,
  s3Store,
  spool,
  TooLarge,
} from '../src/index.js';
import { startTestS3, type TestS3 } from '../src/testing.js';

let work: string;
let s3: TestS3;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mutu-storage-test-'));
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
  await rm(work, { recursive: true, force: true });
});

const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

/** A 1x1 PNG: the bytes a sniffer must recognise whatever the file is called. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('spool', () => {
  it('hashes, counts and sniffs what arrives, from the bytes', async () => {
    const spooled = await spool(Readable.from([PNG.subarray(0, 10), PNG.subarray(10)]), {
      maxBytes: 1_000,
      dir: work,
    });
    expect(spooled).toMatchObject({
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      sniffed: { mime: 'image/png', ext: 'png' },
    });
    await spooled.discard();
  });

  it('stops at the limit and leaves no temporary file behind', async () => {
    const dir = join(work, 'limited');
    await expect(
      spool(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1_000, dir }),
    ).rejects.toBeInstanceOf(TooLarge);
    expect(await readdir(dir)).toEqual([]);
  });

  it('knows no type for plain text or an empty body', async () => {
    const plain = await spool(Readable.from([Buffer.from('just words')]), {
      maxBytes: 100,
      dir: work,
    });
    expect(plain.sniffed).toBeNull();
    const empty = await spool(Readable.from([]), { maxBytes: 100, dir: work });
    expect(empty).toMatchObject({ size: 0, sniffed: null });
    await plain.discard();
    await empty.discard();
  });
});

const stores: [string, () => ObjectStore][] = [
  ['a directory', () => directoryStore(join(work, 'objects'))],
  [
    'an S3 API (s3rver)',
    () =>
      s3Store({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        prefix: 'evidence/',
        forcePathStyle: true,
        credentials: s3.credentials,
      }),
  ],
];

describe.each(stores)('an object store in %s', (_name, make) => {
  it('stores by content hash, reads back, lists and removes', async () => {
    const store = make();
    await store.ping();
    const bytes = `bukti dukung ${Math.random()}`;
    const file = join(work, `${sha(bytes)}.src`);
    await writeFile(file, bytes);
    const key = sha(bytes);
    expect(await store.has(key)).toBe(false);
    await store.putFile(key, file, { size: bytes.length, mediaType: 'text/plain' });
    // Storing the same bytes again is a no-op, not an error.
    await store.putFile(key, file, { size: bytes.length, mediaType: 'text/plain' });
    expect(await store.has(key)).toBe(true);
    expect(await text(await store.read(key))).toBe(bytes);
    const listed = [];
    for await (const object of store.list()) listed.push(object);
    expect(listed.find((o) => o.key === key)).toMatchObject({ size: bytes.length });
    await store.remove(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.read(key)).rejects.toBeInstanceOf(ObjectMissing);
  });

  it('refuses a key that is not a content hash before any I/O', async () => {
    await expect(make().has('../../etc/passwd')).rejects.toThrow(/sha256/);
  });
});
