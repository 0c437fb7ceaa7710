import { IDENTITY_HEADER, type Identity, type Probe } from '@mutu/server';
import { GraphQLError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import type { SubgraphCredentials } from './call-tokens.js';

export interface SubgraphCallOptions {
  /** Longest a single subgraph request may take before its fields fail with an error. */
  readonly timeoutMs: number;
  /** Connections kept open per subgraph origin; more requests wait for one to free up. */
  readonly connections: number;
}

/** A subgraph that cannot be reached, or did not answer in time, named in the error. */
export function subgraphFailure(name: string, timedOut: boolean, detail: string): GraphQLError {
  return new GraphQLError(
    timedOut
      ? `The ${name} subgraph did not answer within ${detail}`
      : `The ${name} subgraph is unavailable (${detail})`,
    {
      extensions: { code: timedOut ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE', subgraph: name },
    },
  );
}

/**
 * How the gateway calls subgraphs: reused keep-alive connections from a bounded pool, and a
 * time limit per request, so one slow subgraph costs its own fields an error rather than
 * holding the whole answer (or all sockets) hostage.
 */
export function subgraphFetcher(
  options: SubgraphCallOptions,
  onCall: (
    subgraph: string,
    outcome: 'ok' | 'error' | 'timeout',
    seconds: number,
  ) => void = () => {},
) {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
  });
  /** The fetcher for one subgraph; its failures name the subgraph, so callers see which. */
  const fetcherFor = (name: string) =>
    (async (url: string, init?: Record<string, unknown>) => {
      const started = performance.now();
      const took = () => (performance.now() - started) / 1000;
      try {
        const response = await undiciFetch(url, {
          ...(init as object),
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        onCall(name, response.ok ? 'ok' : 'error', took());
        return response;
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        onCall(name, timedOut ? 'timeout' : 'error', took());
        throw subgraphFailure(
          name,
          timedOut,
          timedOut ? `${options.timeoutMs} ms` : (error as Error).message,
        );
      }
    }) as unknown as typeof globalThis.fetch;
  return { fetcherFor, dispatcher: agent, close: () => agent.close() };
}

const PROBE: Identity = { sub: 'gateway:readiness', role: 'public', regions: [] };

/**
 * /readyz probes, one per subgraph: it answers `{ __typename }` within two seconds. Any
 * subgraph, a partner's too, can answer that; no subgraph-specific health endpoint is assumed.
 */
export function subgraphProbes(
  urls: Readonly<Record<string, string>>,
  credentials: SubgraphCredentials,
): Record<string, Probe> {
  return Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [
      `subgraph:${name}`,
      async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: await credentials(PROBE, name),
          },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(2_000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { data?: { __typename?: string } };
        if (body.data?.__typename !== 'Query') throw new Error('unexpected answer');
      },
    ]),
  );
}
