import { cpus, totalmem } from 'node:os';
import type { LoadResult } from './load.js';
import type { BenchData } from './operations.js';
import { GATEWAYS, type GatewayName } from './platform.js';

/** One gateway's run of one scenario in one round, with what it cost every process. */
export interface Measured {
  caches: boolean;
  scenario: string;
  connections: number;
  gateway: GatewayName;
  round: number;
  result: LoadResult;
  /** Per client request. */
  gatewayCpuMs: number;
  subgraphCpuMs: number;
  subgraphCalls: number;
  sqlStatements: number;
  rssMiB: Record<string, number>;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** bench/RESULTS.md: the machine, the date, and per scenario every gateway side by side. */
export function report(
  measured: readonly Measured[],
  run: { seconds: number; rounds: number; data?: BenchData },
): string {
  const lines: string[] = [
    '# Gateway benchmark',
    '',
    `Written by \`pnpm bench\` on ${new Date().toISOString()}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, database ${process.env.ASSESSMENTS_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}.`,
    `${run.data?.governments.length ?? 0} regency and city governments drawn Zipf-skewed (s = 1.1), IPP years ${run.data?.years.join(', ') ?? '-'}; ${run.rounds} interleaved rounds of ${run.seconds} s per gateway and scenario, averaged.`,
    "CPU and subgraph calls per client request are read from /proc and from the subgraphs' request lines over the same interval; SQL statements from the same lines.",
    '',
  ];
  const groups = new Map<string, Measured[]>();
  for (const m of measured) {
    const key = `${m.caches ? 'on' : 'off'}|${m.scenario}@${m.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, runs] of groups) {
    const [caches, scenario] = key.split('|');
    lines.push(`## ${scenario}, caches ${caches}`, '');
    lines.push(
      '| gateway | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph calls/req | subgraph CPU ms/req | gateway CPU ms/req | SQL/req |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    const byGateway = new Map<GatewayName, Measured[]>();
    for (const r of runs) byGateway.set(r.gateway, [...(byGateway.get(r.gateway) ?? []), r]);
    for (const [gateway, rs] of byGateway) {
      const avg = (pick: (m: Measured) => number) => mean(rs.map(pick));
      lines.push(
        `| ${GATEWAYS[gateway].label} | ${f(
          avg((m) => m.result.perSecond),
          0,
        )} | ${f(avg((m) => m.result.p50))} | ${f(avg((m) => m.result.p95))} | ${f(avg((m) => m.result.p99))} | ${rs.reduce((s, m) => s + m.result.errors, 0)} | ${f(
          avg((m) => m.subgraphCalls),
          2,
        )} | ${f(
          avg((m) => m.subgraphCpuMs),
          2,
        )} | ${f(
          avg((m) => m.gatewayCpuMs),
          2,
        )} | ${f(
          avg((m) => m.sqlStatements),
          1,
        )} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
