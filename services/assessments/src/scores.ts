import {
  assertInRange,
  checkedIndicatorScore,
  componentScoresOf,
  findingOf,
  type Instrument,
  instrumentOf,
  lokusTotal,
  type Methodology,
  methodologyById,
  publishedRange,
  roundTo,
  ScoringError,
  weightedTotal,
} from '@mutu/scoring';
import { InvalidInputError } from './errors.js';
import { optionalText } from './inputs.js';

export interface ComponentScoreInput {
  component: string;
  score: number;
}

export interface IndicatorScoreInput {
  indicator: string;
  score: number;
  note?: string | null;
}

export interface LokusInput {
  unitId: string;
  /** The unit's component scores; or, where only the unit's total was published, `total`. */
  scores?: readonly ComponentScoreInput[] | null;
  total?: number | null;
  /** Where the methodology has an instrument: the indicators scored so far. */
  indicators?: readonly IndicatorScoreInput[] | null;
}

/** An indicator's level as stored, with the assessor's note. */
export interface ScoredIndicator {
  key: string;
  score: number;
  note: string | null;
  /** Who scored it and when, for a score already stored; a new one is the writer's. */
  scoredBy?: string;
  scoredAt?: Date;
}

/**
 * A lokus as stored: its total and each component's score and points, all from packages/scoring.
 * A lokus scored by an instrument's indicators has a total only once every indicator is scored;
 * until then `scores` holds the components already complete.
 */
export interface ScoredLokus {
  unitId: string;
  exactTotal: number | null;
  total: number | null;
  scores: { key: string; score: number; points: number }[];
  /** Null for a lokus scored by components or recorded by its published total. */
  indicators: ScoredIndicator[] | null;
}

/** A lokus scored by its components or recorded by its published total: always complete. */
export type CompleteLokus = ScoredLokus & { exactTotal: number; total: number; indicators: null };

export function methodologyOf(id: string): Methodology {
  const methodology = methodologyById(id);
  // Only ids from packages/scoring are ever stored, so this is a programming error.
  if (!methodology) throw new Error(`Unknown methodology ${id}`);
  return methodology;
}

/**
 * Scores one lokus from its components, or takes its published total (a Kota Bengkulu unit's
 * 93.57, say, published without components); a rejected score names its place in the input
 * (`lokus[2].scores.proses`).
 */
export function scoreLokus(
  methodology: Methodology,
  lokus: LokusInput,
  path: string,
): CompleteLokus {
  const scores = lokus.scores ?? [];
  if (lokus.total != null) {
    if (scores.length > 0) {
      throw new InvalidInputError(
        `give a lokus either its component scores or its published total, not both`,
        `${path}.total`,
      );
    }
    assertPublishedTotal(methodology, lokus.total, `${path}.total`);
    return {
      unitId: lokus.unitId,
      exactTotal: lokus.total,
      total: lokus.total,
      scores: [],
      indicators: null,
    };
  }
  if (!methodology.components) {
    throw new InvalidInputError(
      `${methodology.id} publishes totals only, without ${methodology.componentKind}s; record the published total instead`,
      path,
    );
  }
  const byKey: Record<string, number> = {};
  for (const [i, { component, score }] of scores.entries()) {
    if (component in byKey) {
      throw new InvalidInputError(
        `${methodology.componentKind} ${component} is given twice`,
        `${path}.scores[${i}].component`,
      );
    }
    byKey[component] = score;
  }
  try {
    const { exact, total, points } = weightedTotal(methodology, byKey);
    return {
      unitId: lokus.unitId,
      exactTotal: exact,
      total,
      scores: Object.entries(byKey).map(([key, score]) => ({
        key,
        score,
        points: points[key] ?? 0,
      })),
      indicators: null,
    };
  } catch (e) {
    if (e instanceof ScoringError)
      throw new InvalidInputError(e.message, `${path}.scores.${e.field}`);
    throw e;
  }
}

/**
 * Scores a lokus of a draft. Where the methodology has an instrument, the assessor scores its
 * indicators and packages/scoring computes the components and the total: typed component
 * scores or totals are refused. `earlier` holds the indicators the lokus already has; the
 * given ones replace those with the same key.
 */
