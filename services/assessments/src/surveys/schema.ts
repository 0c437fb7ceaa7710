import { id } from '@mutu/service';
import { Assessment } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import * as Profile from '../generated/prisma/enums.js';
import { ScoreBand, scoreBandOf } from '../methods/schema.js';
import { OrganisationRef, organisationRef } from '../refs.js';
import { knownSurveys, mayReadResponses, unitOrAdmin } from '../visibility.js';
import {
  openSurveyPeriod,
  publishSurveyPeriod,
  recordSurveyResponses,
  surveyResult,
} from './commands.js';

const SurveyStatus = builder.enumType('SurveyStatus', {
  values: {
    OPEN: { description: 'Answers are being entered.' },
    PUBLISHED: {
      description: "Its result is the unit's SKM result; the answers no longer change.",
    },
  } as const,
});

const SkmWeighting = builder.enumType('SkmWeighting', {
  description:
    'How the nine element means are weighed (PermenPAN-RB 14/2017): exactly 1/9, or 0.111 as its annex prints it and many units report.',
  values: ['EXACT', 'ANNEX'] as const,
});

// The respondent profile's categories are the database's enums, shown as they are stored.
const AgeBand = builder.enumType('AgeBand', { values: Object.values(Profile.AgeBand) });
const Sex = builder.enumType('Sex', { values: Object.values(Profile.Sex) });
const Education = builder.enumType('Education', { values: Object.values(Profile.Education) });
const Occupation = builder.enumType('Occupation', { values: Object.values(Profile.Occupation) });

type Result = NonNullable<ReturnType<typeof surveyResult>>;

const ElementScore = builder
  .objectRef<{ key: string; name: string; mean: number; factor: number }>('SkmElementScore')
  .implement({
    description: "One of the nine elements (unsur): its mean answer, and on the result's scale.",
    fields: (t) => ({
      element: t.exposeString('key', { description: 'e.g. "waktu".' }),
      name: t.exposeString('name'),
      mean: t.exposeFloat('mean', { description: 'Nilai rata-rata (NRR), 1-4.' }),
      converted: t.float({
        description: 'The mean x 25, on the 25-100 scale of the result.',
        resolve: (e) => e.mean * e.factor,
      }),
    }),
  });

const OtherWeighting = builder
  .objectRef<NonNullable<Result['otherWeighting']>>('SkmOtherWeighting')
  .implement({
    description:
      'What the other weighting would publish, where it falls in another band: the result stands near a bound, and a comparison with a unit that weighs the other way should say so.',
    fields: (t) => ({
      weighting: t.field({ type: SkmWeighting, resolve: (o) => o.weighting }),
      score: t.exposeFloat('converted', { description: 'Converted IKM by that weighting.' }),
      band: t.field({ type: ScoreBand, resolve: (o) => scoreBandOf(o.band) }),
    }),
  });

const SurveyResult = builder.objectRef<Result>('SkmResult').implement({
  description:
    'IKM from the answers, by packages/scoring: the mean of the element means, converted (x 25) and banded, and whether the sample meets the Krejcie-Morgan table for the population served.',
  fields: (t) => ({
    respondents: t.exposeInt('respondents'),
    requiredSample: t.exposeInt('requiredSample', {
      description: 'What the Krejcie-Morgan table asks for the population served.',
    }),
    sampleSufficient: t.exposeBoolean('sampleSufficient', {
      description: 'False when fewer answered than the table asks: the result is marked so.',
    }),
    ikm: t.exposeFloat('ikm', { description: 'On the 1-4 scale.' }),
    score: t.exposeFloat('converted', { description: 'Converted IKM, 25-100, two decimals.' }),
    band: t.field({ type: ScoreBand, resolve: (r) => scoreBandOf(r.band) }),
    weighting: t.field({ type: SkmWeighting, resolve: (r) => r.weighting }),
    otherWeighting: t.field({
      type: OtherWeighting,
      nullable: true,
      description:
        'Null where 1/9 and 0.111 give the same band; otherwise what the other weighting gives.',
      resolve: (r) => r.otherWeighting,
    }),
    elements: t.field({
      type: [ElementScore],
      description: 'The nine elements, lowest mean first: the first pulled the result down.',
      resolve: (r) =>
        [...r.elementMeans]
          .sort((a, b) => a.mean - b.mean || a.key.localeCompare(b.key))
          .map((e) => ({ ...e, factor: 25 })),
    }),
  }),
});

const SurveyResponse = builder.prismaObject('SurveyResponse', {
  description: "One respondent's answers: anonymous, with the optional profile of the form.",
  fields: (t) => ({
    answers: t.exposeIntList('answers', { description: 'The nine answers (1-4), in order.' }),
    ageBand: t.expose('ageBand', { type: AgeBand, nullable: true }),
    sex: t.expose('sex', { type: Sex, nullable: true }),
    education: t.expose('education', { type: Education, nullable: true }),
    occupation: t.expose('occupation', { type: Occupation, nullable: true }),
    service: t.exposeString('service', { nullable: true }),
    respondedOn: t.expose('respondedOn', { type: 'Date', nullable: true }),
  }),
});

