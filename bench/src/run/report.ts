import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { BenchData } from './operations.js';
import { GATEWAYS, type GatewayName, REPO } from './platform.js';

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
  /** How long the load ran, and each process's resident memory every 10 s of it (MiB). */
  seconds: number;
  memory: Record<string, number[]>;
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
  lines.push(...memorySection(measured), ...targetsSection(measured));
  // Why a target is missed is judged by people: bench/WHY.md, kept beside the code it explains.
  const why = join(REPO, 'bench', 'WHY.md');
  const main = measured.some((m) => !m.caches && m.scenario === 'mix');
  if (main && existsSync(why)) lines.push(readFileSync(why, 'utf8').trim(), '');
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Memory once warm (the median of the second minute's samples: caches and JIT settled) and at
 * the end (the median of the last minute's), so that one collection just before a sample does
 * not read as growth or shrinkage.
 */
function settled(series: readonly number[]) {
  return { warm: median(series.slice(6, 12)), end: median(series.slice(-6)) };
}

/** Runs of at least five minutes: each process's memory once warm and at the end. */
function memorySection(measured: readonly Measured[]): string[] {
  const long = measured.filter((m) => m.seconds >= 300);
  if (long.length === 0) return [];
  const lines = [
    '## Memory over the long runs',
    '',
    'Resident memory (MiB), sampled every 10 s: the median of the second minute (caches and JIT warm) and of the last minute.',
    '',
    '| run | process | 2nd minute | last minute | change | highest |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of long) {
    for (const [name, series] of Object.entries(m.memory)) {
      const { warm, end } = settled(series);
      lines.push(
        `| ${m.scenario}@${m.connections}, caches ${m.caches ? 'on' : 'off'}, ${m.seconds} s, ${GATEWAYS[m.gateway].label} | ${name} | ${f(warm, 0)} | ${f(end, 0)} | ${f((100 * (end - warm)) / warm)}% | ${f(Math.max(...series), 0)} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** The issue's targets against what this run measured; a target it did not measure says so. */
function targetsSection(measured: readonly Measured[]): string[] {
  const runs = (caches: boolean, scenario: string, connections: number, gateway: GatewayName) =>
    measured.filter(
      (m) =>
        m.caches === caches &&
        m.scenario === scenario &&
        m.connections === connections &&
        m.gateway === gateway,
    );
  const avg = (rs: Measured[], pick: (m: Measured) => number) =>
    rs.length ? mean(rs.map(pick)) : Number.NaN;
  const rate = (rs: Measured[]) => avg(rs, (m) => m.result.perSecond);
  const p99 = (rs: Measured[]) => avg(rs, (m) => m.result.p99);
  const rows: [string, string, boolean | null][] = [];
  const versus = (
    caches: boolean,
    scenario: string,
    connections: number,
    peer: GatewayName,
    times: number,
    withP99: boolean,
  ) => {
    const mutu = runs(caches, scenario, connections, 'mutu');
    const other = runs(caches, scenario, connections, peer);
    const label = `${scenario}@${connections}, caches ${caches ? 'on' : 'off'}: ≥ ${times}x ${GATEWAYS[peer].label}${withP99 ? ' at equal or lower p99' : ''}`;
    if (!mutu.length || !other.length) return rows.push([label, 'not in this run', null]);
    const ratio = rate(mutu) / rate(other);
    rows.push([
      label,
      `${f(rate(mutu), 0)} vs ${f(rate(other), 0)} req/s = ${f(ratio, 2)}x${withP99 ? `; p99 ${f(p99(mutu))} vs ${f(p99(other))} ms` : ''}`,
      ratio >= times && (!withP99 || p99(mutu) <= p99(other)),
    ]);
  };
  versus(true, 'mix', 10, 'apollo', 3, true);
  versus(true, 'mix', 10, 'hiveRust', 1, true);
  versus(false, 'mix', 10, 'apollo', 1.5, false);
  versus(false, 'mix', 10, 'hiveRust', 1, false);
  versus(false, 'contract', 1, 'hiveRust', 1, false);
  const contract = runs(false, 'contract', 10, 'mutu');
  rows.push(
    contract.length
      ? [
          'subgraph CPU per contract query ≤ 3 ms (caches off, summed over subgraphs)',
          `${f(
            avg(contract, (m) => m.subgraphCpuMs),
            2,
          )} ms`,
          avg(contract, (m) => m.subgraphCpuMs) <= 3,
        ]
      : ['subgraph CPU per contract query ≤ 3 ms', 'not in this run', null],
  );
  for (const caches of [true, false]) {
    const sustained = runs(caches, 'contract at 200 req/s', 10, 'mutu');
    const label = `contract query at 200 req/s, caches ${caches ? 'on' : 'off'}: p95 ≤ 30 ms, zero errors`;
    if (!sustained.length) rows.push([label, 'not in this run', null]);
    else {
      const errors = sustained.reduce((s, m) => s + m.result.errors, 0);
      const p95 = avg(sustained, (m) => m.result.p95);
      rows.push([
        label,
        `${f(rate(sustained), 0)} req/s for ${sustained[0]?.seconds} s, p95 ${f(p95)} ms, ${errors} errors`,
        p95 <= 30 && errors === 0 && rate(sustained) >= 195,
      ]);
    }
  }
  for (const caches of [true, false]) {
    const national = runs(caches, 'nationalRanking', 10, 'mutu');
    rows.push(
      national.length
        ? [
            `national IPP ranking, caches ${caches ? 'on' : 'off'}: p95 ≤ 50 ms`,
            `p95 ${f(avg(national, (m) => m.result.p95))} ms`,
            avg(national, (m) => m.result.p95) <= 50,
          ]
        : [
            `national IPP ranking, caches ${caches ? 'on' : 'off'}: p95 ≤ 50 ms`,
            'not in this run',
            null,
          ],
    );
  }
  const long = measured.filter((m) => m.seconds >= 600);
  if (!long.length)
    rows.push(['memory of every process flat (±10%) over 10 minutes', 'not in this run', null]);
  for (const m of long) {
    const changes = Object.entries(m.memory).map(([name, series]) => {
      const { warm, end } = settled(series);
      return [name, (100 * (end - warm)) / warm] as const;
    });
    rows.push([
      `memory flat (±10%) over ${m.seconds / 60} minutes of ${m.scenario}@${m.connections}, caches ${m.caches ? 'on' : 'off'}`,
      changes.map(([name, c]) => `${name} ${c >= 0 ? '+' : ''}${f(c)}%`).join(', '),
      changes.every(([, c]) => Math.abs(c) <= 10),
    ]);
  }
  return [
    '## Targets of the issue against this run',
    '',
    '| target | figure | met |',
    '|---|---|---|',
    ...rows.map(
      ([t, fig, met]) => `| ${t} | ${fig} | ${met === null ? '-' : met ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
}
