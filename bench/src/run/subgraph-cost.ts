import { parseArgs } from 'node:util';
import { discover } from './discover.js';
import { type Operation, operations, seeded } from './operations.js';
import { startGateway, startSubgraphs } from './platform.js';

/**
 * What one operation costs the subgraphs, for settings compared side by side
 * (`pnpm bench:subgraphs`). Each variant is a set of subgraph environment variables; for each
 * round, every variant in turn gets fresh subgraphs behind Mutu's gateway with every cache off,
 * a warm-up, then the same seeded requests one at a time, and each subgraph's CPU (from /proc)
 * per request is printed. One connection and nothing else running keeps the figure about the
 * subgraphs' own work, not about queueing on a shared machine; rounds alternate so drift hits
 * every variant alike.
 *
 *   pnpm bench:subgraphs --variants "kept:;read each time:PUBLISHED_CACHE=false"
 */
const { values: args } = parseArgs({
  options: {
    operation: { type: 'string', default: 'contract' },
    requests: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '3' },
    variants: { type: 'string', default: 'as configured:' },
  },
});

const variants = args.variants.split(';').map((v) => {
  const [label = '', settings = ''] = v.split(':');
  const env = Object.fromEntries(
    settings
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  return { label: label.trim(), env };
});
const requests = Number(args.requests);
const totals = new Map<string, number[]>();

for (let round = 1; round <= Number(args.rounds); round += 1) {
  for (const variant of variants) {
    const subgraphs = await startSubgraphs({ env: variant.env });
    try {
      const gateway = await startGateway('mutu', subgraphs, { caches: false });
      try {
        const op = operations(await discover(gateway.graphql))[args.operation] as
          | Operation
          | undefined;
        if (!op?.public) throw new Error(`No public operation "${args.operation}"`);
        const send = async (random: () => number, n: number) => {
          for (let i = 0; i < n; i += 1) {
            const response = await fetch(gateway.graphql, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: op.body(random),
            });
            const answer = (await response.json()) as { errors?: { message: string }[] };
            if (answer.errors) throw new Error(answer.errors[0]?.message);
          }
        };
        await send(seeded(7), Math.ceil(requests / 4));
        const before = subgraphs.processes.map((p) => p.cpuMs());
        await send(seeded(11), requests);
        const perRequest = subgraphs.processes.map(
          (p, i) => (p.cpuMs() - (before[i] ?? 0)) / requests,
        );
        const sum = perRequest.reduce((a, b) => a + b, 0);
        totals.set(variant.label, [...(totals.get(variant.label) ?? []), sum]);
        console.log(
          `round ${round}  ${variant.label.padEnd(24)} ${subgraphs.processes.map((p, i) => `${p.name} ${perRequest[i]?.toFixed(2)}`).join('  ')}  sum ${sum.toFixed(2)} ms per ${op.name}`,
        );
      } finally {
        await gateway.stop();
      }
    } finally {
      await subgraphs.stop();
    }
  }
}
console.log(`\nsubgraph CPU per ${args.operation} request, median of ${args.rounds} rounds:`);
for (const [label, sums] of totals) {
  const sorted = [...sums].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(24)} ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} ms`);
}
