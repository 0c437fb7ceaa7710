import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';

/**
 * Serves the supergraph file and follows it: when the file changes (written in place or
 * replaced, as `pnpm compose` and editors do), the gateway swaps to the new supergraph.
 * Requests under way finish on the schema they started with; new ones get the new schema. A
 * file that does not load is reported and the running supergraph is kept.
 */
export function supergraphFile(
  file: string,
  log: (message: string) => void = console.log,
): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = await readFile(file, 'utf8');
    let current = initial;
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        const next = await readFile(file, 'utf8');
        if (next === current) return;
        update(next);
        current = next;
        log(`gateway: reloaded ${file}`);
      } catch (error) {
        log(
          `gateway: kept the running supergraph; ${file} did not load: ${(error as Error).message}`,
        );
      }
    };
    // Watching the folder sees a file replaced by rename, which a watch on the file misses.
    const watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 100);
    });
    return {
      supergraphSdl: initial,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
