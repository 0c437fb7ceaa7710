import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { IDENTITY_HEADER } from '@mutu/server';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const configSchema = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string().regex(/^[a-z][a-z0-9_-]*$/, 'subgraph names are lowercase letters, digits, - and _'),
    z.object({
      routing_url: z.string().url(),
      // Where the SDL comes from: a file (relative to this config), a workspace package's
      // schema.graphql, or a running subgraph asked for `_service { sdl }` at compose time.
      schema: z.union([
        z.object({ file: z.string() }).strict(),
        z.object({ workspace: z.string() }).strict(),
        z.object({ subgraph_url: z.string().url() }).strict(),
      ]),
    }),
  ),
});

export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/**
 * A call token for asking a running subgraph for its SDL (`subgraph_url`), as the gateway
 * would ask it; without one, the request goes unsigned (a subgraph may answer `_service`
 * to anyone: its SDL is in the supergraph anyway).
 */
export type IntrospectionCredential = (subgraph: string) => Promise<string>;

/** Reads a rover-style supergraph.yaml and the SDL files it names (paths relative to it). */
export async function loadSubgraphs(
  configPath: string,
  options: { credential?: IntrospectionCredential } = {},
): Promise<SubgraphSource[]> {
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
      sdl: await readSdl(name, subgraph.schema, base, options.credential),
    })),
  );
}

type SchemaSource = { file: string } | { workspace: string } | { subgraph_url: string };

async function readSdl(
  name: string,
  source: SchemaSource,
  base: string,
  credential?: IntrospectionCredential,
): Promise<string> {
  if ('file' in source) return readFile(path.resolve(base, source.file), 'utf8');
  if ('workspace' in source) return readFile(await workspaceSchema(source.workspace), 'utf8');
  try {
    const response = await fetch(source.subgraph_url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential ? { [IDENTITY_HEADER]: await credential(name) } : {}),
      },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
    const sdl = body.data?._service?.sdl;
    if (!sdl) throw new Error('it answered without _service.sdl (is it a federation subgraph?)');
    return sdl;
  } catch (error) {
    throw new Error(
      `subgraph ${name}: could not introspect ${source.subgraph_url}: ${(error as Error).message}`,
    );
  }
}

/** The schema.graphql of the workspace package with this name (services/*, partners/*). */
async function workspaceSchema(packageName: string): Promise<string> {
  for (const folder of ['services', 'partners']) {
    const root = path.join(REPO_ROOT, folder);
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const manifest = path.join(root, entry.name, 'package.json');
      const pkg = JSON.parse(await readFile(manifest, 'utf8').catch(() => '{}')) as {
        name?: string;
      };
      if (pkg.name === packageName) return path.join(root, entry.name, 'schema.graphql');
    }
  }
  throw new Error(`no workspace package is named ${packageName}`);
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
const REPO_ROOT = path.resolve(GATEWAY_ROOT, '..');
export const SUPERGRAPH_CONFIG = path.join(GATEWAY_ROOT, 'supergraph.yaml');
export const SUPERGRAPH_FILE = path.join(GATEWAY_ROOT, 'supergraph.graphql');
