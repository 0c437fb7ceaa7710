import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

// Node has WebAssembly, but without the DOM lib TypeScript knows only this much of it.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
    };
  }
).WebAssembly;

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bindings: Promise<Bindings> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly: the same migration logic as `prisma migrate
 * deploy`, without the native binary the CLI downloads on first use (which fails offline).
 * Its package is built for bundlers, so we instantiate the module ourselves.
 */
async function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue: Bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = require
      .resolve('@prisma/schema-engine-wasm/schema_engine_bg')
      .replace(/\.js$/, '.wasm');
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': glue,
    });
    const exports = instance.exports as { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return glue;
  })();
  return bindings;
}

export interface OpenEngine {
  readonly engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (PGlite serves one at a time). */
  close(): Promise<void>;
  /** The engine's error with the database driver's own message put back in. */
  explain(error: unknown): Error;
}

export async function openSchemaEngine(
  adapter: PrismaPg,
  log?: (line: string) => void,
): Promise<OpenEngine> {
  const glue = await loadBindings();
  const opened: SqlDriverAdapter[] = [];
  const tracking = {
    provider: 'postgres' as const,
    adapterName: adapter.adapterName,
    connect: async () => {
      const connection = await adapter.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: () => adapter.connectToShadowDb(),
  };
  // The engine expects Prisma's error-capturing wrapper, as the query engine does.
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const engine = await glue.SchemaEngine.new(
    { datamodels: undefined },
    (line: string) => log?.(line),
    bound,
  );
  return {
    engine,
    explain(error: unknown): Error {
      // Driver errors reach us as "External error id#N"; the registry keeps the real one.
      const message = error instanceof Error ? error.message : String(error);
      const id = /External error id#(\d+)/.exec(message)?.[1];
      const record = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id));
      if (!record) return error instanceof Error ? error : new Error(message);
      const cause = record.error as { message?: string; originalMessage?: string; kind?: string };
      return new Error(
        `${message.split('\n')[0]}: ${cause.originalMessage ?? cause.message ?? cause.kind ?? JSON.stringify(cause)}`,
      );
    },
    async close() {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
    },
  };
}
