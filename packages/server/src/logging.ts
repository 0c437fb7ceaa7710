import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Structured JSON logs, one object per line, for every Mutu process, to stdout by default.
 * Written asynchronously: lines queued while a write is under way go out together, so a
 * request's log line never waits for a synchronous write on the request path (pino flushes
 * what is queued when the process exits).
 */
export function createLogger(
  name: string,
  level: LogLevel = 'info',
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino({ name, level, base: { service: name } }, destination);
}

/** The header that carries a request's id from the gateway to every subgraph it calls. */
export const REQUEST_ID_HEADER = 'x-request-id';

const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the caller's `x-request-id` when it is well-formed (so one id follows a
 * request through the gateway and its subgraphs), a new UUID otherwise. It is written back on
 * the request so context factories read it from the same place.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}
