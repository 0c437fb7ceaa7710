import { parseArgs } from 'node:util';
import { discover } from './discover.js';
import { type Operation, operations, seeded } from './operations.js';
import { startGateway, startSubgraphs } from './platform.js';

/**
 * The SQL census (`pnpm bench:sql`): what each public operation of the benchmark costs the
 * subgraphs behind Mutu's gateway with every cache off, per request, and the statements behind
 * that count, grouped by shape (values and parameter numbers masked) with how often each one ran.
 * It is how the benchmark's "SQL/req" column is read apart, to find the statements worth saving.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '20' },
    operations: { type: 'string', default: 'contract,provinceRanking,nationalRanking,page' },
  },
});
const perOperation = Number(args.requests);

const shape = (sql: string) =>
  sql
    .replace(/\$\d+/g, '$n')
    .replace(/'[^']*'/g, "'…'")
    .replace(/(\$n,\s*)+\$n/g, '$n…')
    .replace(/\s+/g, ' ')
    .slice(0, 220);

const subgraphs = await startSubgraphs({ env: { MUTU_SQL_LOG: '1' } });
try {
  const gateway = await startGateway('mutu', subgraphs, { caches: false });
  try {
    const ops = operations(await discover(gateway.graphql));
    for (const p of subgraphs.processes) p.takeStatements();
    for (const key of args.operations.split(',')) {
      const op = ops[key] as Operation | undefined;
      if (!op) throw new Error(`No operation "${key}"; there are ${Object.keys(ops).join(', ')}`);
      const random = seeded(11);
      const before = subgraphs.processes.map((p) => p.served().requests);
      for (let i = 0; i < perOperation; i += 1) {
        await fetch(gateway.graphql, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: op.body(random),
        });
      }
      console.log(`\n${op.name}: ${perOperation} requests`);
      subgraphs.processes.forEach((p, i) => {
        const statements = p.takeStatements();
        const calls = p.served().requests - (before[i] ?? 0);
        console.log(
          `  ${p.name}: ${(calls / perOperation).toFixed(2)} calls and ${(statements.length / perOperation).toFixed(2)} statements per request`,
        );
        const counts = new Map<string, number>();
        for (const s of statements) counts.set(shape(s), (counts.get(shape(s)) ?? 0) + 1);
        for (const [s, n] of [...counts].sort((a, b) => b[1] - a[1])) {
          console.log(`    ${(n / perOperation).toFixed(2)}  ${s}`);
        }
      });
    }
  } finally {
    await gateway.stop();
  }
} finally {
  await subgraphs.stop();
}
