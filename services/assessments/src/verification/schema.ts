import { Lokus, subjectOfLoadedLokus, subjectOfLokus } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { adminOrAssessorOf, mayReadEvidence } from '../visibility.js';
import { decideStage, resubmitLokus } from './commands.js';

export const VerificationStage = builder.enumType('VerificationStage', {
  description: 'The stages a submitted lokus is verified in, in this order.',
  values: {
    ADMINISTRATIVE: {
      description:
        'Administrative check (desk evaluation): the scores against the uploaded bukti dukung.',
    },
    FIELD: { description: 'Field verification: observation and interviews at the unit.' },
    FINAL: { description: 'Final review before the result is verified.' },
  } as const,
});

export const ReviewState = builder.enumType('ReviewState', {
  description: 'Where a lokus stands in its verification.',
  values: {
    DRAFTING: { description: 'Being scored by its assessor.' },
    IN_REVIEW: { description: 'Waiting for a verifier at its stage.' },
    RETURNED: {
      description: 'Returned to its assessor with notes; resubmitted to the same stage.',
    },
    ACCEPTED: { description: 'Accepted at every stage.' },
  } as const,
});

const ReviewDecision = builder.enumType('ReviewDecision', {
  values: {
    ACCEPT: { description: 'Accepted as it stands.' },
    RETURN: { description: 'Returned to the assessor with what to correct.' },
  } as const,
});

const VerificationComment = builder.prismaObject('VerificationComment', {
  description: "A verifier's word on one indicator.",
  fields: (t) => ({
    indicator: t.exposeString('indicator', { description: 'The indicator (or component) key.' }),
    decision: t.expose('decision', { type: ReviewDecision }),
    note: t.exposeString('note'),
  }),
});

const Verification = builder.prismaObject('Verification', {
  description: "One verifier's decision on one stage of a lokus.",
  fields: (t) => ({
    id: t.exposeID('id'),
    stage: t.expose('stage', { type: VerificationStage }),
    verifier: t.exposeString('verifier', { description: 'Who decided: a token subject.' }),
    decision: t.expose('decision', { type: ReviewDecision }),
    note: t.exposeString('note', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    comments: t.relation('comments', {
      type: VerificationComment,
      query: { orderBy: { indicator: 'asc' } },
    }),
  }),
});

builder.prismaObjectFields(Lokus, (t) => ({
  review: t.expose('review', { type: ReviewState }),
  stage: t.expose('stage', {
    type: VerificationStage,
    nullable: true,
    description: 'The stage it waits in (IN_REVIEW) or was returned from (RETURNED).',
  }),
  assessedBy: t.string({
    nullable: true,
    description:
      "Who last scored it (a token subject); a verifier may not be this person. For administrators and the assessors of the subject's region.",
    select: { assessedBy: true, assessment: { select: { subjectId: true } } },
    authScopes: async (l, _args, ctx) =>
      mayReadEvidence(ctx.identity, await subjectOfLoadedLokus(l)),
    resolve: (l) => l.assessedBy,
  }),
  verifications: t.field({
    type: [Verification],
    nullable: true,
    description:
      "Every stage decision on it, oldest first, with the comments per indicator: for administrators and the assessors of the subject's region.",
    select: { id: true, assessment: { select: { subjectId: true } } },
    authScopes: async (l, _args, ctx) =>
      mayReadEvidence(ctx.identity, await subjectOfLoadedLokus(l)),
    resolve: (l) =>
      prisma().verification.findMany({
        where: { lokusId: l.id },
        include: { comments: true },
        orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

const VerificationCommentInput = builder.inputType('VerificationCommentInput', {
  fields: (t) => ({
    indicator: t.string({ required: true, description: 'The indicator (or component) key.' }),
    decision: t.field({ type: ReviewDecision, required: true }),
    note: t.string({ required: true, description: 'What is right, or what to correct (3-1000).' }),
  }),
});

const VerificationInput = builder.inputType('VerificationInput', {
  description: "A verifier's decision on the stage a lokus is in.",
  fields: (t) => ({
    stage: t.field({
      type: VerificationStage,
      required: true,
      description: 'The stage decided on: the one the lokus is in.',
    }),
    decision: t.field({ type: ReviewDecision, required: true }),
    note: t.string({ description: 'A note on the lokus as a whole.' }),
    comments: t.field({
      type: [VerificationCommentInput],
      description: 'Comments per indicator; a RETURN needs at least one returned indicator.',
    }),
  }),
});

const asAssessorOfLokus = async (lokusId: string) =>
  adminOrAssessorOf(await subjectOfLokus(lokusId));

builder.mutationFields((t) => ({
  recordVerification: t.field({
    type: Lokus,
    description:
      "Decides the stage a submitted lokus is in: ACCEPT moves it to the next stage (ADMINISTRATIVE -> FIELD -> FINAL) and after FINAL accepts it, and the assessment is VERIFIED once every lokus is; RETURN sends it back to its assessor with the comments. By an administrator or an assessor of the subject's region who did not score it.",
    authScopes: async (_root, args) => asAssessorOfLokus(String(args.lokusId)),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'lokus' } },
    args: {
      lokusId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: "The lokus's version you read." }),
      input: t.arg({ type: VerificationInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      decideStage(String(args.lokusId), args.expectedVersion, args.input, ctx.identity.sub),
  }),
  resubmitLokus: t.field({
    type: Lokus,
    description: 'Sends a returned lokus, corrected, back to the stage that returned it.',
    authScopes: async (_root, args) => asAssessorOfLokus(String(args.lokusId)),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'lokus' } },
    args: {
      lokusId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: "The lokus's version you read." }),
    },
    resolve: (_root, args, ctx) =>
      resubmitLokus(String(args.lokusId), args.expectedVersion, ctx.identity.sub),
  }),
}));
