import { groupBy } from '@mutu/service';
import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Assessment, AssessmentCycle } from '../generated/prisma/client.js';

export interface AssessmentLoaders {
  /** Current assessments of each organisation, any status: one query for any number. */
  assessments: DataLoader<string, (Assessment & { cycle: AssessmentCycle })[]>;
}

export function assessmentLoaders(): AssessmentLoaders {
  return {
    assessments: new DataLoader(async (subjectIds) => {
      const rows = await prisma().assessment.findMany({
        where: { current: true, subjectId: { in: [...subjectIds] } },
        include: { cycle: true },
        orderBy: [{ cycle: { year: 'desc' } }, { cycle: { framework: 'asc' } }],
      });
      return groupBy(subjectIds, rows, (r) => [r.subjectId]);
    }),
  };
}
