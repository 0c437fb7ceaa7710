import { ADMIN_ONLY } from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { LokusPlanRef, MethodologyRef } from '../methods/schema.js';
import { Framework } from '../refs.js';
import { methodologyOf } from '../scores.js';
import { advanceCycle, createCycle } from './commands.js';

export const CycleStatus = builder.enumType('CycleStatus', {
  description: 'Where an assessment cycle stands.',
  values: {
    PLANNED: { description: 'Announced; assessments not yet recorded.' },
    OPEN: { description: 'Assessments are being recorded and scored.' },
    CLOSED: { description: 'No new assessments; verification under way.' },
    PUBLISHED: { description: 'Results are public.' },
  } as const,
});

export const AssessmentCycle = builder.prismaObject('AssessmentCycle', {
  description:
    'One round of a framework, e.g. the IPP of 2024 or the Ombudsman compliance assessment of 2023.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id, e.g. "ipp-2024".' }),
    framework: t.expose('framework', { type: Framework }),
    year: t.exposeInt('year', { description: 'Assessment year.' }),
    period: t.string({
      nullable: true,
      description: 'Sub-period within the year, if any; null for a yearly cycle.',
      resolve: (c) => c.period || null,
    }),
    status: t.expose('status', { type: CycleStatus }),
    methodology: t.field({
      type: MethodologyRef,
      description: 'The methodology that scores and bands this cycle.',
      select: { methodologyId: true },
      resolve: (c) => methodologyOf(c.methodologyId),
    }),
    announcedOn: t.expose('announcedOn', {
      type: 'Date',
      nullable: true,
      description:
        'The day its results were announced: the day the cycle was published in Mutu, or as a source dates it (the IPP 2024 on 31 December 2024). A rank or award a source dates before it belongs to an earlier cycle.',
    }),
    lokusPlans: t.field({
      type: [LokusPlanRef],
      description:
        "The lokus each government's assessment sampled this year, by peer group, where published.",
      select: { methodologyId: true, year: true },
      resolve: (c) =>
        methodologyOf(c.methodologyId).lokusPlans.filter((p) => p.years.includes(c.year)),
    }),
  }),
});

builder.asEntity(AssessmentCycle, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }) => prisma().assessmentCycle.findUnique({ where: { id } }),
});

builder.queryFields((t) => ({
  cycle: t.prismaField({
    type: 'AssessmentCycle',
    nullable: true,
    description: 'One cycle by id; null when none has that id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().assessmentCycle.findUnique({ ...query, where: { id: String(id) } }),
  }),
  cycles: t.prismaField({
    type: ['AssessmentCycle'],
    description: 'Cycles, newest first, of one framework or all.',
    args: { framework: t.arg({ type: Framework }) },
    resolve: (query, _root, { framework }) =>
      prisma().assessmentCycle.findMany({
        ...query,
        where: framework ? { framework } : {},
        orderBy: [{ year: 'desc' }, { framework: 'asc' }, { period: 'asc' }],
      }),
  }),
}));

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

const cycleStep = (step: 'open' | 'close' | 'publish', description: string) =>
  builder.mutationField(`${step}Cycle`, (t) =>
    t.field({
      type: AssessmentCycle,
      description,
      authScopes: ADMIN_ONLY,
      errors: { types: MUTATION_ERRORS, dataField: { name: 'cycle' } },
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

builder.mutationFields((t) => ({
  createCycle: t.field({
    type: AssessmentCycle,
    description: 'Announces a cycle of a framework (PLANNED).',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'cycle' } },
    args: { input: t.arg({ type: CreateCycleInput, required: true }) },
    resolve: (_root, { input }, ctx) => createCycle(input, ctx.identity.sub),
  }),
}));
