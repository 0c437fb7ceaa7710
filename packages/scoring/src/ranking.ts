import { comparability, methodologyById } from './methodology.js';
import { roundTo, toSteps } from './precision.js';

export interface Ranked<T> {
  readonly item: T;
  /** Standard competition ranking: equal scores share a rank and the next rank skips (1,2,2,4). */
  readonly rank: number;
  readonly score: number;
}

/**
 * Ranks items by score, highest first. Scores tie when equal at the published precision;
 * `tieBreak` only orders tied items for display, it never changes their rank.
 */
export function rankWithTies<T>(
  items: readonly T[],
  scoreOf: (item: T) => number,
  options: { precision?: number; tieBreak?: (a: T, b: T) => number } = {},
): Ranked<T>[] {
  const precision = options.precision ?? 2;
  const rows = items.map((item) => ({
    item,
    score: scoreOf(item),
    steps: toSteps(scoreOf(item), precision),
  }));
  rows.sort(
    (a, b) => b.steps - a.steps || (options.tieBreak ? options.tieBreak(a.item, b.item) : 0),
  );
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || row.steps !== rows[i - 1]?.steps) rank = i + 1;
    return { item: row.item, rank, score: row.score };
  });
}

export interface Change {
  readonly previousYear: number;
  readonly previousScore: number;
  /** Current minus previous at the published precision; null across a change of method. */
  readonly delta: number | null;
  /** False across a change of method: the two scores measure different things. */
  readonly comparable: boolean;
  /** What changed between the two methods, when they differ. */
  readonly methodologyBreak: string | null;
}

export interface YearScore {
  readonly year: number;
  readonly score: number;
  /** The methodology the score was banded with. */
  readonly methodologyId: string;
}

/**
 * A series of one subject's results in one framework, newest first, each with its change
 * against the closest earlier year (null for the oldest). Across a change of method the change
 * says so, and carries no delta.
 */
export function withYearOverYearChange<T extends YearScore>(
  series: readonly T[],
  precision = 2,
): (T & { change: Change | null })[] {
  const sorted = [...series].sort((a, b) => b.year - a.year);
  return sorted.map((current, i) => {
    const previous = sorted[i + 1];
    if (!previous) return { ...current, change: null };
    const earlier = methodologyById(previous.methodologyId);
    const later = methodologyById(current.methodologyId);
    // Only ids from this package are ever stored; an unknown one is a programming error.
    if (!earlier || !later) throw new Error(`Unknown methodology in a series of results`);
    const { comparable, methodologyBreak } = comparability(earlier, later);
    return {
      ...current,
      change: {
        previousYear: previous.year,
        previousScore: previous.score,
        delta: comparable ? roundTo(current.score - previous.score, precision) || 0 : null,
        comparable,
        methodologyBreak,
      },
    };
  });
}
