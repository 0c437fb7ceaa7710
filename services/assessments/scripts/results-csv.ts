// Imports published results from CSV through the running gateway (its /imports/results upload
// route), or exports them (GraphQL). It never touches SQL, so it works while the platform runs
// on its embedded database and goes through the same checks (sign-in, the register, the
// scales, all-or-nothing) as the graph.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../src/import/commands.js';

const USAGE = `usage:
  results import <file.csv> [--dry-run] [--skip-bad-rows] [--create-cycles] [--json]
  results export [--framework IPP] [--year 2024] [--out results.csv]
options: --url (default $MUTU_GRAPHQL_URL or http://127.0.0.1:4000/graphql, the gateway),
  --token (default $MUTU_TOKEN; importing needs an administrator's token, see pnpm run token)
columns: framework, year, organisation_id or region_code, score; optional source, note and
component keys (e.g. kebijakan, sdm, ... for IPP). Exit status: 0 done, 1 rows refused, 2 usage
or connection error.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    'skip-bad-rows': { type: 'boolean', default: false },
    'create-cycles': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    framework: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    url: {
      type: 'string',
      default: process.env.MUTU_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql',
    },
    token: { type: 'string', default: process.env.MUTU_TOKEN },
    help: { type: 'boolean', default: false },
  },
});

// pnpm runs scripts in the package folder; paths are meant relative to where the user typed.
const here = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(values.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(values.token ? { authorization: `Bearer ${values.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  }
  return body.data;
}

/** Sends the file to the gateway's upload route, which streams it to the assessments subgraph. */
async function upload(file: string): Promise<ImportReport> {
  const params = new URLSearchParams({
    fileName: path.basename(file),
    dryRun: String(values['dry-run']),
    skipBadRows: String(values['skip-bad-rows']),
    createCycles: String(values['create-cycles']),
  });
  const response = await fetch(new URL(`/imports/results?${params}`, values.url), {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      ...(values.token ? { authorization: `Bearer ${values.token}` } : {}),
    },
    body: await readFile(here(file)),
  });
  const body = (await response.json()) as ImportReport & { errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  }
  return body;
}

async function runImport(file: string): Promise<number> {
  const report = await upload(file);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const p of report.problems) {
      console.log(`row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`);
    }
    const verb = report.dryRun ? 'would be' : report.committed ? 'were' : 'would have been';
    console.log(
      `${report.rows} rows: ${report.created} created, ${report.corrected} corrected (new revisions), ${report.unchanged} unchanged ${verb} so; ${report.problems.length} problem(s), ${report.skipped} row(s) skipped${report.cyclesCreated.length ? `; cycles created: ${report.cyclesCreated.join(', ')}` : ''}`,
    );
    if (!report.committed && !report.dryRun) console.log('Nothing was written.');
    if (report.dryRun) console.log('Dry run: nothing was written.');
  }
  return report.problems.length && !report.committed ? 1 : 0;
}

async function runExport(): Promise<number> {
  const year = values.year === undefined ? undefined : Number(values.year);
  const { publishedResultsCsv: csv } = await call<{ publishedResultsCsv: string }>(
    'query($framework: Framework, $year: Int) { publishedResultsCsv(framework: $framework, year: $year) }',
    { framework: values.framework?.toUpperCase(), year },
  );
  if (values.out) await writeFile(here(values.out), csv);
  else process.stdout.write(csv);
  return 0;
}

const [command, file] = positionals;
try {
  if (values.help) {
    console.log(USAGE);
    process.exitCode = 0;
  } else if (command === 'import' && file) {
    process.exitCode = await runImport(file);
  } else if (command === 'export') {
    process.exitCode = await runExport();
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`results ${command ?? ''}: ${(e as Error).message}`);
  process.exitCode = 2;
}
