import {
  componentScoresOf,
  FRAMEWORKS,
  type Framework,
  type Instrument,
  instrumentOf,
  lokusTotal,
  type Methodology,
  methodologyFor,
  roundTo,
  weightedTotal,
} from '@mutu/scoring';
import { clamp, type Random } from './random.js';

export { FRAMEWORKS, type Framework, lokusTotal, type Methodology, roundTo };

/** One generated cycle: a framework's year where packages/scoring has its method. */
export interface CyclePlan {
  readonly id: string;
  readonly framework: Framework;
  readonly year: number;
  readonly methodology: Methodology;
  readonly instrument: Instrument | null;
}

/** Every framework's years in the range that a methodology covers (no Ombudsman 2020, say). */
export function cyclesIn(
  fromYear: number,
  toYear: number,
  idOf: (f: Framework, y: number) => string,
) {
  const cycles: CyclePlan[] = [];
  for (const framework of FRAMEWORKS) {
    for (let year = fromYear; year <= toYear; year += 1) {
      let methodology: Methodology;
      try {
        methodology = methodologyFor(framework, year);
      } catch {
        continue;
      }
      cycles.push({
        id: idOf(framework, year),
        framework,
        year,
        methodology,
        instrument: instrumentOf(methodology),
      });
    }
  }
  return cycles;
}

/** A draw on a scale around a quality in [0, 1], at `decimals`. */
export function scoreOn(
  random: Random,
  scale: { min: number; max: number },
  quality: number,
  decimals = 2,
): number {
  const v = clamp(0.2 + 0.8 * quality + 0.07 * random.normal(), 0, 1);
  return roundTo(scale.min + v * (scale.max - scale.min), decimals);
}

export interface ScoredUnit {
  readonly exactTotal: number | null;
  readonly total: number | null;
  readonly components: { key: string; score: number; points: number }[];
  /** Instrument indicators with their levels; null where the lokus is scored by components. */
  readonly indicators: { key: string; score: number }[] | null;
}

/** A lokus scored on the methodology's components, totalled by packages/scoring. */
export function scoreByComponents(random: Random, m: Methodology, quality: number): ScoredUnit {
  const scores: Record<string, number> = {};
  for (const c of m.components ?? []) scores[c.key] = scoreOn(random, c.scale, quality);
  const { exact, total, points } = weightedTotal(m, scores);
  return {
    exactTotal: exact,
    total,
    components: Object.entries(scores).map(([key, score]) => ({
      key,
      score,
      points: points[key] ?? 0,
    })),
    indicators: null,
  };
}

/**
 * A lokus scored indicator by indicator, as an assessor enters it: the components come from the
 * instrument's roll-up and the total only once every indicator is scored (`complete` false
 * leaves the later indicators of a draft unscored).
 */
export function scoreByIndicators(
  random: Random,
  m: Methodology,
  instrument: Instrument,
  quality: number,
  complete = true,
): ScoredUnit {
  const scored = complete
    ? instrument.indicators.length
    : random.int(1, instrument.indicators.length - 1);
  const indicators = instrument.indicators.slice(0, scored).map((i) => ({
    key: i.key,
    score: Math.round(scoreOn(random, i.scale, quality, 0)),
  }));
  const { components, missing } = componentScoresOf(
    instrument,
    Object.fromEntries(indicators.map((i) => [i.key, i.score])),
  );
  const weightSum = (m.components ?? []).reduce((sum, c) => sum + c.weight, 0);
  if (missing.length > 0) {
    return {
      exactTotal: null,
      total: null,
      components: Object.entries(components).map(([key, score]) => ({
        key,
        score,
        points:
          ((score * (m.components?.find((c) => c.key === key)?.weight ?? 0)) / weightSum) *
          m.totalFactor,
      })),
      indicators,
    };
  }
  const { exact, total, points } = weightedTotal(m, components);
  return {
    exactTotal: exact,
    total,
    components: Object.entries(components).map(([key, score]) => ({
      key,
      score,
      points: points[key] ?? 0,
    })),
    indicators,
  };
}

/** A published total where the method publishes totals only, at its precision. */
export function publishedTotal(random: Random, m: Methodology, quality: number): number {
  return scoreOn(random, m.scale, quality, m.precision);
}
