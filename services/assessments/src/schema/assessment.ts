import {
  assertComparable,
  bandOf,
  methodologyById,
  methodologyFor,
  roundTo,
  type Change as ScoringChange,
  ScoringError,
  withYearOverYearChange,
} from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder, type Context } from '../builder.js';
import { prisma } from '../db.js';
import type { PublishedResult } from '../loaders.js';
import { knownAssessments, mayKnowOf, mayReadScores } from '../visibility.js';
import { AssessmentCycle, assertYear } from './cycle.js';
import { OrganisationRef, organisationRef } from './organisation.js';
import { Framework, OpinionFinding, ScoreBand, scoreBandOf } from './score-band.js';

export const AssessmentStatus = builder.enumType('AssessmentStatus', {
  description: 'Where an assessment stands in its workflow.',
  values: {
    DRAFT: { description: 'Being recorded; component scores may change.' },
    SUBMITTED: { description: 'Submitted for verification.' },
    VERIFIED: { description: 'Verified; awaiting publication.' },
    PUBLISHED: { description: 'Public and immutable; corrections are new revisions.' },
  } as const,
});

export const ScoreOrigin = builder.enumType('ScoreOrigin', {
  description: 'How the total came to be.',
  values: {
    COMPUTED: {
      description:
        "Computed by packages/scoring from its lokus: their component scores or their published totals, combined by the method's rule.",
    },
    PUBLISHED_TOTAL: {
      description: 'Recorded as published (e.g. a press release) without its components.',
    },
  } as const,
});

/**
 * A draft's scores are its assessor's and the administrators' to see (visibility.ts): others
 * (analysts) learn that it exists and where it stands, and read null with an error here.
 */
const SCORES = {
  authScopes: (a: { status: string; subjectId: string }, _args: object, ctx: Context) =>
    mayReadScores(ctx.identity, a),
};

/**
 * The band of a stored total under the methodology it was scored with, with the opinion's
 * second part where the result states one (the 2025 maladministration finding).
 */
export function bandOfTotal(methodologyId: string, total: number, finding: string | null = null) {
  const methodology = methodologyById(methodologyId);
  if (!methodology) throw new Error(`Unknown methodology ${methodologyId}`);
  return scoreBandOf(bandOf(methodology, total, { finding }));
}

