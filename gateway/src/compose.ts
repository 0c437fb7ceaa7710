import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const configSchema = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string().regex(/^[a-z][a-z0-9_-]*$/, 'subgraph names are lowercase letters, digits, - and _'),
    z.object({
      routing_url: z.string().url(),
      schema: z.object({ file: z.string() }),
    }),
  ),
});

export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/** Reads a rover-style supergraph.yaml and the SDL files it names (paths relative to it). */
export async function loadSubgraphs(configPath: string): Promise<SubgraphSource[]> {
  const parsed = configSchema.safeParse(parseYaml(await readFile(configPath, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${configPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const base = path.dirname(configPath);
  return Promise.all(
    Object.entries(parsed.data.subgraphs).map(async ([name, subgraph]) => ({
      name,
      url: subgraph.routing_url,
      sdl: await readFile(path.resolve(base, subgraph.schema.file), 'utf8'),
    })),
  );
}

export type Composition = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** Composes subgraphs in-process with Apollo's own composition library (no rover binary). */
export function compose(subgraphs: readonly SubgraphSource[]): Composition {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

export const GATEWAY_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SUPERGRAPH_CONFIG = path.join(GATEWAY_ROOT, 'supergraph.yaml');
export const SUPERGRAPH_FILE = path.join(GATEWAY_ROOT, 'supergraph.graphql');
