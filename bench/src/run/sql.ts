import { parseArgs } from 'node:util';
import pg from 'pg';
import { demoBearer, discover } from './discover.js';
import { type Operation, operations, seeded } from './operations.js';
import { startGateway, startSubgraphs } from './platform.js';

/**
 * The SQL census (`pnpm bench:sql`): what each public operation of the benchmark costs the
 * subgraphs behind Mutu's gateway with every cache off, per request, and the statements behind
 * that count, grouped by shape (values and parameter numbers masked) with how often each one ran.
 * It is how the benchmark's "SQL/req" column is read apart, to find the statements worth saving.
 * With --explain, each shape's first statement is run again under EXPLAIN ANALYZE with its own
 * parameters on the subgraph's database: its execution time, and any sequential scan, which on
 * the national data means a missing index.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '20' },
    operations: {
      type: 'string',
      default: 'contract,provinceRanking,nationalRanking,page,worklist',
    },
    explain: { type: 'boolean', default: false },
  },
});

/** Each subgraph's database, as `pnpm start` finds it; EXPLAIN needs a server, not PGlite. */
const databaseOf = (subgraph: string) =>
  process.env[`${subgraph.toUpperCase()}_DATABASE_URL`] ?? process.env.DATABASE_URL;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/** The plan of one statement: its execution time, the indexes it used, its sequential scans. */
async function explain(url: string, statement: string) {
  const [sql = '', params = '[]'] = statement.split(' -- params ');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      JSON.parse(params) as unknown[],
    );
    const [plan] = rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[];
    const indexes = new Set<string>();
    const scans = new Set<string>();
    const walk = (node: PlanNode) => {
      if (node['Index Name']) indexes.add(node['Index Name']);
      if (node['Node Type'] === 'Seq Scan')
        scans.add(`${node['Relation Name']} (${node['Actual Rows']} rows)`);
      for (const child of node.Plans ?? []) walk(child);
    };
    if (plan) walk(plan.Plan);
    return `${plan?.['Execution Time'].toFixed(2)} ms; indexes ${[...indexes].join(', ') || 'none'}${scans.size ? `; SEQUENTIAL SCAN of ${[...scans].join(', ')}` : ''}`;
  } catch (error) {
    return `not explained (${(error as Error).message})`;
  } finally {
    await client.end();
  }
}
const perOperation = Number(args.requests);

const shape = (statement: string) =>
  (statement.split(' -- params ')[0] ?? '')
    .replace(/\$\d+/g, '$n')
    .replace(/'[^']*'/g, "'…'")
    .replace(/(\$n,\s*)+\$n/g, '$n…')
    .replace(/\s+/g, ' ')
    .slice(0, 220);

const subgraphs = await startSubgraphs({ env: { MUTU_SQL_LOG: '1', PUBLISHED_CACHE: 'false' } });
try {
  const gateway = await startGateway('mutu', subgraphs, { caches: false });
  try {
    const data = await discover(gateway.graphql);
    const ops = operations(data);
    const assessor = await demoBearer(data.provinces);
    for (const p of subgraphs.processes) p.takeStatements();
    for (const key of args.operations.split(',')) {
      const op = ops[key] as Operation | undefined;
      if (!op) throw new Error(`No operation "${key}"; there are ${Object.keys(ops).join(', ')}`);
      const random = seeded(11);
      const before = subgraphs.processes.map((p) => p.served().requests);
      for (let i = 0; i < perOperation; i += 1) {
        await fetch(gateway.graphql, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(op.public ? {} : { authorization: assessor }),
          },
          body: op.body(random),
        });
      }
      // Request lines are written asynchronously: let the last ones arrive.
      await new Promise((r) => setTimeout(r, 500));
      console.log(`\n${op.name}: ${perOperation} requests`);
      for (const [i, p] of subgraphs.processes.entries()) {
        const statements = p.takeStatements();
        const calls = p.served().requests - (before[i] ?? 0);
        console.log(
          `  ${p.name}: ${(calls / perOperation).toFixed(2)} calls and ${(statements.length / perOperation).toFixed(2)} statements per request`,
        );
        const counts = new Map<string, { n: number; first: string }>();
        for (const s of statements) {
          const seen = counts.get(shape(s));
          counts.set(shape(s), { n: (seen?.n ?? 0) + 1, first: seen?.first ?? s });
        }
        for (const [s, { n, first }] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
          console.log(`    ${(n / perOperation).toFixed(2)}  ${s}`);
          const url = databaseOf(p.name);
          if (args.explain && url) console.log(`          ${await explain(url, first)}`);
        }
      }
    }
  } finally {
    await gateway.stop();
  }
} finally {
  await subgraphs.stop();
}
