import { instrumentOf } from '@mutu/scoring';
import { ADMIN_ONLY, optionalId } from '@mutu/service';
import { builder, type Context } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { subjectOfAssessment } from '../ids.js';
import { bandOfTotal, IndicatorRef, OpinionFinding, ScoreBand } from '../methods/schema.js';
import { OrganisationRef, organisationRef } from '../refs.js';
import { methodologyOf } from '../scores.js';
import { adminOrAssessorOf, knownAssessments, mayKnowOf, mayReadScores } from '../visibility.js';
import {
  advanceAssessment,
  correctAssessment,
  createAssessment,
  recordIndicatorScores,
  recordLokusScores,
  recordPublishedTotal,
  removeLokus,
} from './commands.js';

/** The subject whose assessor may score a lokus: '' for an unknown lokus (nobody's). */
export async function subjectOfLokus(lokusId: string): Promise<string> {
  const found = await prisma().lokus.findUnique({
    where: { id: lokusId },
    select: { assessment: { select: { subjectId: true } } },
  });
  return found?.assessment.subjectId ?? '';
}

/**
 * The subject of a lokus a guarded field resolves on: from the field's selection where the
 * lokus was loaded by a query, else looked up (a lokus a mutation returned is loaded whole,
 * before the selection, when scopes are checked).
 */
export async function subjectOfLoadedLokus(lokus: {
  id: string;
  assessment?: { subjectId: string };
}): Promise<string> {
  return lokus.assessment?.subjectId ?? subjectOfLokus(lokus.id);
}

