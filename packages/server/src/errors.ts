import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logging.js';

/**
 * A malformed argument: `extensions.code` is BAD_USER_INPUT (Apollo's convention, which clients
 * already switch on) and `extensions.argument` names the argument at fault.
 */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/**
 * PostgreSQL's SQLSTATEs for a write that met another session's (a row held past the lock
 * timeout, a deadlock, a serialization failure, a statement cancelled at its timeout), and
 * Prisma's codes for the same (P2034) and for a transaction closed at its time limit (P2028).
 */
const CONTENTION = new Set(['55P03', '40P01', '40001', '57014', 'P2034', 'P2028']);

/** Whether an error is a write that lost to another session's: nothing written, try again. */
export function isContention(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
      cause?: unknown;
    };
    if (typeof e.code === 'string' && CONTENTION.has(e.code)) return true;
    const original = e.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === 'string' && CONTENTION.has(original)) return true;
    // Prisma's driver adapters write the SQLSTATE into the message ("Code: `55P03`").
    const quoted = typeof e.message === 'string' ? /Code: `([0-9A-Z]{5})`/.exec(e.message) : null;
    if (quoted?.[1] && CONTENTION.has(quoted[1])) return true;
    current = e.cause;
  }
  return false;
}

/** Codes that say something went wrong inside: their message is for the log, not the caller. */
const UNEXPECTED = new Set([undefined, 'INTERNAL_SERVER_ERROR']);

/** Whether an answer's error is one we did not mean to send (a database message, a bug). */
export const isUnexpected = (error: GraphQLFormattedError): boolean =>
  UNEXPECTED.has(error.extensions?.code as string | undefined);

/**
 * Masks unexpected errors: the caller reads a generic message with the request id, and the log
 * holds the real one under the same id. Errors that carry a code of ours (BAD_USER_INPUT,
 * FORBIDDEN, a subgraph's name when it is down...) pass unchanged.
 */
export function maskUnexpectedErrors<TContext extends BaseContext>(options: {
  logger?: Logger;
  requestIdOf: (context: TContext) => string | undefined;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!error.extensions?.code && isContention(error.originalError)) {
              // Said before the answer is formatted: a typed, retryable refusal, not a 500.
              error.message =
                'Another session was changing the same records; nothing was written: try again in a moment';
              (error.extensions as Record<string, unknown>).code = 'DATABASE_BUSY';
              continue;
            }
            const code = error.extensions?.code as string | undefined;
            if (UNEXPECTED.has(code)) {
              options.logger?.error(
                { reqId: options.requestIdOf(contextValue), err: error.originalError ?? error },
                'unexpected error',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = options.requestIdOf(contextValue);
          const status = response.http.status ?? 200;
          response.body.singleResult.errors = response.body.singleResult.errors
            .map((error) =>
              // Apollo's own refusals of a request (a persisted query's hash that does not match its
              // text, an unknown version) carry a 4xx status and no code: the caller's mistake,
              // said in Apollo's words, not an internal error.
              isUnexpected(error) && status >= 400 && status < 500 && !error.path
                ? { ...error, extensions: { ...error.extensions, code: 'BAD_REQUEST' } }
                : isUnexpected(error)
                  ? {
                      message: `Internal server error${requestId ? ` (request id ${requestId})` : ''}; the details are in the server log`,
                      ...(error.locations ? { locations: error.locations } : {}),
                      ...(error.path ? { path: error.path } : {}),
                      extensions: {
                        code: 'INTERNAL_SERVER_ERROR',
                        ...(requestId ? { requestId } : {}),
                      },
                    }
                  : error,
            )
            .map((error) => ({ ...error, message: shortenEchoes(error.message) }));
        },
      };
    },
  };
}

/** How much of a value the caller sent an error's message repeats. */
const ECHO_CHARS = 80;

/**
 * Cuts each quoted value in an error's message to its first 80 characters and its length:
 * graphql-js repeats the value of a variable it cannot coerce, and a 1 MB string sent where a
 * number belongs came back as a 1 MB error. The caller needs only to recognise the value.
 */
function shortenEchoes(message: string): string {
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) =>
    inner.length <= ECHO_CHARS
      ? whole
      : `"${inner.slice(0, ECHO_CHARS)}…" (${inner.length} characters)`,
  );
}
