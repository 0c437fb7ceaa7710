import type { Framework, SubjectLevel } from './generated/prisma/enums.js';

/**
 * A subject's peer group and province, read from its organisation id: by the graph contract,
 * regional governments are keyed by their Kemendagri code ("64" a province, "64.08" a regency
 * or city) and bodies under them by that code plus slugs. This subgraph never reads the
 * organisations subgraph's tables.
 */
export function subjectPlace(id: string): { level: SubjectLevel; provinceCode: string | null } {
  const province = /^(\d{2})(?:\.|$)/.exec(id)?.[1] ?? null;
  if (/^\d{2}$/.test(id)) return { level: 'PROVINCE', provinceCode: province };
  if (/^\d{2}\.\d{2}$/.test(id)) return { level: 'REGENCY', provinceCode: province };
  return { level: 'OTHER', provinceCode: province };
}

export const cycleId = (framework: Framework, year: number, period = '') =>
  `${framework.toLowerCase().replace(/_/g, '-')}-${year}${period ? `-${period.toLowerCase()}` : ''}`;

/** Revision 1 keeps the plain id; "~" cannot occur in an organisation id, so ids never collide. */
export const assessmentId = (cycle: string, subjectId: string, revision = 1) =>
  revision === 1 ? `${cycle}.${subjectId}` : `${cycle}.${subjectId}~r${revision}`;

/** What identifies and places a subject's assessment in a cycle: the columns every writer sets. */
export function assessmentKey(cycle: string, subjectId: string, revision = 1) {
  const place = subjectPlace(subjectId);
  return {
    id: assessmentId(cycle, subjectId, revision),
    cycleId: cycle,
    subjectId,
    subjectLevel: place.level,
    provinceCode: place.provinceCode,
    revision,
  };
}
