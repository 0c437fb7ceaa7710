import {
  type BandResult,
  bandOf,
  classify,
  type Indicator,
  type Instrument,
  instrumentOf,
  type LokusPlan,
  METHODOLOGIES,
  type Methodology,
  type Outline,
  publishedRange,
  ScoringError,
} from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { Framework, PeerGroup, Zone } from '../refs.js';
import { methodologyOf } from '../scores.js';

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

export const IndicatorRef = builder.objectRef<Indicator>('Indicator').implement({
  description:
    "One indicator of an instrument: what an assessor scores for a lokus, a level on the indicator's scale, with its bukti dukung (evidence).",
  fields: (t) => ({
    key: t.exposeID('key', { description: 'Its key within the instrument, e.g. "1".' }),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'The official code on the form, e.g. "1.a.Ak" (PEKPPP: number, aspect, prinsip).',
    }),
    component: t.exposeString('component', {
      description: 'The methodology\'s component it scores into, e.g. "kebijakan".',
    }),
    name: t.exposeString('name', { description: 'Its wording on the form.' }),
    weight: t.exposeFloat('weight', {
      description: "Its weight within the component (a component's indicators add up to 100).",
    }),
    minLevel: t.int({ resolve: (i) => i.scale.min, description: 'Its lowest level.' }),
    maxLevel: t.int({ resolve: (i) => i.scale.max, description: 'Its highest level.' }),
    confirmed: t.exposeBoolean('confirmed', {
      description:
        'False where its wording or weight rests on secondary sources rather than a seen regulation.',
    }),
  }),
});

const ComponentRollUp = builder.enumType('ComponentRollUp', {
  description: "How an instrument's indicator scores make a component's score.",
  values: {
    WEIGHTED_MEAN: {
      description:
        "The indicators' levels weighed by their weights within the component, on the component's scale.",
    },
  } as const,
});

export const InstrumentRef = builder.objectRef<Instrument>('Instrument').implement({
  description:
    "A methodology's instrument: the indicators an assessor scores for each lokus. Packages/scoring rolls them up into the components and the total; nobody types a total the instrument computes.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'e.g. "pekppp-2023".' }),
    name: t.exposeString('name', { description: 'Official name of the form.' }),
    componentRollUp: t.field({ type: ComponentRollUp, resolve: (i) => i.componentRollUp }),
    indicators: t.field({
      type: [IndicatorRef],
      description: 'Its indicators, in the order of the form.',
      resolve: (i) => i.indicators,
    }),
    confirmed: t.exposeBoolean('confirmed', {
      description: 'False where parts of it rest on secondary sources (each indicator says which).',
    }),
    source: t.exposeString('source', { description: 'Where it comes from.' }),
  }),
});

export const LokusPlanRef = builder.objectRef<LokusPlan>('LokusPlan').implement({
  description:
    'The service units (lokus) an assessment sampled in each government of some peer groups in some years, as the sources name them: the IPP 2024 sampled Dinas Sosial, RSUD and Samsat/Bapenda in provinces; the Ombudsman 2021 four or five sectors, varying by government.',
  fields: (t) => ({
    years: t.exposeIntList('years'),
    groups: t.field({ type: [PeerGroup], resolve: (p) => [...p.groups] }),
    units: t.exposeStringList('units', {
      description: 'The units as the sources name them; a source may name fewer than were sampled.',
    }),
    minUnits: t.int({
      description: "Fewest units one government's assessment sampled.",
      resolve: (p) => p.count.min,
    }),
    maxUnits: t.int({
      description: "Most units one government's assessment sampled.",
      resolve: (p) => p.count.max,
    }),
    confirmed: t.exposeBoolean('confirmed', {
      description: 'False where the plan is read from regional reports, not a seen regulation.',
    }),
    source: t.exposeString('source'),
  }),
});

const OutlineRef = builder.objectRef<Outline>('MethodOutline').implement({
  description:
    "How a method's instrument is built, where its source says so: SPBE under PermenPAN-RB 5/2018 has 3 domains, 7 aspects and 35 indicators; under 59/2020, 4, 8 and 47.",
  fields: (t) => ({
    domains: t.exposeStringList('domains', { description: 'Its domains, in order.' }),
    aspects: t.exposeInt('aspects'),
    indicators: t.exposeInt('indicators'),
    source: t.exposeString('source'),
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
    scaleMin: t.float({
      resolve: (m) => publishedRange(m).min,
      description:
        "Lowest total the method publishes: below its band table's lowest bound where its arithmetic reaches further (SKM weighed by 0.111 reaches 24.98, band D).",
    }),
    scaleMax: t.float({
      resolve: (m) => publishedRange(m).max,
      description: 'Highest total the method publishes.',
    }),
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
    outline: t.field({
      type: OutlineRef,
      nullable: true,
      description:
        'Its domains, aspects and indicators, where the source gives them; null where it does not (the components say the rest).',
      resolve: (m) => m.outline,
    }),
    lokusPlans: t.field({
      type: [LokusPlanRef],
      description:
        "The lokus each government's assessment sampled, by year and peer group, where published; empty where none was.",
      resolve: (m) => [...m.lokusPlans],
    }),
    instrument: t.field({
      type: InstrumentRef,
      nullable: true,
      description:
        "The instrument its lokus are scored with, indicator by indicator; null where the method's indicators are not published (the Ombudsman's) and lokus are recorded by component.",
      resolve: (m) => instrumentOf(m),
    }),
  }),
});

