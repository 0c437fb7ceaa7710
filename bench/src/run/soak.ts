import { setTimeout as sleep } from 'node:timers/promises';
import { discover } from './discover.js';
import { load } from './load.js';
import { mix, operations } from './operations.js';
import { startGateway, startSubgraphs } from './platform.js';
import type { BenchProcess } from './processes.js';

/**
 * The soak (`pnpm bench:soak`, not in CI): the bench's read mix at a steady rate for
 * SOAK_MINUTES (30), in windows of 30 s, with a fault every SOAK_FAULT_EVERY minutes (3): a
 * subgraph frozen (SIGSTOP, then SIGCONT: a process that hangs without dying), each subgraph in
 * turn and for longer than the gateway's subgraph timeout. Prints, per window, p99, errors by
 * kind and each process's resident memory, then the totals: what a long assessment window does
 * to latency and memory, and whether every fault heals.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const FAULT_EVERY = Number(process.env.SOAK_FAULT_EVERY ?? 3);
const WINDOW = 30;
const RATE = Number(process.env.SOAK_RATE ?? 150);

const subgraphs = await startSubgraphs({});
const gateway = await startGateway('mutu', subgraphs, { caches: true });
const processes: BenchProcess[] = [gateway, ...subgraphs.processes];
const memory = () => processes.map((p) => `${p.name} ${p.rssMiB().toFixed(0)}`).join(', ');

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(3)}:${String(seconds % 60).padStart(2, '0')}`;

const faults: { at: string; what: string }[] = [];
let stopping = false;
async function injectFaults(started: number) {
  for (let n = 0; !stopping; n += 1) {
    await sleep(FAULT_EVERY * 60_000);
    if (stopping) return;
    const victim = subgraphs.processes[n % subgraphs.processes.length] as BenchProcess;
    const seconds = 15;
    const at = `${((performance.now() - started) / 60_000).toFixed(1)} min`;
    faults.push({ at, what: `${victim.name} frozen ${seconds} s` });
    console.log(`  fault at ${at}: ${victim.name} frozen for ${seconds} s`);
    process.kill(victim.pid, 'SIGSTOP');
    await sleep(seconds * 1_000);
    process.kill(victim.pid, 'SIGCONT');
  }
}

try {
  const op = mix(operations(await discover(gateway.graphql)));
  console.log(
    `soak: ${op.name}, ${RATE} requests/s, ${MINUTES} min, a fault every ${FAULT_EVERY} min`,
  );
  console.log(`memory at start (MiB): ${memory()}`);
  const started = performance.now();
  const faulting = injectFaults(started);
  const totals: Record<string, number> = {};
  let requests = 0;
  const p99s: number[] = [];
  for (let window = 1; window * WINDOW <= MINUTES * 60; window += 1) {
    const result = await load({
      url: gateway.graphql,
      operation: op,
      connections: 8,
      seconds: WINDOW,
      seed: window,
      rate: RATE,
      // Longer than the gateway's own subgraph timeout, so a frozen subgraph shows as the
      // gateway's SUBGRAPH_TIMEOUT rather than as the load generator giving up first.
      timeout: 30,
    });
    requests += result.requests;
    p99s.push(result.p99);
    for (const [kind, n] of Object.entries(result.errorKinds))
      totals[kind] = (totals[kind] ?? 0) + n;
    const kinds = Object.entries(result.errorKinds)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    console.log(
      `${clock(window * WINDOW)}  p99 ${result.p99.toFixed(1).padStart(7)} ms  errors ${String(result.errors).padStart(5)}${kinds ? ` (${kinds})` : ''}  memory (MiB) ${memory()}`,
    );
  }
  stopping = true;
  await Promise.race([faulting, sleep(1_000)]);
  const sorted = [...p99s].sort((a, b) => a - b);
  console.log(
    `soak done: ${requests} requests, ${faults.length} faults (${faults.map((f) => `${f.at} ${f.what}`).join('; ')}), errors by kind: ${
      Object.entries(totals)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ') || 'none'
    }, window p99 median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, worst ${sorted[sorted.length - 1]?.toFixed(1)} ms; memory at end (MiB): ${memory()}`,
  );
} finally {
  stopping = true;
  await gateway.stop();
  await subgraphs.stop();
}
