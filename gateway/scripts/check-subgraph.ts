// Checks a partner's candidate subgraph SDL against the graph as served:
//   pnpm --filter @mutu/gateway check-subgraph --name spbe --schema path/to/schema.graphql [--json]
// Exits 0 when it composes and breaks nothing, 1 otherwise, 2 on a usage error.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSubgraph, describeReport } from '../src/check.js';
import { loadSubgraphs, SUPERGRAPH_CONFIG, SUPERGRAPH_FILE } from '../src/compose.js';

const USAGE =
  'usage: check-subgraph --name <subgraph> --schema <file.graphql> [--url <routing url>] [--json]';

try {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      schema: { type: 'string' },
      url: { type: 'string', default: 'http://127.0.0.1:4999/graphql' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.name || !values.schema) {
    console.error(USAGE);
    process.exit(2);
  }
  // pnpm runs scripts in the package folder; paths are meant relative to where the user typed.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.schema);
  const report = checkSubgraph({
    current: await loadSubgraphs(SUPERGRAPH_CONFIG),
    currentSupergraphSdl: await readFile(SUPERGRAPH_FILE, 'utf8'),
    candidate: { name: values.name, url: values.url, sdl: await readFile(file, 'utf8') },
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : describeReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(`check-subgraph: ${(error as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