/** Every finding a method's opinion can add to its grade, from packages/scoring. */
const FINDINGS = new Map(
  METHODOLOGIES.flatMap((m) => m.findings ?? []).map((f) => [f.key, f.description]),
);

export const OpinionFinding = builder.enumType('OpinionFinding', {
  description:
    'The second part of an opinion, where the method has one. The Ombudsman\'s Penilaian Maladministrasi (from 2025, Peraturan Ombudsman 61/2025) adds "Tanpa Maladministrasi" to the grade where the body followed up the Ombudsman\'s oversight products (tindakan korektif, saran perbaikan, rekomendasi). It is recorded with a result, never read from the score. Unconfirmed: only these two wordings were seen in the published opinions.',
  values: Object.fromEntries(
    [...FINDINGS].map(([key, description]) => [key, { description }]),
  ) as Record<string, { description: string }>,
});

interface ScoreBandShape {
  grade: string | null;
  label: string;
  zone: 'GREEN' | 'YELLOW' | 'RED' | null;
  finding: string | null;
  opinion: string;
  methodologyId: string;
  methodologyName: string;
  confirmed: boolean;
}

/** The graph's view of a band computed by packages/scoring. */
export function scoreBandOf(band: BandResult): ScoreBandShape {
  return {
    grade: band.grade,
    label: band.label,
    zone: band.zone,
    finding: band.finding?.key ?? null,
    opinion: band.opinion,
    methodologyId: band.methodology.id,
    methodologyName: band.methodology.name,
    confirmed: band.methodology.confirmed,
  };
}

export const ScoreBand = builder.objectRef<ScoreBandShape>('ScoreBand').implement({
  description: 'The official band a score falls in, under the methodology of its year.',
  fields: (t) => ({
    grade: t.exposeString('grade', {
      nullable: true,
      description:
        'Letter grade (IPP "B", Ombudsman "A"); null where the methodology has zones or predikat only.',
    }),
    label: t.exposeString('label', {
      description:
        'The official label: predikat, opini or mutu pelayanan, e.g. "Baik", "Kualitas Tinggi".',
    }),
    zone: t.expose('zone', {
      type: Zone,
      nullable: true,
      description: 'Ombudsman zone; null for frameworks without zones.',
    }),
    finding: t.expose('finding', {
      type: OpinionFinding,
      nullable: true,
      description:
        "The opinion's second part (2025 Ombudsman: the maladministration finding) where the method has one and the result states it.",
    }),
    opinion: t.exposeString('opinion', {
      description:
        'The whole opinion as published: the label and the finding\'s words, e.g. "Kualitas Sedang Tanpa Maladministrasi".',
    }),
    methodology: t.exposeString('methodologyId', {
      description: 'The methodology version that banded the score, e.g. "ombudsman-2022".',
    }),
    methodologyName: t.exposeString('methodologyName', {
      description: "The methodology's official name.",
    }),
    confirmed: t.exposeBoolean('confirmed', {
      description:
        'False where the bands are the best current reading of public sources rather than a seen regulation.',
    }),
  }),
});

/**
 * The band of a stored total under the methodology it was scored with, with the opinion's
 * second part where the result states one (the 2025 maladministration finding).
 */
export function bandOfTotal(methodologyId: string, total: number, finding: string | null = null) {
  return scoreBandOf(bandOf(methodologyOf(methodologyId), total, { finding }));
}

builder.queryField('scoreBand', (t) =>
  t.field({
    type: ScoreBand,
    description:
      'The official band of a score, straight from the scoring package. Without `year` the newest methodology applies; with it, the methodology in force that year. A year no method covers (the Ombudsman held none in 2020), or a score outside its scale is a BAD_USER_INPUT error naming the argument.',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      score: t.arg.float({ required: true, description: "A score on the framework's scale." }),
      year: t.arg.int({ description: 'Assessment year, to pick the methodology in force then.' }),
      finding: t.arg({
        type: OpinionFinding,
        description:
          "The opinion's second part, for methods that have one (Ombudsman from 2025); an error for the others.",
      }),
    },
    resolve: (_root, { framework, score, year, finding }) => {
      if (year !== null && year !== undefined && (year < 1990 || year > 2100)) {
        throw badUserInput('year', `year must be between 1990 and 2100, got ${year}`);
      }
      try {
        return scoreBandOf(classify(framework, score, year ?? undefined, finding ?? null));
      } catch (error) {
        if (error instanceof ScoringError) throw badUserInput(error.field, error.message);
        throw error;
      }
    },
  }),
);
