import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `prisma generate`, offline. The CLI looks for its native schema engine before any command
 * and tries to download it; generation never runs that engine, so pointing the variable at
 * any executable (this Node) lets the CLI proceed without the network.
 */
export function generateClient(schemaPath: string, cwd: string): number {
  const cli = require.resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPath], {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  return result.status ?? 1;
}
