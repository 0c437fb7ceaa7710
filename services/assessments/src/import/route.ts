import {
  PayloadTooLarge,
  queryFlags,
  readBody,
  sendError,
  sendJson,
  sendPayloadTooLarge,
  sendRefusal,
} from '@mutu/server';
import { type ServiceRoute, scopesOf, uniqueViolation } from '@mutu/service';
import { importResults } from './commands.js';

/** Beyond this an import belongs in several files; it keeps one request's memory bounded. */
export const MAX_CSV_BYTES = 12 * 1024 * 1024;

const FLAGS = ['dryRun', 'skipBadRows', 'createCycles'] as const;

/**
 * POST /imports/results: a CSV of published results as the request body (the gateway streams
 * it here from its own /imports/results), options in the query string: fileName, dryRun,
 * skipBadRows, createCycles. Answers the import report as JSON. Administrators only, as every
 * write of published results.
 */
export const importResultsRoute: ServiceRoute = async (req, res, { identity }) => {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Send the CSV file with POST');
  }
  if (!scopesOf(identity).admin) {
    const anonymous = identity.role === 'public';
    return sendRefusal(req, res, {
      status: anonymous ? 401 : 403,
      code: anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      message: `Importing results is not allowed for ${anonymous ? 'callers without a token' : `role ${identity.role}`}`,
    });
  }
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const options = queryFlags(params, FLAGS);
  if ('refusal' in options) return sendRefusal(req, res, options.refusal);
  const { flags } = options;
  const fileName = params.get('fileName')?.trim().slice(0, 200) || 'a CSV import';
  let csv: string;
  try {
    csv = (await readBody(req, MAX_CSV_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof PayloadTooLarge) return sendPayloadTooLarge(req, res, error);
    throw error;
  }
  let report: Awaited<ReturnType<typeof importResults>>;
  try {
    report = await importResults(csv, {
      fileName,
      actor: identity.sub,
      dryRun: flags.dryRun ?? false,
      skipBadRows: flags.skipBadRows ?? false,
      createCycles: flags.createCycles ?? false,
    });
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
    // Someone recorded or corrected one of the file's results between the check and the write.
    return sendError(
      res,
      409,
      'CONFLICT',
      'Another write changed some of these results while the file was being checked; nothing was written, send the file again',
    );
  }
  sendJson(res, 200, report);
};