export function scoreDraftLokus(
  methodology: Methodology,
  lokus: LokusInput,
  path: string,
  earlier: readonly ScoredIndicator[] = [],
  indicatorsField = `${path}.indicators`,
): ScoredLokus {
  const instrument = instrumentOf(methodology);
  if (!instrument) {
    if (lokus.indicators?.length) {
      throw new InvalidInputError(
        `${methodology.id} has no instrument in Mutu: its indicators are not published; give the lokus its ${methodology.componentKind} scores`,
        `${path}.indicators`,
      );
    }
    return scoreLokus(methodology, lokus, path);
  }
  for (const field of ['scores', 'total'] as const) {
    const given = lokus[field];
    if (given != null && !(Array.isArray(given) && given.length === 0)) {
      throw new InvalidInputError(
        `${methodology.id} is scored indicator by indicator (${instrument.id}); give ${indicatorsField}, its ${methodology.componentKind}s and total are computed`,
        `${path}.${field}`,
      );
    }
  }
  const byKey = new Map(earlier.map((i) => [i.key, i]));
  const seen = new Set<string>();
  for (const [i, given] of (lokus.indicators ?? []).entries()) {
    const at = `${indicatorsField}[${i}]`;
    const key = given.indicator.trim();
    if (seen.has(key))
      throw new InvalidInputError(`indicator ${key} is given twice`, `${at}.indicator`);
    seen.add(key);
    checkedIndicator(instrument, key, given.score, at);
    byKey.set(key, { key, score: given.score, note: optionalText(given.note, `${at}.note`) });
  }
  return rollUpIndicators(methodology, instrument, lokus.unitId, [...byKey.values()]);
}

function checkedIndicator(instrument: Instrument, key: string, score: number, at: string) {
  try {
    checkedIndicatorScore(instrument, key, score, `${at}.score`);
  } catch (e) {
    if (e instanceof ScoringError) {
      throw new InvalidInputError(
        e.message,
        e.code === 'UNKNOWN_INDICATOR' ? `${at}.indicator` : `${at}.score`,
      );
    }
    throw e;
  }
}

/** Components and total from an instrument's indicators: the total once every one is scored. */
function rollUpIndicators(
  methodology: Methodology,
  instrument: Instrument,
  unitId: string,
  indicators: ScoredIndicator[],
): ScoredLokus {
  const { components, missing } = componentScoresOf(
    instrument,
    Object.fromEntries(indicators.map((i) => [i.key, i.score])),
  );
  const order = instrument.indicators.map((i) => i.key);
  indicators.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const weightSum = (methodology.components ?? []).reduce((sum, c) => sum + c.weight, 0);
  const points = (key: string, score: number) =>
    ((score * (methodology.components?.find((c) => c.key === key)?.weight ?? 0)) / weightSum) *
    methodology.totalFactor;
  if (missing.length > 0) {
    return {
      unitId,
      exactTotal: null,
      total: null,
      scores: Object.entries(components).map(([key, score]) => ({
        key,
        score,
        points: points(key, score),
      })),
      indicators,
    };
  }
  const total = weightedTotal(methodology, components);
  return {
    unitId,
    exactTotal: total.exact,
    total: total.total,
    scores: Object.entries(components).map(([key, score]) => ({
      key,
      score,
      points: total.points[key] ?? 0,
    })),
    indicators,
  };
}

/**
 * The assessment's total from its scored lokus, combined as the methodology says; null while
 * any lokus still has indicators to score.
 */
export function assessmentTotal(
  methodology: Methodology,
  lokus: readonly { exactTotal: number | null }[],
  field: string,
): number | null {
  if (lokus.length === 0) return null;
  const totals = lokus.map((l) => l.exactTotal);
  if (totals.some((t) => t === null)) return null;
  try {
    return lokusTotal(methodology, totals as number[]).total;
  } catch (e) {
    if (e instanceof ScoringError) throw new InvalidInputError(e.message, field);
    throw e;
  }
}

/** A published total must lie on the methodology's scale, at its published precision. */
export function assertPublishedTotal(methodology: Methodology, score: number, field: string): void {
  try {
    assertInRange(score, publishedRange(methodology), field);
  } catch (e) {
    if (e instanceof ScoringError) {
      throw new InvalidInputError(`${e.message} (the ${methodology.id} scale)`, field);
    }
    throw e;
  }
  if (Math.abs(roundTo(score, methodology.precision) - score) > 1e-9) {
    throw new InvalidInputError(
      methodology.precision === 0
        ? `${field} must be a whole number: ${methodology.id} publishes whole numbers`
        : `${field} has more than the ${methodology.precision} decimals ${methodology.id} publishes`,
      field,
    );
  }
}

/** A finding given with a result, checked against the method's findings (2025 Ombudsman only). */
export function checkedFinding(
  methodology: Methodology,
  finding: string | null | undefined,
  field: string,
): string | null {
  if (finding == null) return null;
  try {
    return findingOf(methodology, finding, field).key;
  } catch (e) {
    if (e instanceof ScoringError) throw new InvalidInputError(e.message, field);
    throw e;
  }
}