export const Assessment = builder.prismaObject('Assessment', {
  description: "One subject's assessment in one cycle.",
  fields: (t) => ({
    id: t.exposeID('id'),
    cycle: t.relation('cycle', { description: 'The cycle it belongs to.' }),
    subject: t.field({
      type: OrganisationRef,
      description: 'The assessed government or unit.',
      resolve: (a) => organisationRef(a.subjectId),
    }),
    assessor: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The assessing body (an Ombudsman office, KemenPAN-RB).',
      resolve: (a) => (a.assessorId ? organisationRef(a.assessorId) : null),
    }),
    status: t.expose('status', { type: AssessmentStatus }),
    origin: t.expose('origin', { type: ScoreOrigin }),
    score: t.exposeFloat('total', {
      nullable: true,
      ...SCORES,
      description:
        'The total, at the published precision; null until scored, and for a draft unless you are its assessor or an administrator.',
    }),
    band: t.field({
      type: ScoreBand,
      nullable: true,
      ...SCORES,
      description: "The total's band under the methodology it was scored with.",
      resolve: (a) => (a.total === null ? null : bandOfTotal(a.methodologyId, a.total, a.finding)),
    }),
    finding: t.field({
      type: OpinionFinding,
      nullable: true,
      description:
        "The opinion's second part as the result states it, where the method has one (Ombudsman 2025).",
      resolve: (a) => a.finding,
    }),
    methodology: t.exposeString('methodologyId', {
      description: 'The methodology version used, e.g. "ipp-2022".',
    }),
    revision: t.exposeInt('revision', {
      description: '1 for the original; each correction adds one.',
    }),
    synthetic: t.exposeBoolean('synthetic', {
      description: 'True for a clearly labelled synthetic demo value, not a published figure.',
    }),
    source: t.exposeString('source', { description: 'Where the figure comes from.' }),
    note: t.exposeString('note', { nullable: true }),
    current: t.exposeBoolean('current', {
      description:
        'True for the revision that stands for the subject in the cycle: the newest published one, or the only one while none is published.',
    }),
    returnReason: t.exposeString('returnReason', {
      nullable: true,
      ...SCORES,
      description: 'Why it was last returned for revision; cleared when it is submitted again.',
    }),
    correctionReason: t.exposeString('correctionReason', {
      nullable: true,
      description: 'For a revision after the first: why the published result was corrected.',
    }),
    revisions: t.prismaField({
      type: ['Assessment'],
      description: 'Every revision of this subject in this cycle, oldest first.',
      select: { cycleId: true, subjectId: true },
      resolve: (query, a, _args, ctx) =>
        prisma().assessment.findMany({
          ...query,
          where: { cycleId: a.cycleId, subjectId: a.subjectId, ...knownAssessments(ctx.identity) },
          orderBy: { revision: 'asc' },
        }),
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.asEntity(Assessment, {
  key: builder.selection<{ id: string }>('id'),
  // Another subgraph's reference (an award's assessment) reaches only what the caller may know
  // of; findUnique calls of one tick are batched into one query.
  resolveReference: async ({ id }, ctx) => {
    const found = await prisma().assessment.findUnique({ where: { id } });
    return found && mayKnowOf(ctx.identity, found) ? found : null;
  },
});

export const Change = builder.objectRef<ScoringChange>('ScoreChange').implement({
  description:
    "A score against the same framework's previous cycle for the same subject. Across a change of method (Ombudsman 2019 -> 2021, 2021 -> 2022, 2024 -> 2025; IPP 2021 -> 2022; SPBE 2019 -> 2020) the two scores measure different things: the change says so and gives no delta.",
  fields: (t) => ({
    previousYear: t.exposeInt('previousYear'),
    previousScore: t.exposeFloat('previousScore'),
    delta: t.exposeFloat('delta', {
      nullable: true,
      description:
        'This score minus the previous one, at two decimals; null when the two are not comparable.',
    }),
    comparable: t.exposeBoolean('comparable', {
      description: 'False across a change of method: never read the two scores as a trend.',
    }),
    methodologyBreak: t.exposeString('methodologyBreak', {
      nullable: true,
      description: 'What changed between the two methods, when they differ.',
    }),
  }),
});

type ResultShape = { assessment: PublishedResult; change: ScoringChange | null };

const Result = builder.objectRef<ResultShape>('Result').implement({
  description: "A subject's published result in one cycle.",
  fields: (t) => ({
    cycle: t.field({ type: AssessmentCycle, resolve: (r) => r.assessment.cycle }),
    score: t.float({ resolve: (r) => r.assessment.total }),
    band: t.field({
      type: ScoreBand,
      resolve: (r) =>
        bandOfTotal(r.assessment.methodologyId, r.assessment.total, r.assessment.finding),
    }),
    change: t.field({
      type: Change,
      nullable: true,
      description:
        'Against the previous published cycle of the same framework; null for the first.',
      resolve: (r) => r.change,
    }),
    origin: t.field({ type: ScoreOrigin, resolve: (r) => r.assessment.origin }),
    assessment: t.field({ type: Assessment, resolve: (r) => r.assessment }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  results: t.field({
    type: [Result],
    // Null (with an error) rather than failing the whole organisation when this subgraph is down.
    nullable: true,
    description:
      'Published results in one framework, one per cycle, newest first, each with its change.',
    args: { framework: t.arg({ type: Framework, required: true }) },
    resolve: async (organisation, { framework }, ctx) => {
      const rows = await ctx.loaders.results.load({ subjectId: organisation.id, framework });
      return withYearOverYearChange(
        rows.map((assessment) => ({
          year: assessment.cycle.year,
          score: assessment.total,
          methodologyId: assessment.methodologyId,
          assessment,
        })),
      ).map(({ assessment, change }) => ({ assessment, change }));
    },
  }),
  assessments: t.field({
    type: [Assessment],
    nullable: true,
    description:
      'Current assessments of this organisation in every framework, newest cycle first (drafts for analysts, assessors and administrators only).',
    resolve: async (organisation, _args, ctx) => {
      const all = await ctx.loaders.assessments.load(organisation.id);
      return all.filter((a) => mayKnowOf(ctx.identity, a));
    },
  }),
}));

builder.queryField('assessment', (t) =>
  t.prismaField({
    type: 'Assessment',
    nullable: true,
    description:
      'One assessment by id; null when none has that id (or, without a token, when it is not published).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      prisma().assessment.findFirst({
        ...query,
        where: { id: String(id), ...knownAssessments(ctx.identity) },
      }),
  }),
);

interface ComparisonShape {
  fromYear: number;
  fromScore: number;
  toYear: number;
  toScore: number;
  delta: number;
}

const Comparison = builder.objectRef<ComparisonShape>('ResultComparison').implement({
  description: 'Two published results of one subject in one framework, under the same method.',
  fields: (t) => ({
    fromYear: t.exposeInt('fromYear'),
    fromScore: t.exposeFloat('fromScore'),
    toYear: t.exposeInt('toYear'),
    toScore: t.exposeFloat('toScore'),
    delta: t.exposeFloat('delta', { description: 'toScore minus fromScore, at two decimals.' }),
  }),
});

builder.queryField('resultComparison', (t) =>
  t.field({
    type: Comparison,
    nullable: true,
    description:
      "A subject's published result in one year against another year's, in one framework; null when either is not published. Across a change of method (Ombudsman 2019 -> 2021, 2021 -> 2022, 2024 -> 2025; IPP 2021 -> 2022; SPBE 2019 -> 2020) the scores measure different things: a BAD_USER_INPUT error naming fromYear, never a delta.",
    args: {
      framework: t.arg({ type: Framework, required: true }),
      organisationId: t.arg.id({ required: true }),
      fromYear: t.arg.int({ required: true }),
      toYear: t.arg.int({ required: true }),
    },
    resolve: async (_root, { framework, organisationId, fromYear, toYear }) => {
      assertYear(fromYear, 'fromYear');
      assertYear(toYear, 'toYear');
      const subjectId = String(organisationId);
      const at = (year: number, argument: string) => {
        try {
          return methodologyFor(framework, year);
        } catch (e) {
          if (e instanceof ScoringError) throw badUserInput(argument, e.message);
          throw e;
        }
      };
      try {
        assertComparable(at(fromYear, 'fromYear'), at(toYear, 'toYear'), 'fromYear');
      } catch (e) {
        if (e instanceof ScoringError) throw badUserInput(e.field, e.message);
        throw e;
      }
      const rows = await prisma().assessment.findMany({
        where: {
          subjectId,
          current: true,
          status: 'PUBLISHED',
          total: { not: null },
          cycle: { framework, year: { in: [fromYear, toYear] }, period: '' },
        },
        include: { cycle: true },
      });
      const from = rows.find((r) => r.cycle.year === fromYear);
      const to = rows.find((r) => r.cycle.year === toYear);
      if (from?.total == null || to?.total == null) return null;
      return {
        fromYear,
        fromScore: from.total,
        toYear,
        toScore: to.total,
        delta: roundTo(to.total - from.total, 2) || 0,
      };
    },
  }),
);
