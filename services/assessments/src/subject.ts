import { assessmentCycleId, placeOfOrganisation } from '@mutu/service';
import type { Framework, SubjectLevel } from './generated/prisma/enums.js';

/** A subject's peer group and province, read from its organisation id (graph contract). */
export function subjectPlace(id: string): { level: SubjectLevel; provinceCode: string | null } {
  return placeOfOrganisation(id);
}

export const cycleId = (framework: Framework, year: number, period = '') =>
  assessmentCycleId(framework, year, period);

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

/** The subject of an assessment, from its id (`<cycle>.<subject>`, corrections `~rN`). */
export function subjectOfAssessment(assessmentId: string): string {
  const dot = assessmentId.indexOf('.');
  return dot < 0 ? '' : assessmentId.slice(dot + 1).replace(/~r\d+$/, '');
}
