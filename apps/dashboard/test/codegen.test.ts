import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the generated types', () => {
  it('are what the operations and the committed supergraph give today (run pnpm codegen)', async () => {
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    const names = outputs.map((o) => o.filename.replace(ROOT, ''));
    expect(names).toContain('src/generated/graphql.ts');
    expect(names).toContain('src/generated/persisted-documents.json');
    for (const output of outputs) {
      const committed = await readFile(output.filename, 'utf8').catch(() => '(missing)');
      expect(
        committed,
        `${output.filename} is stale: run pnpm --filter @mutu/dashboard codegen`,
      ).toBe(output.content);
    }
  });

  it('give every operation a trusted-document hash, so none is sent as text', async () => {
    const manifest = JSON.parse(
      await readFile(new URL('../src/generated/persisted-documents.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const operations = Object.values(manifest).flatMap((doc) =>
      [...doc.matchAll(/\b(?:query|mutation) (\w+)/g)].map((m) => m[1]),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'NationalMap',
        'NationalLeague',
        'Province',
        'Government',
        'CycleProgress',
      ]),
    );
    for (const key of Object.keys(manifest)) expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
