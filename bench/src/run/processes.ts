import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A process of the benchmark: where it answers and what it has cost so far. */
export interface BenchProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** CPU time (user + system) since it started, in milliseconds, from /proc. */
  cpuMs(): number;
  /** Resident memory now, in MiB. */
  rssMiB(): number;
  /** /graphql requests it has logged, and the SQL statements they sent. */
  served(): { requests: number; sql: number };
  /** The statements it printed since the last call (a subgraph started with MUTU_SQL_LOG=1). */
  takeStatements(): string[];
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux
const PAGE_BYTES = 4096;

function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; fields after it are space-separated.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * Starts `command` with `env`, waits until it is ready, and follows its JSON
 * request lines (the subgraphs' and the gateway's `request` log) to count what it served.
 */
export async function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  url: string;
  cwd?: string;
  /** Whether it is ready; by default `${url}/healthz` answers 200. */
  isReady?: () => Promise<boolean>;
}): Promise<BenchProcess> {
  const child: ChildProcess = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let requests = 0;
  let sql = 0;
  let statements: string[] = [];
  const tail: string[] = [];
  const follow = (stream: NodeJS.ReadableStream | null) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith('[sql ')) {
        statements.push(line.slice(line.indexOf(']') + 2));
      } else if (line.includes('"path":"/graphql"')) {
        requests += 1;
        const match = /"sql":(\d+)/.exec(line);
        if (match) sql += Number(match[1]);
      } else {
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    });
  };
  follow(child.stdout);
  follow(child.stderr);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const isReady =
    options.isReady ??
    (() =>
      fetch(new URL('/healthz', options.url))
        .then((r) => r.ok)
        .catch(() => false));
  const deadline = Date.now() + 180_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 250, 'wait'))]);
    if (code !== 'wait') {
      throw new Error(`${options.name} exited (${code}) before it was ready:\n${tail.join('\n')}`);
    }
    if (await isReady()) break;
    if (Date.now() > deadline) throw new Error(`${options.name} was not ready in 180 s`);
  }
  const pid = child.pid ?? 0;
  return {
    name: options.name,
    url: options.url,
    pid,
    cpuMs() {
      const fields = procStat(pid);
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    },
    rssMiB() {
      return (Number(procStat(pid)[21]) * PAGE_BYTES) / (1024 * 1024);
    },
    served: () => ({ requests, sql }),
    takeStatements() {
      const taken = statements;
      statements = [];
      return taken;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      // A CPU profile (BENCH_PROFILE) takes a while to write after a long run.
      const grace = process.env.BENCH_PROFILE ? 60_000 : 5_000;
      await Promise.race([exited, new Promise((r) => setTimeout(r, grace))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
