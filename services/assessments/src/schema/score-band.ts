import {
  type BandResult,
  classify,
  FRAMEWORK_DESCRIPTIONS,
  FRAMEWORKS,
  ScoringError,
} from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';

export const Framework = builder.enumType('Framework', {
  description: 'An assessment framework Mutu records.',
  values: Object.fromEntries(
    FRAMEWORKS.map((f) => [f, { description: FRAMEWORK_DESCRIPTIONS[f] }]),
  ) as Record<(typeof FRAMEWORKS)[number], { description: string }>,
});

export const Zone = builder.enumType('Zone', {
  description: "The Ombudsman compliance method's traffic-light zone.",
  values: {
    GREEN: { description: 'Zona hijau: high compliance.' },
    YELLOW: { description: 'Zona kuning: medium compliance.' },
    RED: { description: 'Zona merah: low compliance.' },
  } as const,
});

interface ScoreBandShape {
  grade: string | null;
  label: string;
  zone: 'GREEN' | 'YELLOW' | 'RED' | null;
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

builder.queryField('scoreBand', (t) =>
  t.field({
    type: ScoreBand,
    description:
      'The official band of a score, straight from the scoring package. Without `year` the newest methodology applies; with it, the methodology in force that year.',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      score: t.arg.float({ required: true, description: "A score on the framework's scale." }),
      year: t.arg.int({ description: 'Assessment year, to pick the methodology in force then.' }),
    },
    resolve: (_root, { framework, score, year }) => {
      if (year !== null && year !== undefined && (year < 1990 || year > 2100)) {
        throw badUserInput('year', `year must be between 1990 and 2100, got ${year}`);
      }
      try {
        return scoreBandOf(classify(framework, score, year ?? undefined));
      } catch (error) {
        if (error instanceof ScoringError) throw badUserInput(error.field, error.message);
        throw error;
      }
    },
  }),
);