/** What every versioned write's `expectedVersion` argument says. */
const VERSION =
  "The assessment's version you read; a stale one is refused with a VersionConflictError.";

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
    version: t.exposeInt('version', {
      description:
        'Raised by every change, to it, its lokus, their scores and their reviews; give the version you read to every write on it (recordLokusScores, removeLokus, each workflow step), and a stale one is refused with a VersionConflictError.',
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

builder.objectFields(OrganisationRef, (t) => ({
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

builder.prismaObject('ComponentScore', {
  description:
    'One component of a lokus: an Ombudsman dimension, an IPP aspect, an SKM element or an SPBE domain, with its weight in the methodology.',
  select: {
    key: true,
    score: true,
    points: true,
    lokus: { select: { assessment: { select: { methodologyId: true } } } },
  },
  fields: (t) => ({
    component: t.exposeString('key', { description: 'The methodology\'s key, e.g. "proses".' }),
    name: t.string({
      description: 'Its official name.',
      resolve: (c) => componentOf(c).name,
    }),
    weight: t.float({
      description: 'Its weight in the methodology (as the source states it; percents or 1s).',
      resolve: (c) => componentOf(c).weight,
    }),
    score: t.exposeFloat('score', { description: "The unit's score on the component's scale." }),
    points: t.exposeFloat('points', {
      description:
        'Its contribution to the lokus total in total points (weight share x score), as the Ombudsman publishes dimensions.',
    }),
  }),
});

function componentOf(c: { key: string; lokus: { assessment: { methodologyId: string } } }) {
  const methodology = methodologyOf(c.lokus.assessment.methodologyId);
  const component = methodology.components?.find((x) => x.key === c.key);
  if (!component) throw new Error(`${c.key} is not a component of ${methodology.id}`);
  return component;
}

interface IndicatorScoreShape {
  methodologyId: string;
  key: string;
  score: number;
  note: string | null;
  scoredBy: string;
  scoredAt: Date;
}

const IndicatorScore = builder.objectRef<IndicatorScoreShape>('IndicatorScore').implement({
  description:
    "One indicator of a lokus, scored by its assessor: a level on the indicator's scale.",
  fields: (t) => ({
    indicator: t.field({
      type: IndicatorRef,
      description: "The indicator of the methodology's instrument.",
      resolve: (s) => indicatorOf(s.methodologyId, s.key),
    }),
    score: t.exposeInt('score', { description: 'The level given.' }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'How the assessor reached the level.',
    }),
    scoredBy: t.exposeString('scoredBy', { description: 'Who gave it: a token subject.' }),
    scoredAt: t.field({ type: 'DateTime', resolve: (s) => s.scoredAt }),
  }),
});

function indicatorOf(methodologyId: string, key: string) {
  const found = instrumentOf(methodologyOf(methodologyId))?.indicators.find((i) => i.key === key);
  // Only keys the instrument has are ever stored.
  if (!found) throw new Error(`${key} is not an indicator of ${methodologyId}`);
  return found;
}

export const Lokus = builder.prismaObject('Lokus', {
  description:
    'A lokus: one of the service units sampled to assess a government (e.g. Dinas Kesehatan, Dukcapil, a puskesmas), with its own component scores. A government scored as a whole has one lokus, itself. Where the methodology has an instrument (PEKPPP), the lokus is scored indicator by indicator and its components and total follow.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id, for recordIndicatorScores.' }),
    version: t.exposeInt('version', {
      description:
        'Raised by every change to its scores and its review; give the version you read to recordIndicatorScores, recordVerification and resubmitLokus.',
    }),
    unit: t.field({
      type: OrganisationRef,
      select: { unitId: true },
      description: 'The assessed unit.',
      resolve: (l) => organisationRef(l.unitId),
    }),
    score: t.exposeFloat('total', {
      nullable: true,
      description:
        "The unit's total at the methodology's precision, from packages/scoring; null while indicators of its instrument are still unscored, or where a published result names the unit as sampled without publishing its total.",
    }),
    band: t.field({
      type: ScoreBand,
      nullable: true,
      select: { total: true, assessment: { select: { methodologyId: true } } },
      description: "The unit's band under the assessment's methodology; null until it has a score.",
      resolve: (l) => (l.total === null ? null : bandOfTotal(l.assessment.methodologyId, l.total)),
    }),
    components: t.relation('scores', {
      description:
        'Its component scores, by component key; for an instrument, those whose every indicator is scored.',
      query: { orderBy: { key: 'asc' } },
    }),
    indicators: t.field({
      type: [IndicatorScore],
      description: "Its scored indicators, in the order of the instrument's form.",
      select: { indicators: true, assessment: { select: { methodologyId: true } } },
      resolve: (l) =>
        inFormOrder(l.assessment.methodologyId, l.indicators).map((i) => ({
          ...i,
          methodologyId: l.assessment.methodologyId,
        })),
    }),
    missingIndicators: t.field({
      type: ['String'],
      description:
        "Keys of the instrument's indicators not scored yet, in form order; empty for a complete lokus or one scored by components.",
      select: {
        indicators: { select: { key: true } },
        assessment: { select: { methodologyId: true } },
      },
      resolve: (l) => {
        const instrument = instrumentOf(methodologyOf(l.assessment.methodologyId));
        const scored = new Set(l.indicators.map((i) => i.key));
        return (instrument?.indicators ?? []).map((i) => i.key).filter((k) => !scored.has(k));
      },
    }),
  }),
});

