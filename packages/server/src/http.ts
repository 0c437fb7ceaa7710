import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { type Logger, REQUEST_ID_HEADER, requestIdOf } from './logging.js';
import { type RequestStats, withRequestStats } from './request-stats.js';

/** Resolves when the dependency answers; rejects with the reason otherwise. */
export type Probe = () => Promise<void>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly context: (req: IncomingMessage) => Promise<TContext>;
  readonly port: number;
  readonly host?: string;
  /** Checks behind /readyz, by name (database, subgraphs...). */
  readonly readiness?: Readonly<Record<string, Probe>>;
  /** Largest /graphql body accepted, in bytes (1 MiB by default). */
  readonly maxBodyBytes?: number;
  /** Browser origins allowed to call /graphql from another site; none by default. */
  readonly corsOrigins?: readonly string[];
  /**
   * When /readyz answers 200: `all` probes up (a subgraph and its database), or `any` (a
   * gateway, which still serves the other subgraphs' fields when one is down).
   */
  readonly readyWhen?: 'all' | 'any';
  /** One structured line per request (id, method, path, status, time); none when omitted. */
  readonly logger?: Logger;
  /** Extra routes by path (the explorer, a JWKS, uploads); each checks its own callers. */
  readonly routes?: Readonly<
    Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>
  >;
  /**
   * Decides before a /graphql body is read whether the request is served at all (rate limits,
   * the bearer token); undefined lets it through.
   */
  readonly admit?: (req: IncomingMessage) => Promise<Refusal | undefined>;
  /** Told the size of each /graphql body once read (the gateway's budgets count bytes). */
  readonly bodyRead?: (req: IncomingMessage, bytes: number) => Promise<void>;
  /** Called when each /graphql response is finished (metrics). */
  readonly onGraphQLResponse?: (info: { status: number; seconds: number }) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An error answer in GraphQL's shape, so clients read every refusal the same way. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Why a request is refused before its body is read (a rate limit, a bad token). */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** More of `extensions` (the argument at fault). */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Answers a refusal; its body is never read, so the connection is closed, not drained. */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  for (const [key, value] of Object.entries(refusal.headers ?? {})) res.setHeader(key, value);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (
    Number.isFinite(declared) &&
    declared <= SMALL_BODY_BYTES &&
    !req.headers['transfer-encoding']
  ) {
    // A small body is read and dropped and the connection kept: a refused caller that comes
    // straight back (a burst over its rate limit) costs a request, not a new connection each
    // time, which is what kept other callers waiting under a burst.
    req.resume();
  } else {
    // A large or unbounded body is not read: the connection is closed instead.
    res.setHeader('connection', 'close');
    res.on('finish', () => req.destroy());
  }
  sendError(res, refusal.status, refusal.code, refusal.message, refusal.extensions);
}

/**
 * A caller over its rate limit waits a second for its 429 (up to 2,000 such callers at once;
 * beyond that they are answered at once). A client that retries as soon as it is refused then
 * sends one request a second per connection instead of thousands, so its refusals stop taking
 * the event loop from everyone else; the answer and its Retry-After are the same.
 */
let heldBack = 0;
const HOLD_BACK_MS = 1_000;
const MAX_HELD_BACK = 2_000;
async function holdBack(): Promise<void> {
  if (heldBack >= MAX_HELD_BACK) return;
  heldBack += 1;
  try {
    await new Promise((resolve) => setTimeout(resolve, HOLD_BACK_MS));
  } finally {
    heldBack -= 1;
  }
}

/** Bodies up to this size are drained after a refusal, so the connection can be reused. */
const SMALL_BODY_BYTES = 64 * 1024;