export const SurveyPeriod = builder.prismaObject('SurveyPeriod', {
  description:
    "A unit's SKM survey (Survei Kepuasan Masyarakat, PermenPAN-RB 14/2017) in an SKM cycle: its respondents' answers to the nine elements and the result they give. Public once published, as aggregates only.",
  fields: (t) => ({
    id: t.exposeID('id'),
    cycle: t.relation('cycle', { type: AssessmentCycle }),
    organisation: t.field({
      type: OrganisationRef,
      resolve: (p) => organisationRef(p.organisationId),
    }),
    population: t.exposeInt('population', {
      description: 'Service users in the period, the table is read with.',
    }),
    weighting: t.expose('weighting', { type: SkmWeighting }),
    status: t.expose('status', { type: SurveyStatus }),
    version: t.exposeInt('version', { description: 'Give it to publishSurveyPeriod.' }),
    result: t.field({
      type: SurveyResult,
      nullable: true,
      description: 'From the answers so far; null without answers.',
      select: {
        population: true,
        weighting: true,
        cycle: { select: { year: true } },
        responses: { select: { answers: true } },
      },
      resolve: (p) => surveyResult(p, p.responses),
    }),
    published: t.field({
      type: Assessment,
      nullable: true,
      description: "The unit's SKM result it was published as.",
      select: { assessmentId: true },
      resolve: (p) =>
        p.assessmentId ? prisma().assessment.findUnique({ where: { id: p.assessmentId } }) : null,
    }),
    responses: t.relation('responses', {
      type: SurveyResponse,
      nullable: true,
      description:
        'The single answers: for the unit concerned, the organisations above it and staff; the public sees the result only.',
      authScopes: (p, _args, ctx) => mayReadResponses(ctx.identity, p.organisationId),
      query: { orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.queryField('surveyPeriod', (t) =>
  t.prismaField({
    type: SurveyPeriod,
    nullable: true,
    description: 'One SKM survey by id; null when none, or not yet yours to know of.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      prisma().surveyPeriod.findFirst({
        ...query,
        where: { AND: [{ id: id(args.id) }, knownSurveys(ctx.identity)] },
      }),
  }),
);

builder.objectField(OrganisationRef, 'surveys', (t) =>
  t.prismaField({
    type: [SurveyPeriod],
    description: 'Its SKM surveys, newest cycle first: published ones for everyone.',
    resolve: (query, organisation, _args, ctx) =>
      prisma().surveyPeriod.findMany({
        ...query,
        where: { AND: [{ organisationId: organisation.id }, knownSurveys(ctx.identity)] },
        orderBy: [{ cycle: { year: 'desc' } }, { cycleId: 'desc' }],
      }),
  }),
);

export const SurveyResponseInput = builder.inputType('SurveyResponseInput', {
  description:
    'One respondent, anonymous: the nine answers and, if given, the profile the form asks. Names, telephone numbers, addresses and id numbers have no field here and are never kept.',
  fields: (t) => ({
    answers: t.intList({ required: true, description: 'Nine answers 1-4, in element order.' }),
    ageBand: t.field({ type: AgeBand }),
    sex: t.field({ type: Sex }),
    education: t.field({ type: Education }),
    occupation: t.field({ type: Occupation }),
    service: t.string({ description: 'The service used.' }),
    respondedOn: t.field({ type: 'Date' }),
  }),
});

builder.mutationFields((t) => ({
  openSurveyPeriod: t.field({
    type: SurveyPeriod,
    description:
      'A unit opens its SKM survey of an OPEN SKM cycle, with the population it served. By the unit (or an administrator).',
    authScopes: (_root, _args, ctx) => unitOrAdmin(ctx.identity),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'survey' } },
    args: {
      input: t.arg({
        type: builder.inputType('OpenSurveyPeriodInput', {
          fields: (f) => ({
            cycleId: f.id({ required: true, description: 'An SKM cycle, e.g. "skm-2026-s1".' }),
            organisationId: f.id({ required: true }),
            population: f.int({ required: true, description: 'Service users in the period.' }),
            weighting: f.field({ type: SkmWeighting, description: 'EXACT unless given.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) =>
      openSurveyPeriod(
        { ...input, cycleId: id(input.cycleId), organisationId: id(input.organisationId) },
        ctx.identity,
      ),
  }),
  recordSurveyResponses: t.field({
    type: SurveyPeriod,
    description:
      'Enters respondents, one or many, all or none. Files of answers go to POST /imports/skm instead.',
    authScopes: (_root, _args, ctx) => unitOrAdmin(ctx.identity),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'survey' } },
    args: {
      periodId: t.arg.id({ required: true }),
      responses: t.arg({ type: [SurveyResponseInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      recordSurveyResponses(id(args.periodId), args.responses, ctx.identity),
  }),
  publishSurveyPeriod: t.field({
    type: SurveyPeriod,
    description:
      "Publishes the survey's result as the unit's SKM result in its cycle, with the element scores; a sample below the table's is published marked so.",
    authScopes: (_root, _args, ctx) => unitOrAdmin(ctx.identity),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'survey' } },
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'The version you read.' }),
    },
    resolve: (_root, args, ctx) =>
      publishSurveyPeriod(id(args.id), args.expectedVersion, ctx.identity),
  }),
}));