function inFormOrder<T extends { key: string }>(methodologyId: string, rows: T[]): T[] {
  const order = (instrumentOf(methodologyOf(methodologyId))?.indicators ?? []).map((i) => i.key);
  return [...rows].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

builder.prismaObjectFields(Assessment, (t) => ({
  lokus: t.relation('lokus', {
    // A draft's lokus scores are its assessor's and the administrators' (visibility.ts).
    nullable: true,
    authScopes: (a, _args, ctx) => mayReadScores(ctx.identity, a),
    description:
      'The sampled units with their scores, lowest total first: the first ones are those that pulled the total down.',
    query: { orderBy: [{ total: 'asc' }, { unitId: 'asc' }] },
  }),
}));

const ComponentScoreInput = builder.inputType('ComponentScoreInput', {
  description: "One component's score, on the component's own scale.",
  fields: (t) => ({
    component: t.string({
      required: true,
      description: 'The methodology\'s component key, e.g. "proses" or "kebijakan".',
    }),
    score: t.float({ required: true }),
  }),
});

export const IndicatorScoreInput = builder.inputType('IndicatorScoreInput', {
  description: "One indicator's level, as the instrument's form describes the levels.",
  fields: (t) => ({
    indicator: t.string({
      required: true,
      description: 'The indicator\'s key in the instrument, e.g. "1".',
    }),
    score: t.int({ required: true, description: "A level on the indicator's scale (PEKPPP 0-5)." }),
    note: t.string({ description: 'How the level was reached, up to 1000 characters.' }),
  }),
});

const LokusInput = builder.inputType('LokusInput', {
  description:
    "A lokus with all its component scores (the methodology's every component), or, where only the unit's total was published, that total; where the methodology has an instrument, its indicator scores.",
  fields: (t) => ({
    unitId: t.id({
      required: true,
      description: "The unit's organisation id; the subject's own id when scored as a whole.",
    }),
    scores: t.field({ type: [ComponentScoreInput], description: 'Its component scores.' }),
    total: t.float({
      description:
        "The unit's published total, on the method's scale and precision, instead of component scores.",
    }),
    indicators: t.field({
      type: [IndicatorScoreInput],
      description:
        'Where the methodology has an instrument: indicator scores instead of component scores, joining those the lokus already has (its components and total are computed).',
    }),
  }),
});

const CreateAssessmentInput = builder.inputType('CreateAssessmentInput', {
  description: 'A new DRAFT assessment in an OPEN cycle.',
  fields: (t) => ({
    cycleId: t.id({ required: true }),
    subjectId: t.id({ required: true, description: 'The assessed organisation.' }),
    assessorId: t.id({ description: 'The assessing body, e.g. an Ombudsman office.' }),
    lokus: t.field({ type: [LokusInput], description: 'Lokus already scored; more can follow.' }),
    source: t.string({
      description: 'Where the scores come from; "Recorded by <actor>" if omitted.',
    }),
    note: t.string(),
    finding: t.field({
      type: OpinionFinding,
      description: "The opinion's second part, where the cycle's method has one (Ombudsman 2025).",
    }),
  }),
});

const SampledLokusInput = builder.inputType('SampledLokusInput', {
  description:
    "A unit the assessment sampled (a lokus), as the source names it, with its published total where the source gives one (the Ombudsman 2021 sampled four or five sectors per government and published only the government's total).",
  fields: (t) => ({
    unitId: t.id({ required: true }),
    total: t.float({
      description: "The unit's published total, on the cycle's scale; omit where unpublished.",
    }),
  }),
});

const PublishedTotalInput = builder.inputType('PublishedTotalInput', {
  description: 'A result published without its components, e.g. in a press release.',
  fields: (t) => ({
    cycleId: t.id({ required: true }),
    subjectId: t.id({ required: true }),
    score: t.float({
      required: true,
      description: "The published total, on the cycle's scale and at its precision.",
    }),
    source: t.string({
      required: true,
      description: 'The publication, e.g. "KepmenPAN-RB 659/2024".',
    }),
    assessorId: t.id(),
    note: t.string(),
    correctionReason: t.string({
      description:
        'Required when the subject already has a result in the cycle: the new total becomes a new revision and the old one stays in the history.',
    }),
    finding: t.field({
      type: OpinionFinding,
      description:
        "The opinion's second part as published, where the cycle's method has one (Ombudsman 2025: TANPA_MALADMINISTRASI).",
    }),
    lokus: t.field({
      type: [SampledLokusInput],
      description:
        'The units the source says were sampled; the published total stands as given, whatever the units add up to.',
    }),
  }),
});

const assessmentStep = (name: string, step: 'submit' | 'verify' | 'publish', description: string) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: Assessment,
      description,
      // Assessors submit their region's assessments; verifying and publishing is the
      // supervising body's (an administrator's) step, never the assessor's own.
      authScopes:
        step === 'submit'
          ? (_root, { id }) => adminOrAssessorOf(subjectOfAssessment(String(id)))
          : ADMIN_ONLY,
      errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
      args: {
        id: t.arg.id({ required: true }),
        expectedVersion: t.arg.int({ required: true, description: VERSION }),
      },
      resolve: (_root, args, ctx) =>
        advanceAssessment(String(args.id), step, args.expectedVersion, ctx.identity.sub),
    }),
  );

assessmentStep(
  'submitAssessment',
  'submit',
  'DRAFT -> SUBMITTED; it needs at least one scored lokus.',
);
assessmentStep('verifyAssessment', 'verify', 'SUBMITTED -> VERIFIED.');
assessmentStep(
  'publishAssessment',
  'publish',
  'VERIFIED -> PUBLISHED once the cycle is CLOSED (or PUBLISHED, for a correction). Published assessments never change.',
);

