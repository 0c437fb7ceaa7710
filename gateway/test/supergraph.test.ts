import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compose, loadSubgraphs, SUPERGRAPH_CONFIG, SUPERGRAPH_FILE } from '../src/compose.js';

describe('supergraph', () => {
  it('the committed supergraph.graphql is what supergraph.yaml composes to (run `pnpm compose`)', async () => {
    const result = compose(await loadSubgraphs(SUPERGRAPH_CONFIG));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.supergraphSdl).toBe(await readFile(SUPERGRAPH_FILE, 'utf8'));
  });

  it('composition errors are reported, not written', async () => {
    const subgraphs = await loadSubgraphs(SUPERGRAPH_CONFIG);
    const clash = {
      name: 'partner',
      url: 'http://127.0.0.1:4999/graphql',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
            type Province @key(fields: "code") { code: ID! name: Int! }`,
    };
    const result = compose([...subgraphs, clash]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/Province\.name/);
  });
});
