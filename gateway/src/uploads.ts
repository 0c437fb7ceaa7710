import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  IDENTITY_HEADER,
  PayloadTooLarge,
  REQUEST_ID_HEADER,
  sendError,
  sendPayloadTooLarge,
  sendRefusal,
} from '@mutu/server';
import { type Dispatcher, fetch as undiciFetch } from 'undici';
import type { Admission } from './admission.js';
import type { SubgraphCredentials } from './call-tokens.js';
import { subgraphFailure } from './subgraphs.js';

/**
 * Files travel on routes of their own, never as GraphQL strings: /graphql keeps a small body
 * limit, and an upload is streamed to the subgraph that owns it with a call token for that
 * subgraph. The subgraph decides who may upload, as it does for mutations.
 */
export const UPLOAD_ROUTES: Readonly<
  Record<string, { subgraph: string; path: string; methods: readonly ('GET' | 'POST')[] }>
> = {
  // Published results as CSV (see the assessments subgraph's import).
  '/imports/results': { subgraph: 'assessments', path: '/imports/results', methods: ['POST'] },
  // SKM answers of a unit's survey, as CSV or XLSX.
  '/imports/skm': { subgraph: 'assessments', path: '/imports/skm', methods: ['POST'] },
  // Bukti dukung: POST a multipart file for a lokus's indicator, GET one by id.
  '/evidence': { subgraph: 'assessments', path: '/evidence', methods: ['GET', 'POST'] },
};

/** What a download passes on from the subgraph: the file's own description, nothing else. */
const FILE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'cache-control',
  'repr-digest',
  // When to try again, after a 503 (the evidence store away) or a 429.
  'retry-after',
];

/** Long enough for a national import on the embedded database. */
const UPLOAD_TIMEOUT_MS = 300_000;

async function* limited(req: IncomingMessage, limit: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge(limit);
    yield chunk as Buffer;
  }
}

export function uploadRoutes(options: {
  urls: Readonly<Record<string, string>>;
  admission: Admission;
  credentials: SubgraphCredentials;
  dispatcher: Dispatcher;
  maxBytes: number;
  /** Told of every upload the subgraph accepted (an import may publish results). */
  onWrite?: () => Promise<void>;
}): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const handler =
    ({ subgraph, path, methods }: (typeof UPLOAD_ROUTES)[string]) =>
    async (req: IncomingMessage, res: ServerResponse) => {
      const method = (req.method ?? '') as 'GET' | 'POST';
      if (!methods.includes(method)) {
        res.setHeader('allow', methods.join(', '));
        return sendError(res, 405, 'METHOD_NOT_ALLOWED', `Use ${methods.join(' or ')} here`);
      }
      const refusal = await options.admission.admit(req);
      if (refusal) return sendRefusal(req, res, refusal);
      const identity = options.admission.identityOf(req);
      if (identity.role === 'public') {
        return sendRefusal(req, res, {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: 'Files need a bearer token',
        });
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        return sendPayloadTooLarge(req, res, new PayloadTooLarge(options.maxBytes));
      }
      const base = options.urls[subgraph];
      if (!base) return sendError(res, 404, 'NOT_FOUND', `No ${subgraph} subgraph is composed`);
      const target = new URL(path, base);
      target.search = new URL(req.url ?? '/', 'http://gateway').search;
      let answer: Awaited<ReturnType<typeof undiciFetch>>;
      try {
        const identityHeaders = {
          [IDENTITY_HEADER]: await options.credentials(identity, subgraph),
          [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER]),
        };
        answer = await undiciFetch(target, {
          method,
          ...(method === 'POST'
            ? {
                headers: {
                  'content-type': String(req.headers['content-type'] ?? 'application/octet-stream'),
                  ...identityHeaders,
                },
                body: limited(req, options.maxBytes),
                duplex: 'half' as const,
              }
            : { headers: identityHeaders }),
          dispatcher: options.dispatcher,
          signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
        });
      } catch (error) {
        const cause = (error as Error & { cause?: unknown }).cause;
        if (cause instanceof PayloadTooLarge) return sendPayloadTooLarge(req, res, cause);
        const failure = subgraphFailure(
          subgraph,
          (error as Error).name === 'TimeoutError',
          (error as Error).name === 'TimeoutError'
            ? `${UPLOAD_TIMEOUT_MS} ms`
            : (error as Error).message,
        );
        return sendError(res, 502, String(failure.extensions.code), failure.message, {
          subgraph,
        });
      }
      const headers: Record<string, string> = {};
      for (const name of FILE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      if (method === 'POST' && answer.ok) await options.onWrite?.();
      res.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
      // Streamed both ways: a download is never held whole in the gateway's memory.
      if (!answer.body) {
        res.end();
        return;
      }
      try {
        await pipeline(Readable.fromWeb(answer.body as never), res);
      } catch {
        res.destroy();
      }
    };
  return Object.fromEntries(
    Object.entries(UPLOAD_ROUTES).map(([route, target]) => [route, handler(target)]),
  );
}
