import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertKey, ObjectMissing, type ObjectStore, type StoredObject } from './store.js';

/**
 * Objects as files under `root`, two hex digits of fan-out (`ab/abcdef...`). A file is copied
 * to a temporary name beside its place and renamed into it, so a reader never sees half of one.
 */
export function directoryStore(root: string): ObjectStore {
  const pathOf = (key: string) => {
    assertKey(key);
    return join(root, key.slice(0, 2), key);
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
  return {
    kind: 'filesystem',
    async putFile(key, path) {
      const target = pathOf(key);
      if (await exists(target)) return;
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomUUID()}.partial`;
      try {
        await copyFile(path, temporary);
        await rename(temporary, target);
      } finally {
        await rm(temporary, { force: true });
      }
    },
    has: async (key) => exists(pathOf(key)),
    async read(key) {
      const path = pathOf(key);
      if (!(await exists(path))) throw new ObjectMissing(key);
      return createReadStream(path);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(): AsyncGenerator<StoredObject> {
      let fans: string[];
      try {
        fans = await readdir(root);
      } catch (error) {
        if (missing(error)) return;
        throw error;
      }
      for (const fan of fans.filter((f) => /^[0-9a-f]{2}$/.test(f)).sort()) {
        for (const name of (await readdir(join(root, fan))).sort()) {
          if (!/^[0-9a-f]{64}$/.test(name)) continue;
          const info = await stat(join(root, fan, name)).catch(() => null);
          if (info) yield { key: name, size: info.size, modifiedAt: info.mtime };
        }
      }
    },
    async ping() {
      await mkdir(root, { recursive: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
