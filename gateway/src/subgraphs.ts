import { STATUS_CODES } from 'node:http';
import { IDENTITY_HEADER, type Identity, type Probe } from '@mutu/server';
import { GraphQLError } from 'graphql';
import { Agent, type Dispatcher } from 'undici';
import type { SubgraphCredentials } from './call-tokens.js';

export interface SubgraphCallOptions {
  /** Longest a single subgraph request may take before its fields fail with an error. */
  readonly timeoutMs: number;
  /** Connections kept open per subgraph origin; more requests wait for one to free up. */
  readonly connections: number;
  /** Send identical queries in flight once (see `sharing`); on unless false. */
  readonly shareInFlight?: boolean;
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
 * A subgraph's answer as RemoteGraphQLDataSource reads it (status, headers, text or JSON),
 * its body already read. Not a WHATWG Response: building one (streams, transferables, abort
 * plumbing) cost the gateway more CPU per call than everything else it does with the answer.
 */
export interface SubgraphAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

export function subgraphAnswer(url: string, status: number, headers: Headers, body: string) {
  const answer: SubgraphAnswer = {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
  };
  return answer;
}

type Init = { method?: string; headers?: Record<string, string>; body?: string };
export type SubgraphFetch = (url: string, init?: Init) => Promise<SubgraphAnswer>;

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
  const fetcherFor = (name: string): SubgraphFetch => {
    const once: SubgraphFetch = async (url, init = {}) => {
      const started = performance.now();
      const took = () => (performance.now() - started) / 1000;
      try {
        const target = new URL(url);
        const response = await agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
          headers: init.headers,
          body: init.body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const answer = subgraphAnswer(
          url,
          response.statusCode,
          response.headers,
          await response.body.text(),
        );
        onCall(name, answer.ok ? 'ok' : 'error', took());
        return answer;
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        onCall(name, timedOut ? 'timeout' : 'error', took());
        throw subgraphFailure(
          name,
          timedOut,
          timedOut ? `${options.timeoutMs} ms` : (error as Error).message,
        );
      }
    };
    return options.shareInFlight === false ? once : sharing(once);
  };
  return { fetcherFor, dispatcher: agent, close: () => agent.close() };
}

/**
 * Identical subgraph queries in flight at the same moment are sent once: same subgraph, same
 * call token (so the same identity), same operation and variables. Popular organisations are
 * asked by many callers at once; each still gets the whole answer. Mutations, and anything that
 * is not a JSON POST of a query, always go on their own.
 */
export function sharing(fetcher: SubgraphFetch): SubgraphFetch {
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();
  return (url, init) => {
    const body = init?.body;
    const token = init?.headers?.[IDENTITY_HEADER];
    if (typeof body !== 'string' || !token || !isQuery(body)) return fetcher(url, init);
    const key = `${url}\n${token}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    // The answer's body is a string, read once: every caller may read it again.
    return shared;
  };
}

/** The gateway's subgraph operations start with their type: `query`, `mutation`, `{`. */
function isQuery(body: string): boolean {
  const start = body.indexOf('"query":"');
  if (start < 0) return false;
  const text = body.slice(start + 9, start + 30).trimStart();
  return text.startsWith('query') || text.startsWith('{');
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
