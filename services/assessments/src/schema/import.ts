import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { exportResults, type ImportReport, importResults, type RowProblem } from '../import.js';
import { assertYear } from './cycle.js';
import { Framework } from './score-band.js';

/** Beyond this an import belongs in several files; it keeps one request's memory bounded. */
const MAX_CSV_BYTES = 12 * 1024 * 1024;

const ImportProblem = builder.objectRef<RowProblem>('ImportProblem').implement({
  description: 'Why one row (or the header) of an import was refused.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The line of the file; the header is line 1.' }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column at fault; null when the whole row or file is.',
    }),
    reason: t.exposeString('reason'),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description:
    'What an import did, or would do in a dry run. With any bad row nothing is written unless bad rows are skipped.',
  fields: (t) => ({
    rows: t.exposeInt('rows', { description: 'Data rows in the file.' }),
    created: t.exposeInt('created', { description: 'Results new to the graph.' }),
    corrected: t.exposeInt('corrected', {
      description: 'Published results whose value changed: recorded as new revisions.',
    }),
    unchanged: t.exposeInt('unchanged', { description: 'Rows already recorded exactly so.' }),
    skipped: t.exposeInt('skipped', { description: 'Bad rows left out (skipBadRows only).' }),
    cyclesCreated: t.exposeStringList('cyclesCreated'),
    problems: t.field({ type: [ImportProblem], resolve: (r) => r.problems }),
    committed: t.exposeBoolean('committed', { description: 'True when the changes were written.' }),
    dryRun: t.exposeBoolean('dryRun'),
  }),
});

builder.mutationField('importResults', (t) =>
  t.field({
    type: ImportReportRef,
    authScopes: { admin: true },
    description:
      'Loads published results from CSV: columns framework, year, organisation_id or region_code, score, optional source, note and component keys. All rows or none are written (unless skipBadRows); importing the same file twice changes nothing; a changed value becomes a new revision.',
    args: {
      csv: t.arg.string({ required: true, description: 'The file, UTF-8.' }),
      fileName: t.arg.string({ description: 'Named in sources and correction reasons.' }),
      dryRun: t.arg.boolean({ description: 'Check and report; write nothing.' }),
      skipBadRows: t.arg.boolean({ description: 'Write the good rows even if some are bad.' }),
      createCycles: t.arg.boolean({
        description: 'Create missing (framework, year) cycles as PUBLISHED instead of refusing.',
      }),
    },
    resolve: (_root, args, ctx) => {
      if (Buffer.byteLength(args.csv) > MAX_CSV_BYTES) {
        throw badUserInput('csv', `csv is over ${MAX_CSV_BYTES / 1024 / 1024} MB; split the file`);
      }
      return importResults(args.csv, {
        fileName: args.fileName?.trim() || 'a CSV import',
        actor: ctx.identity.sub,
        dryRun: args.dryRun ?? false,
        skipBadRows: args.skipBadRows ?? false,
        createCycles: args.createCycles ?? false,
      });
    },
  }),
);

builder.queryField('publishedResultsCsv', (t) =>
  t.string({
    description:
      "Current published results as CSV in importResults' format (components where a subject was scored as a whole).",
    args: { framework: t.arg({ type: Framework }), year: t.arg.int() },
    resolve: (_root, { framework, year }) => {
      if (year != null) assertYear(year);
      return exportResults({ framework: framework ?? undefined, year: year ?? undefined });
    },
  }),
);
