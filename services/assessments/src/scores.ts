import {
  assertInRange,
  findingOf,
  lokusTotal,
  type Methodology,
  methodologyById,
  roundTo,
  ScoringError,
  weightedTotal,
} from '@mutu/scoring';
import { InvalidInputError } from './errors.js';

export interface ComponentScoreInput {
  component: string;
  score: number;
}

export interface LokusInput {
  unitId: string;
  /** The unit's component scores; or, where only the unit's total was published, `total`. */
  scores?: readonly ComponentScoreInput[] | null;
  total?: number | null;
}

/** A lokus as stored: its total and each component's score and points, all from packages/scoring. */
export interface ScoredLokus {
  unitId: string;
  exactTotal: number;
  total: number;
  scores: { key: string; score: number; points: number }[];
}

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
export function scoreLokus(methodology: Methodology, lokus: LokusInput, path: string): ScoredLokus {
  const scores = lokus.scores ?? [];
  if (lokus.total != null) {
    if (scores.length > 0) {
      throw new InvalidInputError(
        `give a lokus either its component scores or its published total, not both`,
        `${path}.total`,
      );
    }
    assertPublishedTotal(methodology, lokus.total, `${path}.total`);
    return { unitId: lokus.unitId, exactTotal: lokus.total, total: lokus.total, scores: [] };
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
    };
  } catch (e) {
    if (e instanceof ScoringError)
      throw new InvalidInputError(e.message, `${path}.scores.${e.field}`);
    throw e;
  }
}

/** The assessment's total from its scored lokus, combined as the methodology says. */
export function assessmentTotal(
  methodology: Methodology,
  lokus: readonly { exactTotal: number }[],
  field: string,
): number | null {
  if (lokus.length === 0) return null;
  try {
    return lokusTotal(
      methodology,
      lokus.map((l) => l.exactTotal),
    ).total;
  } catch (e) {
    if (e instanceof ScoringError) throw new InvalidInputError(e.message, field);
    throw e;
  }
}

/** A published total must lie on the methodology's scale, at its published precision. */
export function assertPublishedTotal(methodology: Methodology, score: number, field: string): void {
  try {
    assertInRange(score, methodology.scale, field);
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