/** Reads a request body up to `limit` bytes; beyond that it throws PayloadTooLarge. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A body over its route's limit. */
export class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds ${limit} bytes`);
  }
}

/**
 * Answers 413 for a body over its limit. The rest of the body is not read, so the connection
 * is closed rather than reused.
 */
export function sendPayloadTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  error: PayloadTooLarge,
): void {
  res.setHeader('connection', 'close');
  res.on('finish', () => req.destroy());
  sendError(res, 413, 'PAYLOAD_TOO_LARGE', error.message, { limit: error.limit });
}

async function readiness(probes: Readonly<Record<string, Probe>>, readyWhen: 'all' | 'any') {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      try {
        await probe();
        return [name, { status: 'up' }] as const;
      } catch (error) {
        return [
          name,
          { status: 'down', reason: error instanceof Error ? error.message : String(error) },
        ] as const;
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  const up = entries.filter(([, c]) => c.status === 'up').length;
  const ready = readyWhen === 'all' ? up === entries.length : up > 0 || entries.length === 0;
  return { ready, degraded: up < entries.length, checks };
}

/**
 * Serves an Apollo server on /graphql with Node's own HTTP module, plus /healthz (the process
 * is alive) and /readyz (its dependencies answer). Apollo's integration API keeps every
 * protocol detail (content negotiation, GET, CSRF prevention) in Apollo's hands.
 */
export async function serveGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): Promise<RunningServer> {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  // A client that drips its headers (slowloris) is cut after 10 s, one that drips its body after
  // two minutes (an evidence upload on a slow line still fits); checked every second rather
  // than Node's default 30, so held sockets do not pile up.
  const server: Server = createServer(
    { headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      const stats: RequestStats = { sql: 0 };
      return withRequestStats(stats, () => handle(req, res, stats));
    },
  );
  async function handle(req: IncomingMessage, res: ServerResponse, stats: RequestStats) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (url.pathname === '/graphql') {
        options.onGraphQLResponse?.({ status: res.statusCode, seconds });
      }
      options.logger?.info(
        {
          reqId: requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(seconds * 1_000_000) / 1_000,
          ...(stats.sql ? { sql: stats.sql } : {}),
        },
        'request',
      );
    });
    try {
      // No text in Mutu can hold U+0000 (PostgreSQL refuses it): a parameter that carries one is
      // refused here, for every route, before it reaches a query.
      for (const [name, value] of url.searchParams) {
        if (value.includes('\u0000') || name.includes('\u0000')) {
          return sendError(
            res,
            400,
            'BAD_REQUEST',
            `The parameter ${JSON.stringify(name.replaceAll('\u0000', ''))} contains a NUL character (U+0000), which no text in Mutu can hold`,
            { parameter: name.replaceAll('\u0000', '') },
          );
        }
      }
      const route = options.routes?.[url.pathname];
      if (route) return await route(req, res);
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        const report = await readiness(options.readiness ?? {}, options.readyWhen ?? 'all');
        return sendJson(res, report.ready ? 200 : 503, report);
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });
      const origin = req.headers.origin;
      if (origin && options.corsOrigins?.includes(origin)) {
        // Only listed origins get CORS headers; a browser refuses the answer to any other.
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('vary', 'origin');
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader(
          'access-control-allow-headers',
          'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
        );
        res.setHeader('access-control-max-age', '600');
      }
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        return res.end();
      }
      // A body that would be refused whatever the caller's budget is refused before it spends
      // any, unread.
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge(limit);
      const refusal = await options.admit?.(req);
      if (refusal) {
        if (refusal.status === 429) await holdBack();
        return sendRefusal(req, res, refusal);
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const bytes = req.method === 'POST' ? await readBody(req, limit) : undefined;
      if (bytes) await options.bodyRead?.(req, bytes.length);
      const raw = bytes ? bytes.toString('utf8') : '';
      let body: unknown = raw;
      if (raw && headers.get('content-type')?.includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [
              {
                message: 'The request body is not valid JSON',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          });
        }
      }
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof PayloadTooLarge) return sendPayloadTooLarge(req, res, error);
      options.logger?.error({ reqId: requestId, err: error }, 'request failed');
      if (!res.headersSent) {
        sendError(
          res,
          500,
          'INTERNAL_SERVER_ERROR',
          `Internal server error (request id ${requestId}); the details are in the server log`,
          { requestId },
        );
      } else res.end();
    }
  }
  // What Node's HTTP parser refuses before any handler runs (an address or headers over 16 KiB,
  // a malformed request line) still gets an answer a client can read: JSON with a code.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'Request Header Fields Too Large',
            'HEADERS_TOO_LARGE',
            'The address and headers exceed 16 KiB: send long values in the body',
          ]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time']
          : [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    // Written, then the socket is let go of whatever the client does: a slow client holds nothing.
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Boolean options of a route's query string ("true" or "false"): the options given, or the
 * refusal that names the first one that is neither.
 */
export function queryFlags<F extends string>(
  params: URLSearchParams,
  names: readonly F[],
): { flags: Partial<Record<F, boolean>> } | { refusal: Refusal } {
  const flags: Partial<Record<F, boolean>> = {};
  for (const flag of names) {
    const value = params.get(flag);
    if (value === null) continue;
    if (value !== 'true' && value !== 'false') {
      return {
        refusal: {
          status: 400,
          code: 'BAD_USER_INPUT',
          message: `${flag} must be true or false, got "${value}"`,
          extensions: { argument: flag },
        },
      };
    }
    flags[flag] = value === 'true';
  }
  return { flags };
}
