import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSpbeSubgraph } from '@kemenpanrb/spbe-subgraph';
import { generateSigningKey, jwksOf, PUBLIC } from '@mutu/server';
import { describe, expect, it } from 'vitest';
import { subgraphCredentials } from '../src/call-tokens.js';
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

  it('reads a subgraph SDL from a running subgraph (subgraph_url) as well as from files', async () => {
    const key = await generateSigningKey();
    const partner = await startSpbeSubgraph({ port: 0, gatewayKeys: jwksOf(key) });
    const credentials = subgraphCredentials(key, new Set());
    const credential = (name: string) => credentials(PUBLIC, name);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mutu-compose-'));
    try {
      const config = path.join(dir, 'supergraph.yaml');
      await writeFile(
        config,
        `subgraphs:
  organisations:
    routing_url: http://127.0.0.1:4001/graphql
    schema: { workspace: '@mutu/organisations' }
  spbe:
    routing_url: http://127.0.0.1:4010/graphql
    schema: { subgraph_url: ${partner.url} }
`,
      );
      // The partner answers the gateway only: unsigned, it refuses; with a call token, it answers.
      await expect(loadSubgraphs(config)).rejects.toThrow(/could not introspect/);
      const subgraphs = await loadSubgraphs(config, { credential });
      expect(subgraphs.map((s) => s.name)).toEqual(['organisations', 'spbe']);
      expect(subgraphs[1]?.sdl).toContain('type SpbeResult');
      const result = compose(subgraphs);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.supergraphSdl).toContain('spbe: [SpbeResult!]');

      await writeFile(
        config,
        'subgraphs:\n  spbe:\n    routing_url: http://127.0.0.1:4010/graphql\n    schema: { subgraph_url: "http://127.0.0.1:9/graphql" }\n',
      );
      await expect(loadSubgraphs(config, { credential })).rejects.toThrow(
        /subgraph spbe: could not introspect/,
      );
    } finally {
      await partner.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
