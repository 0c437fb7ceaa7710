import { type Methodology, methodologyById } from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { yearProblem } from '../workflow.js';
import { Framework } from './score-band.js';

export const CycleStatus = builder.enumType('CycleStatus', {
  description: 'Where an assessment cycle stands.',
  values: {
    PLANNED: { description: 'Announced; assessments not yet recorded.' },
    OPEN: { description: 'Assessments are being recorded and scored.' },
    CLOSED: { description: 'No new assessments; verification under way.' },
    PUBLISHED: { description: 'Results are public.' },
  } as const,
});

const AggregationRule = builder.enumType('AggregationRule', {
  description: "How a subject's lokus (the sampled service units) make its total.",
  values: {
    MEAN: { description: "The plain mean of the units' unrounded totals." },
    WHOLE: { description: 'The method scores the subject as a whole: one unit.' },
    UNPUBLISHED: {
      description:
        "Units were assessed but how they combine is not published: the subject's published total stands alone.",
    },
  } as const,
});

const Rounding = builder.enumType('Rounding', {
  description: "How a mean is brought to the method's published precision.",
  values: {
    HALF_UP: { description: 'Rounded half up, as on paper.' },
    TRUNCATE: { description: 'Cut off (Ombudsman 2024: 90.7457 published as 90.74).' },
  } as const,
});

const AggregationRef = builder.objectRef<Methodology['aggregation']>('LokusAggregation').implement({
  description: "How a method combines a subject's lokus into its total: data, with its source.",
  fields: (t) => ({
    rule: t.field({ type: AggregationRule, resolve: (a) => a.rule }),
    rounding: t.field({
      type: Rounding,
      nullable: true,
      resolve: (a) => (a.rule === 'MEAN' ? a.rounding : null),
    }),
    confirmed: t.boolean({
      nullable: true,
      description: 'False where the rule is read from published figures, not from a regulation.',
      resolve: (a) => (a.rule === 'MEAN' ? a.confirmed : null),
    }),
    source: t.string({
      nullable: true,
      description: 'The published figures that show the rule.',
      resolve: (a) => (a.rule === 'MEAN' ? a.source : null),
    }),
  }),
});

export const MethodologyRef = builder.objectRef<Methodology>('Methodology').implement({
  description:
    "A version of a framework's method: its scale, bands and weights, from packages/scoring.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'e.g. "ipp-2022", "ombudsman-2022".' }),
    name: t.exposeString('name', { description: 'Official name.' }),
    fromYear: t.exposeInt('fromYear', {
      nullable: true,
      description: 'First assessment year it applies to.',
    }),
    untilYear: t.exposeInt('untilYear', {
      nullable: true,
      description: 'Last assessment year it applies to.',
    }),
    scaleMin: t.float({ resolve: (m) => m.scale.min, description: 'Lowest possible total.' }),
    scaleMax: t.float({ resolve: (m) => m.scale.max, description: 'Highest possible total.' }),
    confirmed: t.exposeBoolean('confirmed', {
      description:
        'False where bands or weights are the best current reading of public sources, not a seen regulation.',
    }),
    source: t.exposeString('source', { description: 'Legal or published source.' }),
    series: t.exposeString('series', {
      description:
        'Methods of one series score alike: their results compare year over year. Between two series lies a methodology break.',
    }),
    aggregation: t.field({
      type: AggregationRef,
      description: "How the subject's lokus make its total.",
      resolve: (m) => m.aggregation,
    }),
    precision: t.exposeInt('precision', {
      description: 'Decimals the method publishes (0: whole numbers).',
    }),
  }),
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
      resolve: (c) => {
        const methodology = methodologyById(c.methodologyId);
        if (!methodology) throw new Error(`Unknown methodology ${c.methodologyId}`);
        return methodology;
      },
    }),
  }),
});

builder.asEntity(AssessmentCycle, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }) => prisma().assessmentCycle.findUnique({ where: { id } }),
});

export function assertYear(year: number, argument = 'year'): void {
  const problem = yearProblem(year, argument);
  if (problem) throw badUserInput(argument, problem);
}

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
