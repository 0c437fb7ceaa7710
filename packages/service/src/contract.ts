import type { PeerGroup } from '@mutu/scoring';
/**
 * The graph contract's organisation id: stable and URL-safe; for governments the Kemendagri
 * code ("15.01"), for bodies under them the parent's id plus a slug. Every subgraph that takes
 * an organisation id checks it against this one rule.
 */
export const ORGANISATION_ID = /^[a-z0-9][a-z0-9.-]{0,199}$/;

export const isOrganisationId = (id: string): boolean => ORGANISATION_ID.test(id);

/** A record as an audit entry keeps it: plain JSON (dates as ISO strings). */
export function auditSnapshot(record: unknown): NonNullable<unknown> {
  return JSON.parse(JSON.stringify(record)) as NonNullable<unknown>;
}

/**
 * The row every subgraph's AuditEntry table takes for one change: who did what to which
 * record, with the record before and after as plain JSON. `Json` is the service's Prisma
 * input JSON type.
 */
export function auditEntry<Json>(entry: {
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}) {
  const json = (value: unknown) => (value == null ? undefined : (auditSnapshot(value) as Json));
  return {
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actor: entry.actor,
    before: json(entry.before),
    after: json(entry.after),
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
}

/** The province an organisation lies in, read from its id ("64.08..." lies in "64"). */
export function provinceOfOrganisation(id: string): string | null {
  return /^(\d{2})(?:\.|$)/.exec(id)?.[1] ?? null;
}

/**
 * An organisation's official peer group for league tables (@mutu/scoring's PEER_GROUPS). A
 * regional government's is read from its Kemendagri code: "64" a province, "64.08" a regency
 * (kabupaten, NN.01-NN.69), "64.71" a city (kota, NN.71-NN.99). A national body's needs the
 * register: ministries are the bodies the register names "Kementerian ..." (the official name
 * of every kementerian), the other national bodies are agencies (lembaga, badan). Everything
 * else (OPDs, units) is OTHER.
 */
export function peerGroupOf(
  id: string,
  registered?: { kind: string; name: string } | null,
): PeerGroup {
  if (/^\d{2}$/.test(id)) return 'PROVINCE';
  const regency = /^\d{2}\.(\d{2})$/.exec(id)?.[1];
  if (regency) return Number(regency) >= 71 ? 'CITY' : 'REGENCY';
  if (registered?.kind === 'NATIONAL_AGENCY') {
    return /^Kementerian\b/i.test(registered.name) ? 'MINISTRY' : 'AGENCY';
  }
  return 'OTHER';
}

/**
 * An AssessmentCycle's key (graph contract): the framework in lowercase with dashes, the year,
 * and the period if any, e.g. "ipp-2024", "ombudsman-compliance-2023", "skm-2025-s1".
 */
export const assessmentCycleId = (framework: string, year: number, period = '') =>
  `${framework.toLowerCase().replace(/_/g, '-')}-${year}${period ? `-${period.toLowerCase()}` : ''}`;

/** The parts of a cycle id, or null when it is not shaped like one. */
export function parseAssessmentCycleId(
  id: string,
): { framework: string; year: number; period: string } | null {
  const match = /^([a-z]+(?:-[a-z]+)*)-(\d{4})(?:-([a-z0-9]{1,10}))?$/.exec(id);
  if (!match?.[1] || !match[2]) return null;
  return {
    framework: match[1].toUpperCase().replace(/-/g, '_'),
    year: Number(match[2]),
    period: (match[3] ?? '').toUpperCase(),
  };
}
