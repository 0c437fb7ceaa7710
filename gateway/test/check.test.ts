import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type ASTVisitor,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  print,
  visit,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSubgraph, describeReport } from '../src/check.js';
import {
  loadSubgraphs,
  SUPERGRAPH_CONFIG,
  SUPERGRAPH_FILE,
  type SubgraphSource,
} from '../src/compose.js';

let current: SubgraphSource[];
let currentSupergraphSdl: string;
beforeAll(async () => {
  current = await loadSubgraphs(SUPERGRAPH_CONFIG);
  currentSupergraphSdl = await readFile(SUPERGRAPH_FILE, 'utf8');
});

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@external", "@extends"])`;

const partner = (sdl: string): SubgraphSource => ({
  name: 'spbe-check',
  url: 'http://127.0.0.1:4999/graphql',
  sdl: `${LINK}\n${sdl}`,
});

/** A subgraph's committed SDL with some edits applied to its syntax tree. */
function edited(name: string, edit: ASTVisitor): SubgraphSource {
  const subgraph = current.find((s) => s.name === name);
  if (!subgraph) throw new Error(`no subgraph ${name}`);
  return { ...subgraph, sdl: print(visit(parse(subgraph.sdl), edit)) };
}

describe('partner subgraph check', () => {
  it('passes a partner that only adds: it composes and breaks nothing', () => {
    const report = checkSubgraph({
      current,
      currentSupergraphSdl,
      candidate: partner(`
        type Organisation @key(fields: "id") @extends { id: ID! @external spbeCheck: [SpbeCheckResult!] }
        type SpbeCheckResult { year: Int! index: Float! }
        type Query { spbeCheckYears: [Int!]! }`),
    });
    expect(report).toMatchObject({ composes: true, breaking: [], ok: true });
    expect(describeReport(report)).toContain('Result: may go live.');
  });

  it('reports a composition error in plain words and is not ready', () => {
    const report = checkSubgraph({
      current,
      currentSupergraphSdl,
      candidate: partner(`type Province @key(fields: "code") { code: ID! name: Int! }`),
    });
    expect(report.composes).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.compositionErrors.join('\n')).toMatch(/Province\.name/);
    expect(describeReport(report)).toContain('does not compose');
  });

  it('names the breaking changes of a changed subgraph', () => {
    const region = (
      parse('type T { f(region: String!): Int }').definitions[0] as unknown as {
        fields: FieldDefinitionNode[];
      }
    ).fields[0]?.arguments?.[0] as InputValueDefinitionNode;
    // Organisation.awards removed, Award.title retyped, a required argument added to
    // expiringAgreements, EventKind.BIMTEK removed.
    const candidate = edited('engagement', {
      FieldDefinition: {
        enter(node, _key, _parent, _path, ancestors) {
          const owner = ancestors.at(-1) as { name?: { value: string } } | undefined;
          if (owner?.name?.value === 'Organisation' && node.name.value === 'awards') return null;
          if (owner?.name?.value === 'Award' && node.name.value === 'title') {
            return {
              ...node,
              type: {
                kind: Kind.NON_NULL_TYPE,
                type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } },
              },
            };
          }
          if (node.name.value === 'expiringAgreements') {
            return { ...node, arguments: [...(node.arguments ?? []), region] };
          }
          return undefined;
        },
      },
      EnumValueDefinition: {
        enter(node) {
          return node.name.value === 'BIMTEK' ? null : undefined;
        },
      },
    });
    const report = checkSubgraph({ current, currentSupergraphSdl, candidate });
    expect(report.composes).toBe(true);
    expect(report.ok).toBe(false);
    const descriptions = report.breaking.map((c) => c.description);
    expect(descriptions).toContain('Organisation.awards was removed.');
    expect(descriptions).toContain('BIMTEK was removed from enum type EventKind.');
    expect(descriptions).toContain('A required arg region on Query.expiringAgreements was added.');
    expect(descriptions).toContain('Award.title changed type from String! to Int!.');
    expect(describeReport(report)).toContain('It would break existing clients (4)');
  });
});

describe('check-subgraph command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'mutu-check-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const run = async (file: string, ...flags: string[]) => {
    const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');
    const script = path.resolve(import.meta.dirname, '../scripts/check-subgraph.ts');
    return promisify(execFile)(tsx, [
      script,
      '--name',
      'spbe-check',
      '--schema',
      file,
      ...flags,
    ]).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  };

  it('exits 0 for a compatible SDL and 1 for a breaking one, with a JSON report on request', async () => {
    const good = path.join(dir, 'good.graphql');
    await writeFile(
      good,
      `${LINK}\ntype Organisation @key(fields: "id") @extends { id: ID! @external spbeCheck: Float }`,
    );
    const ok = await run(good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('may go live');

    const bad = path.join(dir, 'bad.graphql');
    await writeFile(bad, `${LINK}\ntype Province @key(fields: "code") { code: ID! name: Int! }`);
    const refused = await run(bad, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ composes: false, ok: false });
  }, 60_000);
});
