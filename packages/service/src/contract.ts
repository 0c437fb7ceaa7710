import type { IncomingMessage } from 'node:http';

/**
 * The graph contract's organisation id: stable and URL-safe; for governments the Kemendagri
 * code ("15.01"), for bodies under them the parent's id plus a slug. Every subgraph that takes
 * an organisation id checks it against this one rule.
 */
export const ORGANISATION_ID = /^[a-z0-9][a-z0-9.-]{0,199}$/;

export const isOrganisationId = (id: string): boolean => ORGANISATION_ID.test(id);

/**
 * Who is asking, from the `x-mutu-actor` header, until the gateway passes a verified identity
 * (issue 6); until then audit entries record what callers claim.
 */
export function actorOf(req?: IncomingMessage): string {
  const claimed = req?.headers['x-mutu-actor'];
  return typeof claimed === 'string' && claimed.trim() ? claimed.trim().slice(0, 200) : 'anonymous';
}

/** A record as an audit entry keeps it: plain JSON (dates as ISO strings). */
export function auditSnapshot(record: unknown): NonNullable<unknown> {
  return JSON.parse(JSON.stringify(record)) as NonNullable<unknown>;
}
