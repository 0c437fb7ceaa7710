import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoBearer, discover } from './discover.js';
import { type LoadResult, load } from './load.js';
import { type BenchData, mix, type Operation, operations, seeded } from './operations.js';
import { GATEWAYS, type GatewayName, REPO, startGateway, startSubgraphs } from './platform.js';
import type { BenchProcess } from './processes.js';
import { type Measured, report } from './report.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    gateways: { type: 'string', default: Object.keys(GATEWAYS).join(',') },
    scenarios: {
      type: 'string',
      default:
        'mix@10,contract@10,contract@1,provinceRanking@10,nationalRanking@10,page@10,worklist@10',
    },
    caches: { type: 'string', default: 'both' },
    out: { type: 'string', default: join(REPO, 'bench', 'RESULTS.md') },
  },
});
// Relative to where the command was typed (pnpm runs the script in bench/).
const out = resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const gateways = args.gateways.split(',') as GatewayName[];
const cacheModes = args.caches === 'both' ? [true, false] : [args.caches !== 'off'];

/** Every gateway must answer the same data; a faster wrong answer proves nothing. */
async function sameAnswers(urls: Record<string, string>, ops: Operation[]) {
  const random = seeded(7);
  for (const op of ops) {
    for (let i = 0; i < 5; i += 1) {
      const body = op.body(random);
      const answers = await Promise.all(
        Object.entries(urls).map(async ([name, url]) => {
          const r = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          return [name, await r.text()] as const;
        }),
      );
      const [first, ...rest] = answers;
      for (const [name, text] of rest) {
        if (
          JSON.stringify(JSON.parse(text).data) !==
          JSON.stringify(JSON.parse(first?.[1] ?? '{}').data)
        ) {
          throw new Error(
            `${name} and ${first?.[0]} answer ${body} differently:\n${text.slice(0, 400)}\n${first?.[1].slice(0, 400)}`,
          );
        }
      }
    }
  }
}

const measured: Measured[] = [];
let data: BenchData | undefined;
for (const caches of cacheModes) {
  // Fresh subgraphs for each mode: with every cache off they keep no published data either.
  const subgraphs = await startSubgraphs({
    env: { PUBLISHED_CACHE: caches ? 'true' : 'false' },
  });
  try {
    const running = new Map<GatewayName, BenchProcess & { graphql: string }>();
    for (const name of gateways) running.set(name, await startGateway(name, subgraphs, { caches }));
    const mutu = running.get('mutu');
    if (!mutu)
      throw new Error('The benchmark compares against Mutu\'s gateway: keep "mutu" in --gateways');
    data ??= await discover(mutu.graphql);
    const ops = operations(data);
    const all: Record<string, Operation> = { ...ops, mix: mix(ops) };
    await sameAnswers(
      Object.fromEntries([...running].map(([n, p]) => [n, p.graphql])),
      Object.values(ops).filter((o) => o.public),
    );
    const assessor = await demoBearer(data.provinces);
    for (const scenario of args.scenarios.split(',')) {
      // name@connections, or name@connections:rate for a fixed rate (requests per second).
      const [key = '', load_ = '10'] = scenario.split('@');
      const [conns = '10', rate = '0'] = load_.split(':');
      const op = all[key];
      if (!op) throw new Error(`No operation "${key}"; there are ${Object.keys(all).join(', ')}`);
      for (let round = 0; round < rounds; round += 1) {
        // Interleaved: each round starts with another gateway, so drift hits them alike.
        const order = [...running.keys()].map(
          (_, i, list) => list[(i + round) % list.length] as GatewayName,
        );
        for (const name of order) {
          if (!op.public && name !== 'mutu') continue;
          const gateway = running.get(name) as BenchProcess & { graphql: string };
          const before = snapshot(gateway, subgraphs.processes);
          // Resident memory of every process every 10 s of the run: flat, or growing?
          const memory: Record<string, number[]> = {};
          const sample = () => {
            for (const p of [gateway, ...subgraphs.processes]) {
              memory[p.name] = [...(memory[p.name] ?? []), p.rssMiB()];
            }
          };
          sample();
          const sampling = setInterval(sample, 10_000);
          const result: LoadResult = await load({
            url: gateway.graphql,
            operation: op,
            connections: Number(conns),
            seconds,
            seed: 1000 + round,
            rate: Number(rate),
            headers: op.public ? {} : { authorization: assessor },
          });
          clearInterval(sampling);
          // Request lines are written asynchronously: let the last ones arrive.
          await new Promise((r) => setTimeout(r, 250));
          sample();
          const after = snapshot(gateway, subgraphs.processes);
          measured.push({
            caches,
            scenario: Number(rate) ? `${key} at ${rate} req/s` : key,
            connections: Number(conns),
            gateway: name,
            round,
            result,
            seconds,
            memory,
            ...costs(before, after, result.requests),
          });
          console.log(
            `${caches ? 'caches on ' : 'caches off'} ${scenario.padEnd(20)} ${GATEWAYS[name].label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors}${result.firstError ? ` (${result.firstError.slice(0, 120)})` : ''}`,
          );
        }
      }
    }
    for (const p of running.values()) await p.stop();
  } finally {
    await subgraphs.stop();
  }
}
writeFileSync(out, report(measured, { seconds, rounds, data }));
console.log(`wrote ${out}`);

interface Snapshot {
  gatewayCpu: number;
  subgraphCpu: number;
  calls: number;
  sql: number;
  rss: Record<string, number>;
}
function snapshot(gateway: BenchProcess, processes: readonly BenchProcess[]): Snapshot {
  return {
    gatewayCpu: gateway.cpuMs(),
    subgraphCpu: processes.reduce((s, p) => s + p.cpuMs(), 0),
    calls: processes.reduce((s, p) => s + p.served().requests, 0),
    sql: processes.reduce((s, p) => s + p.served().sql, 0),
    rss: Object.fromEntries([gateway, ...processes].map((p) => [p.name, p.rssMiB()])),
  };
}
function costs(before: Snapshot, after: Snapshot, requests: number) {
  const per = (a: number, b: number) => (requests ? (b - a) / requests : Number.NaN);
  return {
    gatewayCpuMs: per(before.gatewayCpu, after.gatewayCpu),
    subgraphCpuMs: per(before.subgraphCpu, after.subgraphCpu),
    subgraphCalls: per(before.calls, after.calls),
    sqlStatements: per(before.sql, after.sql),
    rssMiB: after.rss,
  };
}
