import { instrumentOf } from '@mutu/scoring';
import { id } from '@mutu/service';
import { IndicatorScoreInput } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { bandOfTotal, IndicatorRef, ScoreBand } from '../methods/schema.js';
import { OrganisationRef, organisationRef } from '../refs.js';
import { methodologyOf } from '../scores.js';
import { knownSelfEvaluations, mayReadScores, unitOrAdmin } from '../visibility.js';
import { recordSelfScores, submitSelfEvaluation } from './commands.js';

const SelfEvaluationStatus = builder.enumType('SelfEvaluationStatus', {
  values: {
    DRAFT: { description: 'Being scored by the unit.' },
    SUBMITTED: { description: 'Submitted by the unit; it no longer changes.' },
  } as const,
});

interface Gap {
  key: string;
  methodologyId: string;
  own: number | null;
  evaluator: number | null;
}

const IndicatorGap = builder.objectRef<Gap>('IndicatorGap').implement({
  description:
    "One indicator as the unit rated itself beside the evaluator's level: where the gap is positive the unit over-rated itself.",
  fields: (t) => ({
    indicator: t.field({
      type: IndicatorRef,
      resolve: (g) => {
        const found = instrumentOf(methodologyOf(g.methodologyId))?.indicators.find(
          (i) => i.key === g.key,
        );
        if (!found) throw new Error(`${g.key} is not an indicator of ${g.methodologyId}`);
        return found;
      },
    }),
    selfScore: t.int({ nullable: true, resolve: (g) => g.own }),
    evaluatorScore: t.int({
      nullable: true,
      description: "The evaluator's level: null until the evaluator's scores may be read.",
      resolve: (g) => g.evaluator,
    }),
    gap: t.int({
      nullable: true,
      description: 'selfScore - evaluatorScore; null where either is missing.',
      resolve: (g) => (g.own === null || g.evaluator === null ? null : g.own - g.evaluator),
    }),
  }),
});

export const SelfEvaluation = builder.prismaObject('SelfEvaluation', {
  description:
    "A unit's self-evaluation (PEKPPP mandiri, PermenPAN-RB 29/2022) for a cycle: its own levels on the instrument's indicators, kept apart from the evaluator's and never part of a published result. For the unit, the organisations above it, analysts, assessors and administrators; never public.",
  fields: (t) => ({
    id: t.exposeID('id'),
    cycle: t.relation('cycle', { type: AssessmentCycle }),
    organisation: t.field({
      type: OrganisationRef,
      resolve: (e) => organisationRef(e.organisationId),
    }),
    status: t.expose('status', { type: SelfEvaluationStatus }),
    score: t.exposeFloat('total', {
      nullable: true,
      description: 'Its own total by packages/scoring; null until every indicator is scored.',
    }),
    band: t.field({
      type: ScoreBand,
      nullable: true,
      select: { total: true, cycle: { select: { methodologyId: true } } },
      resolve: (e) => (e.total === null ? null : bandOfTotal(e.cycle.methodologyId, e.total)),
    }),
    missingIndicators: t.field({
      type: ['String'],
      select: { scores: { select: { key: true } }, cycle: { select: { methodologyId: true } } },
      resolve: (e) => {
        const done = new Set(e.scores.map((s) => s.key));
        const instrument = instrumentOf(methodologyOf(e.cycle.methodologyId));
        return (instrument?.indicators ?? []).map((i) => i.key).filter((k) => !done.has(k));
      },
    }),
    version: t.exposeInt('version', {
      description: 'Give it to recordSelfScores and submitSelfEvaluation (0 before the first).',
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    gaps: t.field({
      type: [IndicatorGap],
      description:
        "Every indicator of the instrument, in form order: the unit's level beside the evaluator's (the lokus of this unit in the cycle's assessment, where you may read its scores).",
      select: {
        cycleId: true,
        organisationId: true,
        scores: { select: { key: true, score: true } },
        cycle: { select: { methodologyId: true } },
      },
      resolve: async (e, _args, ctx) => {
        const methodologyId = e.cycle.methodologyId;
        const lokus = await prisma().lokus.findFirst({
          where: { unitId: e.organisationId, assessment: { cycleId: e.cycleId, current: true } },
          include: { indicators: true, assessment: true },
        });
        const evaluator =
          lokus && mayReadScores(ctx.identity, lokus.assessment)
            ? new Map(lokus.indicators.map((i) => [i.key, i.score]))
            : new Map<string, number>();
        const own = new Map(e.scores.map((s) => [s.key, s.score]));
        const instrument = instrumentOf(methodologyOf(methodologyId));
        return (instrument?.indicators ?? []).map((i) => ({
          key: i.key,
          methodologyId,
          own: own.get(i.key) ?? null,
          evaluator: evaluator.get(i.key) ?? null,
        }));
      },
    }),
  }),
});

builder.queryField('selfEvaluation', (t) =>
  t.prismaField({
    type: SelfEvaluation,
    nullable: true,
    description:
      "An organisation's self-evaluation in a cycle; null when none, or not yours to read.",
    args: {
      cycleId: t.arg.id({ required: true }),
      organisationId: t.arg.id({ required: true }),
    },
    resolve: (query, _root, args, ctx) =>
      prisma().selfEvaluation.findFirst({
        ...query,
        where: {
          AND: [
            { cycleId: id(args.cycleId), organisationId: id(args.organisationId) },
            knownSelfEvaluations(ctx.identity),
          ],
        },
      }),
  }),
);

builder.objectField(OrganisationRef, 'selfEvaluations', (t) =>
  t.prismaField({
    type: [SelfEvaluation],
    description: 'Its self-evaluations, newest cycle first: those you may read.',
    resolve: (query, organisation, _args, ctx) =>
      prisma().selfEvaluation.findMany({
        ...query,
        where: {
          AND: [{ organisationId: organisation.id }, knownSelfEvaluations(ctx.identity)],
        },
        orderBy: [{ cycle: { year: 'desc' } }, { cycleId: 'asc' }],
      }),
  }),
);

const VERSION = 'The version you read (0 before the first scores); a stale one is refused.';

builder.mutationFields((t) => ({
  recordSelfScores: t.field({
    type: SelfEvaluation,
    description:
      "A unit scores itself on indicators of its cycle's instrument (any subset; the rest stay missing). By the unit that speaks for the organisation, or an administrator; another unit is told it does not speak for it.",
    authScopes: (_root, _args, ctx) => unitOrAdmin(ctx.identity),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'selfEvaluation' } },
    args: {
      cycleId: t.arg.id({ required: true }),
      organisationId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      scores: t.arg({ type: [IndicatorScoreInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      recordSelfScores(
        { cycleId: id(args.cycleId), organisationId: id(args.organisationId) },
        args.expectedVersion,
        args.scores,
        ctx.identity,
      ),
  }),
  submitSelfEvaluation: t.field({
    type: SelfEvaluation,
    description: 'The unit submits its complete self-evaluation; it no longer changes.',
    authScopes: (_root, _args, ctx) => unitOrAdmin(ctx.identity),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'selfEvaluation' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
    },
    resolve: (_root, args, ctx) =>
      submitSelfEvaluation(id(args.id), args.expectedVersion, ctx.identity),
  }),
}));
