import type { Identity } from '@mutu/server';
import { scopesOf } from '@mutu/service';
import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import type {
  AssessmentStatus,
  ReviewState,
  VerificationStage,
} from '../generated/prisma/enums.js';
import { knownAssessments } from '../visibility.js';

/**
 * The revisions that are work or result: every unpublished one (a correction being drafted
 * beside its published predecessor included) and the current published one, never a published
 * revision that a later one replaced.
 */
export const WORKED_REVISIONS: Prisma.AssessmentWhereInput = {
  OR: [{ current: true }, { status: { not: 'PUBLISHED' } }],
};

/** How far a cycle's work has come, in one province or over the whole cycle. */
export interface Progress {
  /** The subjects' province; null for national bodies, or for the whole cycle. */
  provinceCode: string | null;
  assessments: Record<AssessmentStatus, number>;
  lokus: Record<ReviewState, number>;
  /** Lokus waiting for a verifier, by the stage they wait at. */
  waiting: Record<VerificationStage, number>;
}

export interface CycleProgress {
  all: Progress;
  byProvince: Progress[];
}

export interface WorklistLoaders {
  /** Progress of cycles, counting only the assessments the caller may know of: two queries. */
  progress: DataLoader<string, CycleProgress>;
}

const emptyProgress = (provinceCode: string | null): Progress => ({
  provinceCode,
  assessments: { DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, PUBLISHED: 0 },
  lokus: { DRAFTING: 0, IN_REVIEW: 0, RETURNED: 0, ACCEPTED: 0 },
  waiting: { ADMINISTRATIVE: 0, FIELD: 0, FINAL: 0 },
});

export function worklistLoaders(identity: Identity): WorklistLoaders {
  return {
    progress: new DataLoader(async (cycleIds) => {
      const ids = [...cycleIds];
      const assessments = await prisma().assessment.groupBy({
        by: ['cycleId', 'provinceCode', 'status'],
        where: { cycleId: { in: ids }, AND: [WORKED_REVISIONS, knownAssessments(identity)] },
        _count: { _all: true },
      });
      // The same visibility and revisions, in SQL: lokus are grouped by their assessment's
      // province, which Prisma's groupBy cannot reach through a relation.
      const everyStatus = scopesOf(identity).analyst;
      const lokus = await prisma().$queryRaw<
        {
          cycleId: string;
          provinceCode: string | null;
          review: ReviewState;
          stage: VerificationStage | null;
          count: number;
        }[]
      >`
        SELECT a."cycleId", a."provinceCode", l.review::text AS review, l.stage::text AS stage,
               count(*)::int AS count
        FROM "Lokus" l JOIN "Assessment" a ON a.id = l."assessmentId"
        WHERE a."cycleId" = ANY(${ids}::text[])
          AND (a.current OR a.status <> 'PUBLISHED')
          AND (${everyStatus}::boolean OR a.status = 'PUBLISHED')
        GROUP BY 1, 2, 3, 4`;
      const byCycle = new Map(ids.map((id) => [id, new Map<string | null, Progress>()]));
      const at = (cycleId: string, provinceCode: string | null) => {
        const provinces = byCycle.get(cycleId) as Map<string | null, Progress>;
        let found = provinces.get(provinceCode);
        if (!found) {
          found = emptyProgress(provinceCode);
          provinces.set(provinceCode, found);
        }
        return found;
      };
      for (const row of assessments) {
        at(row.cycleId, row.provinceCode).assessments[row.status] += row._count._all;
      }
      for (const row of lokus) {
        const progress = at(row.cycleId, row.provinceCode);
        progress.lokus[row.review] += row.count;
        if (row.review === 'IN_REVIEW' && row.stage) progress.waiting[row.stage] += row.count;
      }
      return ids.map((id) => {
        const byProvince = [...(byCycle.get(id)?.values() ?? [])].sort((a, b) =>
          (a.provinceCode ?? '~').localeCompare(b.provinceCode ?? '~'),
        );
        return { all: sum(byProvince), byProvince };
      });
    }),
  };
}

function sum(parts: Progress[]): Progress {
  const total = emptyProgress(null);
  for (const part of parts) {
    for (const group of ['assessments', 'lokus', 'waiting'] as const) {
      const into = total[group] as Record<string, number>;
      for (const [key, n] of Object.entries(part[group])) into[key] = (into[key] ?? 0) + n;
    }
  }
  return total;
}
