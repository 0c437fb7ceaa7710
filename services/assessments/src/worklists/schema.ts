import type { Identity } from '@mutu/server';
import { assertPageSize, MAX_PAGE } from '@mutu/server';
import { assertProvinceCode, assertRegencyCode } from '@mutu/service';
import { AssessmentStatus } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { assertYear } from '../inputs.js';
import { Framework, ProvinceRef } from '../refs.js';
import { ReviewState, VerificationStage } from '../verification/schema.js';
import { assessmentsWorkedBy, knownAssessments, subjectWithin } from '../visibility.js';
import { type CycleProgress, type Progress, WORKED_REVISIONS } from './loaders.js';

const WorkQueue = builder.enumType('WorkQueue', {
  description:
    "A caller's own queue: what waits for them in the regions they assess (an administrator's: everywhere). Empty for roles that do not assess.",
  values: {
    TO_SCORE: {
      description:
        'Assessments to score: drafts, and submitted ones with a lokus returned to its assessor.',
    },
    TO_VERIFY: {
      description:
        'Submitted assessments with a lokus waiting for a verifier at its stage, scored by someone else.',
    },
  } as const,
});

const AssessmentFilter = builder.inputType('AssessmentFilter', {
  description:
    'Narrows a worklist; every field given must match. Published revisions that a correction replaced are never listed.',
  fields: (t) => ({
    cycleId: t.id({ description: 'In this cycle ("ipp-2024").' }),
    framework: t.field({ type: Framework }),
    year: t.int({ description: 'Of cycles of this year.' }),
    status: t.field({
      type: [AssessmentStatus],
      description: 'Any of these statuses (all the caller may know of when omitted).',
    }),
    provinceCode: t.string({ description: 'Subjects in this province ("17").' }),
    regencyCode: t.string({
      description: 'Subjects in this regency or city ("17.01"): its government and its bodies.',
    }),
    assessorId: t.id({
      description: 'Assessed by this body (an Ombudsman perwakilan, KemenPAN-RB).',
    }),
    stage: t.field({
      type: VerificationStage,
      description: 'With a lokus waiting for a verifier at this stage.',
    }),
    review: t.field({ type: ReviewState, description: 'With a lokus in this state of review.' }),
    queue: t.field({ type: WorkQueue, description: "The caller's own queue." }),
  }),
});

type Filter = typeof AssessmentFilter.$inferInput | null | undefined;

/** The filter as a database condition, inside what the caller may know of. */
function assessmentWhere(f: Filter, identity: Identity): Prisma.AssessmentWhereInput {
  if (f?.provinceCode != null) assertProvinceCode(f.provinceCode, 'filter.provinceCode');
  if (f?.regencyCode != null) assertRegencyCode(f.regencyCode, 'filter.regencyCode');
  if (f?.year != null) assertYear(f.year, 'filter.year');
  const and: Prisma.AssessmentWhereInput[] = [WORKED_REVISIONS, knownAssessments(identity)];
  if (f?.regencyCode != null) and.push(subjectWithin(f.regencyCode));
  if (f?.stage) and.push({ lokus: { some: { review: 'IN_REVIEW', stage: f.stage } } });
  if (f?.review) and.push({ lokus: { some: { review: f.review } } });
  if (f?.queue) and.push(assessmentsWorkedBy(identity), queueWhere(f.queue, identity));
  return {
    AND: and,
    cycleId: f?.cycleId != null ? String(f.cycleId) : undefined,
    cycle:
      f?.framework || f?.year != null
        ? { framework: f?.framework ?? undefined, year: f?.year ?? undefined }
        : undefined,
    status: f?.status?.length ? { in: f.status } : undefined,
    provinceCode: f?.provinceCode ?? undefined,
    assessorId: f?.assessorId != null ? String(f.assessorId) : undefined,
  };
}

function queueWhere(
  queue: NonNullable<NonNullable<Filter>['queue']>,
  identity: Identity,
): Prisma.AssessmentWhereInput {
  if (queue === 'TO_SCORE') {
    return {
      OR: [{ status: 'DRAFT' }, { status: 'SUBMITTED', lokus: { some: { review: 'RETURNED' } } }],
    };
  }
  return {
    status: 'SUBMITTED',
    lokus: {
      some: {
        review: 'IN_REVIEW',
        OR: [{ assessedBy: null }, { assessedBy: { not: identity.sub } }],
      },
    },
  };
}

const WORKLIST_ORDER = { id: 'asc' } as const;

