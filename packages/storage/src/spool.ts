import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';

/** An upload written to a temporary file while it arrived, with what its bytes say. */
export interface Spooled {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The media type read from the bytes (file-type's magic numbers); null when unknown. */
  readonly sniffed: { mime: string; ext: string } | null;
  /** Removes the temporary file; safe to call twice. */
  discard(): Promise<void>;
}

export class TooLarge extends Error {
  override readonly name = 'TooLarge';
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes`);
  }
}

/**
 * Streams `input` to a temporary file, hashing and counting as it goes, and stops at `maxBytes`
 * (TooLarge, nothing left behind). Memory stays flat whatever the size; the bytes are then
 * sniffed for their type, never trusting a name or a declared type.
 */
export async function spool(
  input: Readable,
  options: { maxBytes: number; dir?: string },
): Promise<Spooled> {
  const dir = options.dir ?? join(tmpdir(), 'mutu-uploads');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const discard = () => rm(path, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      input,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > options.maxBytes) throw new TooLarge(options.maxBytes);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    const type = size > 0 ? await fileTypeFromFile(path) : undefined;
    return {
      path,
      size,
      sha256: hash.digest('hex'),
      sniffed: type ? { mime: type.mime, ext: type.ext } : null,
      discard,
    };
  } catch (error) {
    await discard();
    throw error;
  }
}