builder.mutationFields((t) => ({
  createAssessment: t.field({
    type: Assessment,
    description:
      "Starts a subject's assessment in an OPEN cycle (DRAFT). One per subject and cycle; subject, assessor and lokus units must be in the register.",
    authScopes: (_root, { input }) => adminOrAssessorOf(String(input.subjectId)),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: { input: t.arg({ type: CreateAssessmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAssessment(
        {
          ...input,
          cycleId: String(input.cycleId),
          subjectId: String(input.subjectId),
          assessorId: optionalId(input.assessorId),
          lokus: input.lokus?.map((l) => ({ ...l, unitId: String(l.unitId) })),
        },
        ctx.identity.sub,
      ),
  }),
  recordLokusScores: t.field({
    type: Assessment,
    description:
      'Records or replaces the component scores of lokus of a DRAFT assessment; the totals are recomputed by packages/scoring.',
    authScopes: (_root, args) => adminOrAssessorOf(subjectOfAssessment(String(args.assessmentId))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: {
      assessmentId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      lokus: t.arg({ type: [LokusInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      recordLokusScores(
        String(args.assessmentId),
        args.expectedVersion,
        args.lokus.map((l) => ({ ...l, unitId: String(l.unitId) })),
        ctx.identity.sub,
      ),
  }),
  removeLokus: t.field({
    type: Assessment,
    description: 'Drops a lokus from a DRAFT assessment; the total is recomputed.',
    authScopes: (_root, args) => adminOrAssessorOf(subjectOfAssessment(String(args.assessmentId))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: {
      assessmentId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      unitId: t.arg.id({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      removeLokus(
        String(args.assessmentId),
        args.expectedVersion,
        String(args.unitId),
        ctx.identity.sub,
      ),
  }),
  recordIndicatorScores: t.field({
    type: Lokus,
    description:
      "Scores indicators of one lokus of a DRAFT assessment whose methodology has an instrument; packages/scoring computes the lokus's components and total, and the assessment's total, once every indicator is scored. Scores join those the lokus has; one given again replaces the earlier.",
    authScopes: async (_root, args) =>
      adminOrAssessorOf(await subjectOfLokus(String(args.lokusId))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'lokus' } },
    args: {
      lokusId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: "The lokus's version you read." }),
      scores: t.arg({ type: [IndicatorScoreInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      recordIndicatorScores(
        String(args.lokusId),
        args.expectedVersion,
        args.scores,
        ctx.identity.sub,
      ),
  }),
  returnAssessment: t.field({
    type: Assessment,
    description: 'SUBMITTED or VERIFIED -> DRAFT, for revision; the reason is kept.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      reason: t.arg.string({ required: true, description: 'What to revise, 3-1000 characters.' }),
    },
    resolve: (_root, args, ctx) =>
      advanceAssessment(
        String(args.id),
        'return',
        args.expectedVersion,
        ctx.identity.sub,
        args.reason,
      ),
  }),
  correctAssessment: t.field({
    type: Assessment,
    description:
      'Starts a correction of a PUBLISHED assessment: a new DRAFT revision with the same lokus. The published one stays current until the correction is published.',
    authScopes: (_root, args) => adminOrAssessorOf(subjectOfAssessment(String(args.id))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      reason: t.arg.string({ required: true, description: 'Why it is corrected.' }),
    },
    resolve: (_root, args, ctx) =>
      correctAssessment(String(args.id), args.expectedVersion, args.reason, ctx.identity.sub),
  }),
  recordPublishedTotal: t.field({
    type: Assessment,
    description:
      'Records a published result without components (origin PUBLISHED_TOTAL), published at once.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'assessment' } },
    args: { input: t.arg({ type: PublishedTotalInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordPublishedTotal(
        {
          ...input,
          cycleId: String(input.cycleId),
          subjectId: String(input.subjectId),
          assessorId: optionalId(input.assessorId),
          lokus: input.lokus?.map((l) => ({ unitId: String(l.unitId), total: l.total ?? null })),
        },
        ctx.identity.sub,
      ),
  }),
}));