builder.queryField('assessments', (t) =>
  t.prismaConnection({
    type: 'Assessment',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `The worklist: assessments by id (cycle, then subject), a page at a time (at most ${MAX_PAGE} per page), narrowed by \`filter\`. Drafts and submitted ones for signed-in roles only; their scores as everywhere, for their assessors and administrators.`,
    args: { filter: t.arg({ type: AssessmentFilter }) },
    totalCount: (_connection, args, ctx) => {
      assertPageSize(args);
      return prisma().assessment.count({ where: assessmentWhere(args.filter, ctx.identity) });
    },
    resolve: (query, _root, args, ctx) => {
      assertPageSize(args);
      return prisma().assessment.findMany({
        ...query,
        where: assessmentWhere(args.filter, ctx.identity),
        orderBy: WORKLIST_ORDER,
      });
    },
  }),
);

const LokusProgress = builder.objectRef<Progress>('LokusProgress').implement({
  description: 'Lokus of the counted assessments, by where they stand in verification.',
  fields: (t) => ({
    total: t.int({ resolve: (p) => sumOf(p.lokus) }),
    drafting: t.int({ description: 'Being scored.', resolve: (p) => p.lokus.DRAFTING }),
    inReview: t.int({
      description: 'Waiting for a verifier (by stage below).',
      resolve: (p) => p.lokus.IN_REVIEW,
    }),
    returned: t.int({
      description: 'Returned to their assessors.',
      resolve: (p) => p.lokus.RETURNED,
    }),
    accepted: t.int({ description: 'Accepted at every stage.', resolve: (p) => p.lokus.ACCEPTED }),
    atAdministrative: t.int({ resolve: (p) => p.waiting.ADMINISTRATIVE }),
    atField: t.int({ resolve: (p) => p.waiting.FIELD }),
    atFinal: t.int({ resolve: (p) => p.waiting.FINAL }),
  }),
});

const WorkProgress = builder.objectRef<Progress>('WorkProgress').implement({
  description:
    "How far a cycle's work has come: assessments by status and their lokus by review. Counts only what the caller may know of (published ones for the public).",
  fields: (t) => ({
    provinceCode: t.string({
      nullable: true,
      description:
        'The province counted; null for the whole cycle, and in a breakdown for national bodies.',
      resolve: (p) => p.provinceCode,
    }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      resolve: (p) => (p.provinceCode ? { code: p.provinceCode } : null),
    }),
    assessments: t.int({ resolve: (p) => sumOf(p.assessments) }),
    draft: t.int({ resolve: (p) => p.assessments.DRAFT }),
    submitted: t.int({ resolve: (p) => p.assessments.SUBMITTED }),
    verified: t.int({ resolve: (p) => p.assessments.VERIFIED }),
    published: t.int({ resolve: (p) => p.assessments.PUBLISHED }),
    lokus: t.field({ type: LokusProgress, resolve: (p) => p }),
  }),
});

const CycleProgressRef = builder.objectRef<CycleProgress>('CycleProgress').implement({
  fields: (t) => ({
    all: t.field({ type: WorkProgress, description: 'The whole cycle.', resolve: (c) => c.all }),
    byProvince: t.field({
      type: [WorkProgress],
      description: 'Per province with any assessment, by code; national bodies last.',
      resolve: (c) => c.byProvince,
    }),
  }),
});

builder.prismaObjectFields(AssessmentCycle, (t) => ({
  assessments: t.prismaConnection({
    type: 'Assessment',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description:
      "This cycle's worklist, as `assessments` with the cycle fixed (a filter's cycleId, framework or year must agree, or the page is empty).",
    args: { filter: t.arg({ type: AssessmentFilter }) },
    totalCount: (cycle, args, ctx) => {
      assertPageSize(args);
      return prisma().assessment.count({
        where: { AND: [assessmentWhere(args.filter, ctx.identity), { cycleId: cycle.id }] },
      });
    },
    resolve: (query, cycle, args, ctx) => {
      assertPageSize(args);
      return prisma().assessment.findMany({
        ...query,
        where: { AND: [assessmentWhere(args.filter, ctx.identity), { cycleId: cycle.id }] },
        orderBy: WORKLIST_ORDER,
      });
    },
  }),
  progress: t.field({
    type: CycleProgressRef,
    description:
      'How many assessments are draft, submitted, verified and published, and how many of their lokus are being scored, wait at each stage, were returned or accepted: over the cycle and per province.',
    resolve: (cycle, _args, ctx) => ctx.loaders.progress.load(cycle.id),
  }),
}));

const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
