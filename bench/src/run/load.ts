import autocannon from 'autocannon';
import { type Operation, seeded } from './operations.js';

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Non-200 answers and answers carrying GraphQL errors. */
  readonly errors: number;
  readonly firstError?: string;
  /** The errors by kind: the HTTP status, and the first GraphQL error code of the answer. */
  readonly errorKinds: Readonly<Record<string, number>>;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * `operation` against `url` on `connections` connections for `seconds`, with the same seeded
 * argument sequence for every gateway. Latency is each response's own time, so p95 is exact
 * (autocannon's summary has no p95).
 */
export async function load(options: {
  url: string;
  operation: Operation;
  connections: number;
  seconds: number;
  seed: number;
  headers?: Record<string, string>;
  /** Requests per second across all connections (0: as fast as answered). */
  rate?: number;
  /** Seconds before a request counts as a client timeout (autocannon's default: 10). */
  timeout?: number;
}): Promise<LoadResult> {
  const random = seeded(options.seed);
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const errorKinds: Record<string, number> = {};
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const options_: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({ ...request, body: options.operation.body(random) }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) {
            errors += 1;
            const kind = `${status} ${/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? ''}`.trim();
            errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  };
  // The callback form returns the instance, whose events carry each response's time.
  const instance = autocannon(options_, (error, result) =>
    error ? failed(error) : finished(result),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime);
  });
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / options.seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: errors + result.errors + result.timeouts,
    ...(firstError ? { firstError } : {}),
    errorKinds: {
      ...errorKinds,
      ...(result.errors ? { 'connection error': result.errors } : {}),
      ...(result.timeouts ? { 'client timeout': result.timeouts } : {}),
    },
  };
}
