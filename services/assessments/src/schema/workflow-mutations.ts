import { defineMutationErrors, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from '../builder.js';
import { AlreadyExistsError, IllegalTransitionError } from '../errors.js';
import { subjectOfAssessment } from '../subject.js';
import {
  advanceAssessment,
  advanceCycle,
  correctAssessment,
  createAssessment,
  createCycle,
  recordLokusScores,
  recordPublishedTotal,
  removeLokus,
} from '../workflow.js';
import { Assessment } from './assessment.js';
import { AssessmentCycle } from './cycle.js';
import { Framework, OpinionFinding } from './score-band.js';

/** Steps only an administrator (the supervising body) takes. */
const ADMIN = { admin: true };

const ERRORS = defineMutationErrors(builder, [
  ...SHARED_MUTATION_ERRORS,
  {
    name: 'IllegalTransitionError',
    error: IllegalTransitionError,
    description:
      "The workflow step is not allowed from the record's current status (e.g. publishing a draft, or changing a published assessment).",
    fields: { status: 'string' },
  },
  {
    name: 'AlreadyExistsError',
    error: AlreadyExistsError,
    description:
      "The cycle, or the subject's assessment in the cycle, is already recorded; `existingId` names it.",
    fields: { existingId: 'string' },
  },
]);

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

const LokusInput = builder.inputType('LokusInput', {
  description:
    "A lokus with all its component scores (the methodology's every component), or, where only the unit's total was published, that total.",
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
  }),
});

const CreateCycleInput = builder.inputType('CreateCycleInput', {
  description: 'A new assessment cycle; it starts PLANNED.',
  fields: (t) => ({
    framework: t.field({ type: Framework, required: true }),
    year: t.int({ required: true }),
    period: t.string({ description: 'Sub-period such as "S1"; omit for a yearly cycle.' }),
    methodologyId: t.string({
      description: 'The packages/scoring methodology; by default the one in force that year.',
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
  }),
});

const cycleStep = (step: 'open' | 'close' | 'publish', description: string) =>
  builder.mutationField(`${step}Cycle`, (t) =>
    t.field({
      type: AssessmentCycle,
      description,
      authScopes: ADMIN,
      errors: { types: ERRORS, dataField: { name: 'cycle' } },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => advanceCycle(String(id), step, ctx.identity.sub),
    }),
  );

cycleStep('open', 'PLANNED -> OPEN: assessments can be recorded.');
cycleStep('close', 'OPEN -> CLOSED: no new assessments; verification and publication follow.');
cycleStep(
  'publish',
  'CLOSED -> PUBLISHED: publishes every verified assessment; refused while any is draft or submitted.',
);

const assessmentStep = (name: string, step: 'submit' | 'verify' | 'publish', description: string) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: Assessment,
      description,
      // Assessors submit their region's assessments; verifying and publishing is the
      // supervising body's (an administrator's) step, never the assessor's own.
      authScopes:
        step === 'submit'
          ? (_root, { id }) => ({
              $any: { admin: true, assessorOf: subjectOfAssessment(String(id)) },
            })
          : ADMIN,
      errors: { types: ERRORS, dataField: { name: 'assessment' } },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, { id }, ctx) => advanceAssessment(String(id), step, ctx.identity.sub),
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
  createCycle: t.field({
    type: AssessmentCycle,
    description: 'Announces a cycle of a framework (PLANNED).',
    authScopes: ADMIN,
    errors: { types: ERRORS, dataField: { name: 'cycle' } },
    args: { input: t.arg({ type: CreateCycleInput, required: true }) },
    resolve: (_root, { input }, ctx) => createCycle(input, ctx.identity.sub),
  }),
  createAssessment: t.field({
    type: Assessment,
    description:
      "Starts a subject's assessment in an OPEN cycle (DRAFT). One per subject and cycle; subject, assessor and lokus units must be in the register.",
    authScopes: (_root, { input }) => ({
      $any: { admin: true, assessorOf: String(input.subjectId) },
    }),
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: { input: t.arg({ type: CreateAssessmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAssessment(
        {
          ...input,
          cycleId: String(input.cycleId),
          subjectId: String(input.subjectId),
          assessorId: input.assessorId == null ? null : String(input.assessorId),
          lokus: input.lokus?.map((l) => ({ ...l, unitId: String(l.unitId) })),
        },
        ctx.identity.sub,
      ),
  }),
  recordLokusScores: t.field({
    type: Assessment,
    description:
      'Records or replaces the component scores of lokus of a DRAFT assessment; the totals are recomputed by packages/scoring.',
    authScopes: (_root, args) => ({
      $any: { admin: true, assessorOf: subjectOfAssessment(String(args.assessmentId)) },
    }),
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: {
      assessmentId: t.arg.id({ required: true }),
      lokus: t.arg({ type: [LokusInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      recordLokusScores(
        String(args.assessmentId),
        args.lokus.map((l) => ({ ...l, unitId: String(l.unitId) })),
        ctx.identity.sub,
      ),
  }),
  removeLokus: t.field({
    type: Assessment,
    description: 'Drops a lokus from a DRAFT assessment; the total is recomputed.',
    authScopes: (_root, args) => ({
      $any: { admin: true, assessorOf: subjectOfAssessment(String(args.assessmentId)) },
    }),
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: { assessmentId: t.arg.id({ required: true }), unitId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      removeLokus(String(args.assessmentId), String(args.unitId), ctx.identity.sub),
  }),
  returnAssessment: t.field({
    type: Assessment,
    description: 'SUBMITTED or VERIFIED -> DRAFT, for revision; the reason is kept.',
    authScopes: ADMIN,
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, description: 'What to revise, 3-1000 characters.' }),
    },
    resolve: (_root, args, ctx) =>
      advanceAssessment(String(args.id), 'return', ctx.identity.sub, args.reason),
  }),
  correctAssessment: t.field({
    type: Assessment,
    description:
      'Starts a correction of a PUBLISHED assessment: a new DRAFT revision with the same lokus. The published one stays current until the correction is published.',
    authScopes: (_root, args) => ({
      $any: { admin: true, assessorOf: subjectOfAssessment(String(args.id)) },
    }),
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: {
      id: t.arg.id({ required: true }),
      reason: t.arg.string({ required: true, description: 'Why it is corrected.' }),
    },
    resolve: (_root, args, ctx) =>
      correctAssessment(String(args.id), args.reason, ctx.identity.sub),
  }),
  recordPublishedTotal: t.field({
    type: Assessment,
    description:
      'Records a published result without components (origin PUBLISHED_TOTAL), published at once.',
    authScopes: ADMIN,
    errors: { types: ERRORS, dataField: { name: 'assessment' } },
    args: { input: t.arg({ type: PublishedTotalInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordPublishedTotal(
        {
          ...input,
          cycleId: String(input.cycleId),
          subjectId: String(input.subjectId),
          assessorId: input.assessorId == null ? null : String(input.assessorId),
        },
        ctx.identity.sub,
      ),
  }),
}));
