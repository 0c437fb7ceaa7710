import { ScoringError } from './errors.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Indicator, Instrument, Methodology } from './types.js';
import { assertInRange } from './validate.js';

/** The instrument that scores a methodology's lokus indicator by indicator, if it has one. */
export function instrumentOf(methodology: Methodology): Instrument | null {
  return INSTRUMENTS.find((i) => i.methodologyId === methodology.id) ?? null;
}

export function instrumentById(id: string): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id);
}

/**
 * The indicator `key` of the instrument, with `score` checked to be one of its levels; errors
 * name `field`.
 */
export function checkedIndicatorScore(
  instrument: Instrument,
  key: string,
  score: number,
  field: string,
): Indicator {
  const indicator = instrument.indicators.find((i) => i.key === key);
  if (!indicator) {
    throw new ScoringError(
      'UNKNOWN_INDICATOR',
      field,
      `${instrument.id} has no indicator "${key}"; its indicators are 1 to ${instrument.indicators.length}`,
    );
  }
  assertInRange(score, indicator.scale, field);
  if (!Number.isInteger(score)) {
    throw new ScoringError(
      'NOT_A_LEVEL',
      field,
      `${field} must be one of the levels ${indicator.scale.min} to ${indicator.scale.max} of indicator ${indicator.code ?? key}, got ${score}`,
    );
  }
  return indicator;
}

export interface IndicatorRollUp {
  /** Each component whose every indicator is scored, with its score. */
  readonly components: Readonly<Record<string, number>>;
  /** Keys of the indicators not scored yet, in the instrument's order. */
  readonly missing: readonly string[];
}

/**
 * The component scores that the given indicator scores make, as the instrument says. A
 * component is scored only once every one of its indicators is: a partly scored one would
 * read as a low score.
 */
export function componentScoresOf(
  instrument: Instrument,
  scores: Readonly<Record<string, number>>,
): IndicatorRollUp {
  for (const [key, score] of Object.entries(scores)) {
    checkedIndicatorScore(instrument, key, score, key);
  }
  const byComponent = new Map<string, Indicator[]>();
  for (const i of instrument.indicators) {
    byComponent.set(i.component, [...(byComponent.get(i.component) ?? []), i]);
  }
  const components: Record<string, number> = {};
  for (const [component, indicators] of byComponent) {
    if (indicators.some((i) => scores[i.key] === undefined)) continue;
    const weights = indicators.reduce((sum, i) => sum + i.weight, 0);
    components[component] =
      indicators.reduce((sum, i) => sum + (scores[i.key] ?? 0) * i.weight, 0) / weights;
  }
  const missing = instrument.indicators
    .filter((i) => scores[i.key] === undefined)
    .map((i) => i.key);
  return { components, missing };
}
