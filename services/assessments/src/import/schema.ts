import { builder } from '../builder.js';
import { assertYear } from '../inputs.js';
import { Framework } from '../refs.js';
import { exportResults } from './commands.js';

builder.queryField('publishedResultsCsv', (t) =>
  t.string({
    description:
      'Current published results as CSV in the format POST /imports/results takes (components where a subject was scored as a whole).',
    args: { framework: t.arg({ type: Framework }), year: t.arg.int() },
    resolve: (_root, { framework, year }) => {
      if (year != null) assertYear(year);
      return exportResults({ framework: framework ?? undefined, year: year ?? undefined });
    },
  }),
);
