import type { Readable } from 'node:stream';

/** One stored object, as a sweep sees it. */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/**
 * Where files live. Keys are sha256 hex digests of the content, so a file stored twice is
 * stored once, and what is read back can be checked against its key.
 */
export interface ObjectStore {
  /** "filesystem" or "s3", for logs and the readiness probe. */
  readonly kind: string;
  /** Stores the file at `path` under `key`, replacing nothing: the bytes under a key never change. */
  putFile(key: string, path: string, meta: { size: number; mediaType: string }): Promise<void>;
  has(key: string): Promise<boolean>;
  /** The object's bytes; ObjectMissing when there is none. */
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
  /** Whether the store answers, for /readyz. */
  ping(): Promise<void>;
}

export class ObjectMissing extends Error {
  override readonly name = 'ObjectMissing';
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Keys are content hashes; anything else is a programming error, refused before any I/O. */
export function assertKey(key: string): void {
  if (!SHA256.test(key)) throw new Error(`An object key is a sha256 hex digest, got "${key}"`);
}

/** The store did not answer (down, unreachable, refusing): nothing was stored or read. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
  constructor(
    readonly kind: string,
    override readonly cause: unknown,
  ) {
    super(`The ${kind} object store does not answer`);
  }
}

/**
 * The same store, its failures said as StoreUnavailable (ObjectMissing stays what it is), so a
 * caller tells "the store is away" from a bug without knowing the SDK's or the file system's
 * own errors.
 */
export function reachable(store: ObjectStore): ObjectStore {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ObjectMissing || error instanceof StoreUnavailable) throw error;
      throw new StoreUnavailable(store.kind, error);
    }
  };
  return {
    kind: store.kind,
    putFile: (key, path, meta) => guard(() => store.putFile(key, path, meta)),
    has: (key) => guard(() => store.has(key)),
    read: (key) => guard(() => store.read(key)),
    remove: (key) => guard(() => store.remove(key)),
    async *list() {
      try {
        yield* store.list();
      } catch (error) {
        throw new StoreUnavailable(store.kind, error);
      }
    },
    ping: () => guard(() => store.ping()),
  };
}
