import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/token.ts', import.meta.url));

/** `pnpm run token` as a person runs it, with the demo provider's key in a directory of its own. */
async function token(...args: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'mutu-token-'));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', SCRIPT, ...args],
    {
      env: { ...process.env, NODE_ENV: 'development', DEMO_IDP_KEY_FILE: join(dir, 'key.json') },
    },
  );
  return stdout.trim();
}

describe('pnpm run token', () => {
  it('signs a unit token naming the organisation it speaks for, and an assessor one its regions', async () => {
    expect(decodeJwt(await token('--role', 'unit', '--organisation', '17.71'))).toMatchObject({
      role: 'unit',
      organisation: '17.71',
      sub: 'demo-unit',
    });
    expect(decodeJwt(await token('--role', 'assessor', '--regions', '15,64.08'))).toMatchObject({
      role: 'assessor',
      regions: ['15', '64.08'],
    });
  });

  it('lists every role a person can hold', async () => {
    const printed = await token();
    expect(printed.split('\n').filter((l) => !l.startsWith(' '))).toEqual([
      'analyst:',
      'unit (64.08):',
      'assessor (64):',
      'admin:',
    ]);
  });
});
