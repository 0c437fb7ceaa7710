import { fileURLToPath } from 'node:url';
import { bundleImportsUnlisted } from '@mutu/service/testing';
import { describe, expect, it } from 'vitest';

describe('the server bundle', () => {
  it('lists in package.json every npm package it imports, workspace packages followed (pnpm start loads them from here)', async () => {
    expect(await bundleImportsUnlisted(fileURLToPath(new URL('..', import.meta.url)))).toEqual([]);
  });
});
