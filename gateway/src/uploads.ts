import type { IncomingMessage, ServerResponse } from 'node:http';
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
export const UPLOAD_ROUTES: Readonly<Record<string, { subgraph: string; path: string }>> = {
  // Published results as CSV (see the assessments subgraph's import).
  '/imports/results': { subgraph: 'assessments', path: '/imports/results' },
};

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
}): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const handler =
    ({ subgraph, path }: { subgraph: string; path: string }) =>
    async (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Send the file with POST');
      }
      const refusal = await options.admission.admit(req);
      if (refusal) return sendRefusal(req, res, refusal);
      const identity = options.admission.identityOf(req);
      if (identity.role === 'public') {
        return sendRefusal(req, res, {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: 'Uploads need a bearer token',
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
        answer = await undiciFetch(target, {
          method: 'POST',
          headers: {
            'content-type': String(req.headers['content-type'] ?? 'application/octet-stream'),
            [IDENTITY_HEADER]: await options.credentials(identity, subgraph),
            [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER]),
          },
          body: limited(req, options.maxBytes),
          duplex: 'half',
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
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    };
  return Object.fromEntries(
    Object.entries(UPLOAD_ROUTES).map(([route, target]) => [route, handler(target)]),
  );
}
