import {
  assertInRange,
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
  scores: readonly ComponentScoreInput[];
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

/** Scores one lokus; a rejected score names its place in the input (`lokus[2].scores.proses`). */
export function scoreLokus(methodology: Methodology, lokus: LokusInput, path: string): ScoredLokus {
  if (!methodology.components) {
    throw new InvalidInputError(
      `${methodology.id} publishes totals only, without ${methodology.componentKind}s; record the published total instead`,
      path,
    );
  }
  const byKey: Record<string, number> = {};
  for (const [i, { component, score }] of lokus.scores.entries()) {
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
      `${field} has more than the ${methodology.precision} decimals ${methodology.id} publishes`,
      field,
    );
  }
}
