import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { type Identity, sendError, sendJson, sendRefusal } from '@mutu/server';
import { MutationError, type ServiceRoute } from '@mutu/service';
import { ObjectMissing, type Spooled, StoreUnavailable, spool, TooLarge } from '@mutu/storage';
import busboy from 'busboy';
import { prisma } from '../db.js';
import { IllegalTransitionError, NotFoundError } from '../errors.js';
import { mayFileEvidenceOf, mayReadEvidenceOf } from '../visibility.js';
import { attachEvidence, attachmentTarget, ownerOf } from './commands.js';
import { EvidenceRefused } from './policy.js';
import { evidenceStore } from './settings.js';

/**
 * /evidence: POST a document (multipart/form-data, one part named `file`) as evidence of
 * `?lokusId=...&indicator=...` (bukti dukung) or of `?findingId=...` (a follow-up); GET
 * `?id=...` downloads one. The gateway streams both here
 * with a call token; the file never travels as a GraphQL string. Refusals answer in GraphQL's
 * error shape with the field at fault in `extensions.field`.
 */
export const evidenceRoute: ServiceRoute = async (req, res, { identity }) => {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  if (req.method === 'GET') return download(res, identity, params.get('id') ?? '');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'POST a file, or GET one by its id');
  }
  try {
    const target = await attachmentTarget(params);
    if (!mayFileEvidenceOf(identity, target)) return refuse(req, res, identity);
    const upload = await receiveFile(req, evidenceStore().settings.maxFileBytes);
    try {
      const evidence = await attachEvidence(target, upload.file, upload, identity.sub);
      sendJson(res, 201, { evidence: { ...evidence, downloadPath: downloadPath(evidence.id) } });
    } finally {
      await upload.file.discard();
    }
  } catch (error) {
    answerError(req, res, error);
  }
};

export const downloadPath = (id: string) => `/evidence?id=${encodeURIComponent(id)}`;

function refuse(req: IncomingMessage, res: ServerResponse, identity: Identity) {
  const anonymous = identity.role === 'public';
  sendRefusal(req, res, {
    status: anonymous ? 401 : 403,
    code: anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    message: anonymous
      ? 'Evidence is for signed-in assessors, units and administrators'
      : `Evidence of this lokus is filed by its region's assessors, of a finding by the unit that must act, and by administrators: not by role ${identity.role} here`,
  });
}

/** The request's one `file` part, spooled to a temporary file while it arrives. */
function receiveFile(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ file: Spooled; fileName?: string; declaredType: string }> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    return Promise.reject(
      new EvidenceRefused(
        'EVIDENCE_NOT_MULTIPART',
        'Send the file as multipart/form-data, in a part named "file"',
        'file',
        415,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, parts: 11 } });
    } catch (error) {
      return reject(
        new EvidenceRefused('EVIDENCE_NOT_MULTIPART', (error as Error).message, 'file', 400),
      );
    }
    let received: Promise<{ file: Spooled; fileName?: string; declaredType: string }> | undefined;
    parser.on('file', (name: string, stream: Readable, info: busboy.FileInfo) => {
      if (name !== 'file' || received) {
        stream.resume();
        return;
      }
      received = spool(stream, { maxBytes }).then((file) => ({
        file,
        fileName: info.filename,
        declaredType: info.mimeType,
      }));
      // Stop reading the request once the file is refused: the rest is never stored.
      received.catch((error) => {
        req.unpipe(parser);
        reject(error);
      });
    });
    parser.on('error', (error: Error) =>
      reject(new EvidenceRefused('EVIDENCE_NOT_MULTIPART', error.message, 'file', 400)),
    );
    parser.on('close', () => {
      if (!received) {
        reject(new EvidenceRefused('EVIDENCE_EMPTY', 'No part named "file" was sent', 'file', 400));
      } else {
        received.then(resolve, reject);
      }
    });
    req.pipe(parser);
    req.on('error', reject);
  });
}

/** The store away: the upload or download can be tried again shortly; nothing was filed. */
function storeAway(req: IncomingMessage, res: ServerResponse) {
  return sendRefusal(req, res, {
    status: 503,
    code: 'EVIDENCE_STORE_UNAVAILABLE',
    message: 'The evidence store does not answer: nothing was filed or read; try again in a minute',
    headers: { 'retry-after': '30' },
  });
}

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  if (error instanceof StoreUnavailable) return storeAway(req, res);
  if (error instanceof TooLarge) {
    return sendRefusal(req, res, {
      status: 413,
      code: 'EVIDENCE_TOO_LARGE',
      message: `The file is larger than the ${error.limit} bytes a piece of evidence may be`,
      extensions: { field: 'file', limit: error.limit },
    });
  }
  if (error instanceof MutationError) {
    const status =
      error instanceof EvidenceRefused
        ? error.status
        : error instanceof NotFoundError
          ? 404
          : error instanceof IllegalTransitionError
            ? 409
            : 400;
    const code = error instanceof EvidenceRefused ? error.code : codeOf(error);
    return sendRefusal(req, res, {
      status,
      code,
      message: error.message,
      extensions: { field: error.field, errorType: error.name },
    });
  }
  throw error;
}

const codeOf = (error: MutationError) =>
  error instanceof NotFoundError
    ? 'NOT_FOUND'
    : error instanceof IllegalTransitionError
      ? 'ILLEGAL_TRANSITION'
      : 'BAD_USER_INPUT';

async function download(res: ServerResponse, identity: Identity, id: string) {
  const evidence = id
    ? await prisma().evidence.findUnique({
        where: { id },
        include: {
          lokus: { select: { assessment: { select: { subjectId: true } } } },
          finding: { select: { subjectId: true, organisationId: true } },
        },
      })
    : null;
  // Evidence the caller may not read is answered as evidence that does not exist.
  if (!evidence || !mayReadEvidenceOf(identity, ownerOf(evidence))) {
    return sendError(res, 404, 'NOT_FOUND', `No evidence ${id || '(no id given)'}`, {
      field: 'id',
    });
  }
  let body: Readable;
  try {
    body = await evidenceStore().store.read(evidence.sha256);
  } catch (error) {
    if (error instanceof StoreUnavailable) return storeAway(res.req, res);
    if (!(error instanceof ObjectMissing)) throw error;
    return sendError(
      res,
      500,
      'EVIDENCE_MISSING',
      `The bytes of evidence ${id} are missing from the store`,
    );
  }
  res.writeHead(200, {
    'content-type': evidence.mediaType,
    'content-length': String(evidence.size),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
    // What a browser shows is what the bytes were checked to be, nothing it guesses.
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'repr-digest': `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`,
  });
  body.pipe(res);
}
