import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Identity } from './identity.js';
import { generateSigningKey, type SigningKey } from './keys.js';
import { callSigner, GATEWAY_ISSUER, IDENTITY_HEADER } from './tokens.js';

/** Tests act as an administrator unless they say otherwise. */
export const TEST_ADMIN: Identity = { sub: 'test-admin', role: 'admin', regions: [] };

let gatewayKey: Promise<SigningKey> | undefined;
const serviceKeys = new Map<string, Promise<SigningKey>>();

/**
 * The keys of one test process, made when first asked for: the gateway's (test subgraphs
 * trust it, and a test gateway signs with it) and each service's own. Nothing is stored.
 */
export const testKeys = {
  gateway: (): Promise<SigningKey> => {
    gatewayKey ??= generateSigningKey();
    return gatewayKey;
  },
  service: (name: string): Promise<SigningKey> => {
    let key = serviceKeys.get(name);
    if (!key) {
      key = generateSigningKey();
      serviceKeys.set(name, key);
    }
    return key;
  },
};

/** Which subgraph answers at which URL: call tokens name their audience. */
const audiences = new Map<string, string>();

/** Test start-up records each subgraph's URL and name, so `graphql()` can address it. */
export function registerTestAudience(url: string, audience: string): void {
  audiences.set(url, audience);
}

/** A call token as the gateway would send it to the test subgraph at `url`. */
export async function testCallToken(url: string, as: Identity = TEST_ADMIN): Promise<string> {
  const audience = audiences.get(url) ?? audiences.get(new URL('/graphql', url).toString());
  if (!audience) throw new Error(`No test subgraph is registered at ${url}`);
  return callSigner(GATEWAY_ISSUER, await testKeys.gateway())(as, audience);
}

/**
 * Posts a GraphQL operation to a running test subgraph as the gateway would: with a call token
 * for that subgraph (`as`, an administrator by default; null sends none). Returns the answer.
 */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: { as?: Identity | null; audience?: string } = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const as = options.as === undefined ? TEST_ADMIN : options.as;
  const audience = options.audience ?? audiences.get(url);
  if (as && !audience) throw new Error(`No test subgraph is registered at ${url}`);
  const token =
    as && audience
      ? await callSigner(GATEWAY_ISSUER, await testKeys.gateway())(as, audience)
      : null;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { [IDENTITY_HEADER]: token } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

/** A server of this repository in a child process, for tests that kill it as a machine is lost. */
export interface ChildServer {
  /** Its /graphql URL. */
  readonly url: string;
  readonly port: number;
  /** Kills it (SIGKILL): whatever it had under way is cut, nothing is let finish. */
  close(): Promise<void>;
}

/**
 * A built server (`entry` in `cwd`, as `pnpm start` runs it) with `env` only, on a free
 * loopback port (PORT, HOST), once `readyPath` answers 200; its error output is in the error
 * when it exits or is not ready within 30 s.
 */
export async function startChildServer(options: {
  name: string;
  cwd: string;
  env: Record<string, string>;
  entry?: string;
  readyPath?: string;
}): Promise<ChildServer> {
  // A port the child can have: taken and given back at once.
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn(process.execPath, [options.entry ?? 'dist/server.js'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited: ${stderr}`);
    const ready = await fetch(`${origin}${options.readyPath ?? '/readyz'}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} not ready within 30 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `${origin}/graphql`,
    port,
    async close() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
