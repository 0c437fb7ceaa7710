import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Assessment, AssessmentCycle } from '../generated/prisma/client.js';
import type { Framework } from '../generated/prisma/enums.js';
import { published } from './published.js';

export type PublishedResult = Assessment & { cycle: AssessmentCycle; total: number };

export interface ResultLoaders {
  /**
   * Published results of each organisation in one framework: one query for those not kept from
   * an earlier request.
   */
  results: DataLoader<{ subjectId: string; framework: Framework }, PublishedResult[], string>;
}

export function resultLoaders(): ResultLoaders {
  return {
    results: new DataLoader(
      (keys) =>
        published().through(keys, (key) => `results|${key.framework}|${key.subjectId}`, load),
      { cacheKeyFn: (key) => `${key.framework}|${key.subjectId}` },
    ),
  };
}

async function load(keys: { subjectId: string; framework: Framework }[]) {
  const frameworks = [...new Set(keys.map((k) => k.framework))];
  const rows = await prisma().assessment.findMany({
    where: {
      current: true,
      status: 'PUBLISHED',
      total: { not: null },
      subjectId: { in: [...new Set(keys.map((k) => k.subjectId))] },
      cycle: { framework: { in: frameworks } },
    },
    include: { cycle: true },
  });
  return keys.map((key) =>
    rows.filter(
      (r): r is PublishedResult =>
        r.subjectId === key.subjectId && r.cycle.framework === key.framework && r.total !== null,
    ),
  );
}
