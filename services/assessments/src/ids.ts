import {
  assessmentCycleId,
  peerGroupOf,
  provinceOfOrganisation,
  type RegisteredOrganisation,
} from '@mutu/service';
import type { Framework } from './generated/prisma/enums.js';

export const cycleId = (framework: Framework, year: number, period = '') =>
  assessmentCycleId(framework, year, period);

/** Revision 1 keeps the plain id; "~" cannot occur in an organisation id, so ids never collide. */
export const assessmentId = (cycle: string, subjectId: string, revision = 1) =>
  revision === 1 ? `${cycle}.${subjectId}` : `${cycle}.${subjectId}~r${revision}`;

/**
 * What identifies and places a subject's assessment in a cycle: the columns every writer sets.
 * The peer group comes from the subject's id, and for national bodies from the register's
 * record of it (`registered`), which every writer has asked for.
 */
export function assessmentKey(
  cycle: string,
  subjectId: string,
  revision = 1,
  registered?: RegisteredOrganisation | null,
) {
  return {
    id: assessmentId(cycle, subjectId, revision),
    cycleId: cycle,
    subjectId,
    peerGroup: peerGroupOf(subjectId, registered),
    provinceCode: registered?.provinceCode ?? provinceOfOrganisation(subjectId),
    revision,
  };
}

/** The subject of an assessment, from its id (`<cycle>.<subject>`, corrections `~rN`). */
export function subjectOfAssessment(assessmentId: string): string {
  const dot = assessmentId.indexOf('.');
  return dot < 0 ? '' : assessmentId.slice(dot + 1).replace(/~r\d+$/, '');
}
