import {
  PayloadTooLarge,
  queryFlags,
  readBody,
  sendError,
  sendJson,
  sendPayloadTooLarge,
  sendRefusal,
} from '@mutu/server';
import { MutationError, type ServiceRoute } from '@mutu/service';
import { IllegalTransitionError, NotFoundError } from '../errors.js';
import { unitOrAdmin } from '../visibility.js';
import { importSurveyResponses } from './commands.js';

/** An SKM file of a semester is a few thousand rows; this bounds one request's memory. */
export const MAX_SKM_FILE_BYTES = 8 * 1024 * 1024;

const FLAGS = ['dryRun', 'skipBadRows'] as const;

/**
 * POST /imports/skm?periodId=...: a CSV or XLSX file of respondents as the request body (the
 * gateway streams it here), options dryRun and skipBadRows, fileName for the report. Answers
 * the report: rows, imported, badRows, problems as "row N, column C: reason".
 */
export const importSurveyRoute: ServiceRoute = async (req, res, { identity }) => {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Send the file with POST');
  }
  if (!unitOrAdmin(identity)) {
    const anonymous = identity.role === 'public';
    return sendRefusal(req, res, {
      status: anonymous ? 401 : 403,
      code: anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      message: `A unit imports its own survey answers; not ${anonymous ? 'a caller without a token' : `role ${identity.role}`}`,
    });
  }
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const options = queryFlags(params, FLAGS);
  if ('refusal' in options) return sendRefusal(req, res, options.refusal);
  const { flags } = options;
  let bytes: Buffer;
  try {
    bytes = await readBody(req, MAX_SKM_FILE_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLarge) return sendPayloadTooLarge(req, res, error);
    throw error;
  }
  try {
    const report = await importSurveyResponses(
      params.get('periodId') ?? '',
      bytes,
      {
        fileName: params.get('fileName')?.trim().slice(0, 200) || 'an SKM file',
        dryRun: flags.dryRun ?? false,
        skipBadRows: flags.skipBadRows ?? false,
      },
      identity,
    );
    sendJson(res, 200, report);
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
    sendRefusal(req, res, {
      status:
        error instanceof NotFoundError ? 404 : error instanceof IllegalTransitionError ? 409 : 403,
      code:
        error instanceof NotFoundError
          ? 'NOT_FOUND'
          : error instanceof IllegalTransitionError
            ? 'ILLEGAL_TRANSITION'
            : 'FORBIDDEN',
      message: error.message,
      extensions: { field: error.field, errorType: error.name },
    });
  }
};
